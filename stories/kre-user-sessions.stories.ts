// <kre-user-sessions>: the session log with search, filters, paging and CSV export, in every
// state, theme and width, served by the mock service of src/mock (the same as the tests').
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Dataset } from '../src/core/types.js';
import { createMockService, generateDataset, type MockService, type MockSettings } from '../src/mock/index.js';
import type { KreUserSessions } from '../src/sessions-table/kre-user-sessions.js';
import '../src/kre-user-sessions.js';
import { THEMES, themeBox } from './themes.js';

const ASOF = '2026-10-31T10:15:00Z';
const ENDPOINT = '/api/license-reports';

const datasets = new Map<number, Dataset>();
/**
 * Seeded sessions ending at ASOF, one object per size, generated on its first use (so the
 * 100 000-session story costs nothing to the others). Core caches its index per object.
 */
function dataset(sessions: number): Dataset {
  let d = datasets.get(sessions);
  if (!d) {
    let real: Dataset | undefined;
    const get = () => (real ??= generateDataset({ seed: 11, sessions, days: 90, end: ASOF }));
    d = {
      get organizations() {
        return get().organizations;
      },
      get allocations() {
        return get().allocations;
      },
      get sessions() {
        return get().sessions;
      },
    };
    datasets.set(sessions, d);
  }
  return d;
}

interface SessionsArgs {
  endpoint?: string;
  from?: string;
  to?: string;
  'time-zone'?: string;
  organization?: string;
  locale?: string;
  q?: string;
  'license-source'?: string;
  'active-at'?: string;
  sort?: string;
  order?: string;
  product?: string;
  'page-size'?: number;
}


interface Case {
  args?: SessionsArgs;
  settings?: Partial<MockSettings>;
  sessions?: number;
  width?: number;
  theme?: keyof typeof THEMES;
  requestTimeout?: number;
  play?: (el: KreUserSessions, service: MockService) => Promise<void> | void;
}

const DEFAULT_ARGS: SessionsArgs = { endpoint: ENDPOINT, from: '2026-10-01', to: '2026-10-31', 'time-zone': 'Europe/Berlin', locale: 'en-US' };

function story(c: Case = {}): StoryObj<SessionsArgs> {
  const service = createMockService({ endpoint: ENDPOINT, dataset: dataset(c.sessions ?? 20_000), asOf: ASOF, settings: c.settings });
  const box = themeBox(c.theme, c.width);
  return {
    args: { ...DEFAULT_ARGS, ...c.args },
    parameters: { msw: { handlers: service.handlers } },
    render: (a) =>
      html`<div data-story-box style=${styleMap(box)}>
        <kre-user-sessions endpoint=${ifDefined(a.endpoint)} from=${ifDefined(a.from)} to=${ifDefined(a.to)}
          time-zone=${ifDefined(a['time-zone'])} organization=${ifDefined(a.organization)} locale=${ifDefined(a.locale)}
          q=${ifDefined(a.q)} license-source=${ifDefined(a['license-source'])} active-at=${ifDefined(a['active-at'])}
          sort=${ifDefined(a.sort)} order=${ifDefined(a.order)} product=${ifDefined(a.product)} page-size=${ifDefined(a['page-size'])}
          .requestTimeout=${c.requestTimeout ?? 30_000}></kre-user-sessions>
      </div>`,
    play: c.play
      ? async ({ canvasElement }) => {
          const el = canvasElement.querySelector('kre-user-sessions')!;
          await until(() => Boolean(el.shadowRoot?.querySelector('tbody tr:not(.skeleton)')));
          await c.play!(el, service);
        }
      : undefined,
  };
}

async function until(ready: () => boolean, timeout = 15_000): Promise<void> {
  const start = Date.now();
  while (!ready() && Date.now() - start < timeout) await new Promise((r) => setTimeout(r, 50));
}

const meta: Meta<SessionsArgs> = {
  title: 'Elements/kre-user-sessions',
  component: 'kre-user-sessions',
  parameters: { layout: 'padded' },
};
export default meta;

export const Default = story();
export const Filtered = story({ args: { 'license-source': 'Acme Corp', organization: 'org-qa', sort: 'duration', order: 'desc' } });
export const Searching = story({ args: { q: 'torv' } });
export const DrillDownFromPeak = story({ args: { 'active-at': '2026-10-29T10:30:00Z' } });
export const HostileData = story({ args: { q: 'acme.example', sort: 'user', order: 'asc' } });
export const TestCloud = story({ args: { product: 'testcloud' } });
export const NoEndpoint = story({ args: { endpoint: undefined } });
export const Loading = story({ settings: { delayMs: 3_600_000 } });
export const Busy = story({
  play: (el, service) => {
    service.control.set({ delayMs: 3_600_000 });
    el.sort = 'user';
  },
});
export const NoMatches = story({ args: { q: 'no such person', 'license-source': 'Acme Corp' } });
export const Forbidden = story({ settings: { failure: 'status-403' } });
export const BadRequest = story({ settings: { failure: 'status-400' } });
export const ServerError = story({ settings: { failure: 'status-500' } });
export const NetworkError = story({ settings: { failure: 'network' } });
export const Timeout = story({ settings: { failure: 'timeout' }, requestTimeout: 2_000 });
export const MalformedJson = story({ settings: { failure: 'malformed-json' } });
export const ContractViolation = story({ settings: { failure: 'contract-violation' } });
export const ExportInProgress = story({
  play: (el) => {
    // Two pages of the export arrive, the third hangs (until Cancel): the progress stays on screen.
    el.fetch = (input, init) => {
      const url = new URL(input, location.href);
      if (url.searchParams.get('limit') !== '1000' || Number(url.searchParams.get('offset')) < 2000) return fetch(input, init);
      return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    };
    void el.exportCsv();
  },
});
export const Dark = story({ theme: 'dark', args: { q: 'an' } });
export const Brand = story({ theme: 'brand' });
/** 1100 px: all ten columns in view, long values on two lines, the organization's own name whole. */
export const TenColumnsAt1100 = story({ width: 1100 });
/** The hostile values first (sorted by machine id): a 300-character name clamped to two lines, formulas, markup, RTL. */
export const HostileAt1100 = story({ width: 1100, args: { sort: 'machineId', order: 'asc' } });
/** Below 70em of content: one card per session, two side by side, sorted with the Sort by / Order selects. */
export const Cards800 = story({ width: 800 });
export const Narrow = story({ width: 360 });
export const NarrowDark = story({ width: 360, theme: 'dark', args: { 'active-at': '2026-10-29T10:30:00Z' } });
export const Wide = story({ width: 1600, args: { 'page-size': 100 } });
export const HundredThousandSessions = story({ sessions: 100_000, args: { from: '2026-08-03', to: '2026-10-31', 'page-size': 250 } });
