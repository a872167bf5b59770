// A license portal in React 19: the KRE usage chart over the session log, their filters kept in
// the page's URL, a chart peak opening the sessions active at that instant.
import { useEffect, useRef, useState } from 'react';
import type {} from 'kre-license-reports/react'; // JSX typings of the elements
import type { BucketSelectEvent, FetchLike, FilterChangeEvent, Interval, KreUserSessions, SortField, SortOrder } from 'kre-license-reports';
import { DEMO } from '../shared/mock-api.js';
import { defaultState, licenseSourceAttr, organizationAttr, pushState, readState, withFilterChange, type PortalState } from '../shared/url-state.js';

const DEFAULTS = defaultState({ from: DEMO.from, to: DEMO.to, timeZone: DEMO.timeZone });

/** Every request of both elements carries the portal's credentials (a property, not an attribute). */
const authFetch: FetchLike = (input, init) =>
  fetch(input, { ...init, credentials: 'same-origin', headers: { ...init?.headers, Authorization: 'Bearer example-token' } });

export function App() {
  const [state, setState] = useState<PortalState>(() => readState(location.search, DEFAULTS));
  const stateRef = useRef(state);
  stateRef.current = state;
  const sessions = useRef<KreUserSessions>(null);
  const [locale, setLocale] = useState('en-US');

  // Back and Forward: the URL is the state.
  useEffect(() => {
    const onPop = () => setState(readState(location.search, DEFAULTS));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const commit = (next: PortalState) => {
    pushState(stateRef.current, next, DEFAULTS);
    setState(next);
  };

  const onFilterChange = (event: FilterChangeEvent) => commit(withFilterChange(stateRef.current, event.detail));

  // Drill-down: the sessions active at the moment of the bucket's peak.
  const onBucketSelect = (event: BucketSelectEvent) => {
    if (!event.detail.peakAt) return;
    commit({ ...stateRef.current, activeAt: event.detail.peakAt, q: '', licenseSource: [] });
    sessions.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  return (
    <div className="portal">
      <header className="portal-header">
        <h1>License reports</h1>
        <label>
          Number format{' '}
          <select value={locale} onChange={(e) => setLocale(e.target.value)}>
            <option value="en-US">English (US)</option>
            <option value="de-DE">Deutsch</option>
            <option value="ja-JP">日本語</option>
          </select>
        </label>
      </header>
      <main>
        <kre-license-usage
          endpoint={DEMO.endpoint}
          from={state.from}
          to={state.to}
          time-zone={state.timeZone}
          organization={organizationAttr(state.organization)}
          interval={state.interval as Interval}
          locale={locale}
          fetch={authFetch}
          onkre-filter-change={onFilterChange}
          onkre-bucket-select={onBucketSelect}
        />
        <p className="hint">Click a bar to list the sessions active at its peak.</p>
        <kre-user-sessions
          ref={sessions}
          endpoint={DEMO.endpoint}
          from={state.from}
          to={state.to}
          time-zone={state.timeZone}
          organization={organizationAttr(state.organization)}
          q={state.q || null}
          license-source={licenseSourceAttr(state.licenseSource)}
          active-at={state.activeAt}
          sort={state.sort as SortField}
          order={state.order as SortOrder}
          locale={locale}
          fetch={authFetch}
          onkre-filter-change={onFilterChange}
        />
      </main>
    </div>
  );
}
