// A license portal in React 19: the KRE usage chart over the session log, their filters kept in
// the page's URL, a chart peak opening the sessions active at that instant.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type {} from 'kre-license-reports/react'; // JSX typings of the elements
import type { BucketSelectEvent, FetchLike, FilterChangeEvent, Interval, KreLicenseUsage, KreUserSessions, SortField, SortOrder } from 'kre-license-reports';
import { applyLanguage, LANGUAGES, languageOf } from '../shared/languages.js';
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
  const chart = useRef<KreLicenseUsage>(null);
  const sessions = useRef<KreUserSessions>(null);
  const lang = languageOf(state.lang);
  const { locale, page } = LANGUAGES[lang];

  // The elements' strings and the page's lang/dir, before the elements draw the new locale.
  useLayoutEffect(() => {
    applyLanguage(lang);
    chart.current?.requestUpdate();
    sessions.current?.requestUpdate();
  }, [lang]);

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
        <h1>{page.title}</h1>
        <label>
          {page.language}{' '}
          <select value={lang} onChange={(e) => commit({ ...stateRef.current, lang: e.target.value })}>
            {Object.entries(LANGUAGES).map(([code, { label }]) => (
              <option key={code} value={code}>{label}</option>
            ))}
          </select>
        </label>
      </header>
      <main>
        <kre-license-usage
          ref={chart}
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
        <p className="hint">{page.hint}</p>
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
