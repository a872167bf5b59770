// The stories of both usage charts, written once: each story is the mock service of src/mock
// (a seeded year of sessions, pinned "now") with a setting of its own (delay, failure), and the
// element with the attributes of the case, in a box of a given width and theme.
import type { StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Dataset } from '../src/core/types.js';
import { createMockService, generateDataset, type MockService, type MockSettings } from '../src/mock/index.js';
import type { LicenseUsageElement } from '../src/usage-chart/license-usage.js';
import '../src/kre-license-usage.js';
import '../src/testcloud-license-usage.js';
import { THEMES, themeBox } from './themes.js';

export const ASOF = '2026-10-31T10:15:00Z';
export const ENDPOINT = '/api/license-reports';
const ZONE = 'Europe/Berlin';

let data: Dataset | undefined;
/** A year and a month of sessions for both products, generated once per page. */
export function dataset(): Dataset {
  data ??= generateDataset({ seed: 11, sessions: 36_000, days: 400, end: ASOF });
  return data;
}

export type Tag = 'kre-license-usage' | 'testcloud-license-usage';

export interface UsageArgs {
  endpoint?: string;
  from?: string;
  to?: string;
  interval?: string;
  'time-zone'?: string;
  organization?: string;
  locale?: string;
  heading?: string;
  compare?: boolean;
}

export { THEMES };

export interface Case {
  args?: UsageArgs;
  settings?: Partial<MockSettings>;
  width?: number | string;
  theme?: keyof typeof THEMES;
  /** Milliseconds before a request times out (the time-out story). */
  requestTimeout?: number;
  /** After the first load: change something while the mock is slow (the busy story). */
  play?: (el: LicenseUsageElement, service: MockService) => Promise<void> | void;
}

const DEFAULT_ARGS: UsageArgs = { endpoint: ENDPOINT, from: '2026-10-02', to: '2026-10-31', 'time-zone': ZONE, locale: 'en-US' };

function renderElement(tag: Tag, a: UsageArgs, timeout?: number): TemplateResult {
  const t = unsafeStatic(tag);
  return staticHtml`<${t} endpoint=${ifDefined(a.endpoint)} from=${ifDefined(a.from)} to=${ifDefined(a.to)}
    interval=${ifDefined(a.interval)} time-zone=${ifDefined(a['time-zone'])} organization=${ifDefined(a.organization)}
    locale=${ifDefined(a.locale)} heading=${ifDefined(a.heading)} ?compare=${a.compare ?? false} .requestTimeout=${timeout ?? 30_000}></${t}>`;
}

/** The story of one case: its own mock service, the element in a box of its width and theme. */
export function usageStory(tag: Tag, c: Case = {}): StoryObj<UsageArgs> {
  const service = createMockService({ endpoint: ENDPOINT, dataset: dataset(), asOf: ASOF, settings: c.settings });
  const box = themeBox(c.theme, c.width);
  const { background } = THEMES[c.theme ?? 'light'] as Record<string, string>;
  return {
    args: { ...DEFAULT_ARGS, ...c.args },
    parameters: { msw: { handlers: service.handlers }, backgrounds: background ? { default: 'theme' } : undefined },
    render: (args) =>
      html`<div data-story-box style=${styleMap(box)}>
        ${renderElement(tag, args, c.requestTimeout)}
      </div>`,
    play: c.play
      ? async ({ canvasElement }) => {
          const el = canvasElement.querySelector<LicenseUsageElement>(tag)!;
          await until(() => el.report !== undefined);
          await c.play!(el, service);
        }
      : undefined,
  };
}

async function until(ready: () => boolean, timeout = 15_000): Promise<void> {
  const start = Date.now();
  while (!ready()) {
    if (Date.now() - start > timeout) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every case, by story name: both story files export these. */
export function usageCases(tag: Tag): Record<string, StoryObj<UsageArgs>> {
  const s = (c: Case = {}) => usageStory(tag, c);
  return {
    Default: s(),
    Hourly: s({ args: { interval: 'hour', from: '2026-10-24', to: '2026-10-31' } }),
    Daily: s({ args: { interval: 'day' } }),
    Weekly: s({ args: { interval: 'week', from: '2026-08-01', to: '2026-10-31' } }),
    Monthly: s({ args: { interval: 'month', from: '2025-11-01', to: '2026-10-31' } }),
    OrganizationFilter: s({ args: { organization: 'org-qa,org-mobile' } }),
    DstChange: s({ args: { interval: 'hour', from: '2026-10-24', to: '2026-10-26' } }),
    YearByDay: s({ args: { from: '2025-11-01', to: '2026-10-31' } }),
    HourlyMonth: s({ args: { interval: 'hour', from: '2026-10-01', to: '2026-10-31' } }),
    NoEndpoint: s({ args: { endpoint: undefined } }),
    // The skeleton; after 5 s the loading state says it is still waiting, with Cancel.
    Loading: s({ settings: { delayMs: 3_600_000 } }),
    Busy: s({
      play: (el, service) => {
        service.control.set({ delayMs: 3_600_000 });
        el.interval = 'week';
      },
    }),
    EmptyRange: s({ args: { from: '2030-01-01', to: '2030-01-31' } }),
    // Contract 1.1: the previous period as ghost bars; allocation changes on the step; denied requests.
    Compare: s({ args: { compare: true } }),
    AllocationChanges: s({ args: { from: '2026-05-01', to: '2026-10-31', interval: 'week' } }),
    // Values the element cannot use: each is named in a notice, and never sent.
    BadAttributes: s({ args: { 'time-zone': 'Mars/Olympus', interval: 'year' as never, from: '2026-13-01' } }),
    SignIn: s({ settings: { failure: 'status-401' } }),
    Forbidden: s({ settings: { failure: 'status-403' } }),
    BadRequest: s({ settings: { failure: 'status-400' } }),
    ServerError: s({ settings: { failure: 'status-500' } }),
    NetworkError: s({ settings: { failure: 'network' } }),
    Timeout: s({ settings: { failure: 'timeout' }, requestTimeout: 2_000 }),
    MalformedJson: s({ settings: { failure: 'malformed-json' } }),
    ContractViolation: s({ settings: { failure: 'contract-violation' } }),
    Dark: s({ theme: 'dark' }),
    DarkHourly: s({ theme: 'dark', args: { interval: 'hour', from: '2026-10-24', to: '2026-10-31' } }),
    Brand: s({ theme: 'brand' }),
    Narrow: s({ width: 360 }),
    NarrowDark: s({ width: 360, theme: 'dark', args: { interval: 'month', from: '2025-11-01', to: '2026-10-31' } }),
    Wide: s({ width: 1400, args: { from: '2026-08-01', to: '2026-10-31' } }),
    German: s({ args: { locale: 'de-DE', interval: 'hour', from: '2026-10-28', to: '2026-10-31' } }),
  };
}
