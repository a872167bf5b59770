// A React 19 + TypeScript host, checked by `tsc -p test/types/tsconfig.json`: the attributes,
// properties, refs and event handlers of the three elements are typed, and every line marked as an
// expected error must stay an error (tsc fails on an unused directive). The typings are generated
// from custom-elements.json (scripts/react-types.mjs), so this is also the test of that generator.
import { useRef } from 'react';
import type {} from 'kre-license-reports/react';
import type { ElementProps, KreLicenseUsageProps, KreUserSessionsProps, TestcloudLicenseUsageProps } from 'kre-license-reports/react';
import type { BucketSelectDetail, FilterState, KreLicenseUsage, KreUserSessions } from 'kre-license-reports';

export function Host() {
  const chart = useRef<KreLicenseUsage>(null);
  const sessions = useRef<KreUserSessions>(null);
  const onFilter = (state: FilterState) => state.from;
  const onBucket = (detail: BucketSelectDetail) => detail.peakAt;
  return (
    <>
      <kre-license-usage
        ref={chart}
        endpoint="/api/reports"
        from="2026-10-01"
        to="2026-10-31"
        time-zone="Europe/Berlin"
        organization="org-qa,org-dev"
        locale="de-DE"
        interval="week"
        heading="Runtime Engine"
        fetch={(input, init) => fetch(input, { ...init, headers: { Authorization: 'Bearer t' } })}
        requestTimeout={10_000}
        className="report"
        style={{ maxWidth: 960 }}
        onkre-filter-change={(e) => onFilter(e.detail)}
        onkre-bucket-select={(e) => onBucket(e.detail)}
        onkre-export={(e) => (e.detail.format === 'png' ? e.preventDefault() : undefined)}
      />
      <testcloud-license-usage endpoint="/api/reports" interval="month" timeZone="UTC" onkre-bucket-select={(e) => e.detail.end} />
      <kre-user-sessions
        ref={sessions}
        endpoint="/api/reports"
        q="ada"
        license-source="Acme Corp,QA\,Europe"
        active-at="2026-10-29T10:30:00Z"
        sort="duration"
        order="asc"
        product="testcloud"
        page-size={100}
        onkre-filter-change={(e) => e.detail.activeAt}
      />

      <kre-user-sessions page-size="250" pageSize={25} licenseSource="Acme Corp" activeAt={null} sort="started" />
      <testcloud-license-usage requestTimeout={5_000} fetch={null} interval={null} />

      {/* @ts-expect-error: interval is hour, day, week or month */}
      <kre-license-usage interval="daily" />
      {/* @ts-expect-error: so on the other chart too */}
      <testcloud-license-usage interval="weekly" />
      {/* @ts-expect-error: requestTimeout is a number of milliseconds */}
      <kre-user-sessions requestTimeout="30s" />
      {/* @ts-expect-error: the property takes a page size as a number */}
      <kre-user-sessions pageSize="50" />
      {/* @ts-expect-error: report is read-only: not a prop */}
      <kre-license-usage report={undefined} />
      {/* @ts-expect-error: no such attribute */}
      <kre-license-usage intervall="day" />
      {/* @ts-expect-error: sort names a column */}
      <kre-user-sessions sort="name" />
      {/* @ts-expect-error: order is asc or desc */}
      <kre-user-sessions order="up" />
      {/* @ts-expect-error: product is kre or testcloud */}
      <kre-user-sessions product="katalon" />
      {/* @ts-expect-error: rows per page are 25, 50, 100 or 250 */}
      <kre-user-sessions page-size={30} />
      {/* @ts-expect-error: the handler of kre-bucket-select gets a BucketSelectEvent */}
      <kre-license-usage onkre-bucket-select={(e: CustomEvent<{ q: string }>) => e.detail.q} />
      {/* @ts-expect-error: the detail of kre-filter-change is a FilterState */}
      <kre-license-usage onkre-filter-change={(e) => e.detail.peakAt} />
      {/* @ts-expect-error: fetch has window.fetch's signature */}
      <kre-license-usage fetch={(url: number) => url} />
      {/* @ts-expect-error: the ref of <kre-user-sessions> is a KreUserSessions */}
      <kre-license-usage ref={sessions} />
    </>
  );
}

// The named props types: a typed `ref` and the element's own props over React's.
const usageProps: KreLicenseUsageProps = { interval: 'month', ref: { current: null as KreLicenseUsage | null } };
const sessionsProps: KreUserSessionsProps = { order: 'desc', 'page-size': 50 };
const testcloudProps: TestcloudLicenseUsageProps = { 'onkre-bucket-select': (e) => e.detail.peakAt };
// @ts-expect-error: ElementProps keeps the element's own type over React's
const wrong: ElementProps<KreUserSessions, { sort?: 'user' }> = { sort: 'email' };
void [usageProps, sessionsProps, testcloudProps, wrong];

// The DOM side: HTMLElementTagNameMap and the typed event map.
const chart = document.createElement('kre-license-usage');
chart.interval = 'hour';
chart.addEventListener('kre-bucket-select', (e) => e.detail.peakAt?.slice(0, 10));
chart.addEventListener('kre-filter-change', (e) => e.detail.organization.join(','));
// @ts-expect-error: a BucketSelectDetail has no `q`
chart.addEventListener('kre-bucket-select', (e) => e.detail.q);
const log: KreUserSessions | null = document.querySelector('kre-user-sessions');
log?.addEventListener('kre-export', (e) => e.detail.fileName.endsWith('.csv'));
// @ts-expect-error: the element is not a chart
const notAChart: KreLicenseUsage = document.createElement('kre-user-sessions');
void notAChart;
