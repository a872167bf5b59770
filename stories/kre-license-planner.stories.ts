// <kre-license-planner>: how many licenses the demand needed, when, and what another count would
// have done; the what-if, TestCloud, every state, the themes, right to left and 360 px, all served
// by the mock service of src/mock (the same seeded data as the usage charts' stories).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { ar } from '../examples/strings/ar.js';
import { createMockService, type MockService, type MockSettings } from '../src/mock/index.js';
import type { KreLicensePlanner } from '../src/planner/kre-license-planner.js';
import { resetStrings, setStrings } from '../src/shared/strings.js';
import '../src/kre-license-planner.js';
import { themeBox, type ThemeName } from './themes.js';
import { ASOF, ENDPOINT, dataset } from './usage-chart-kit.js';

interface PlannerArgs {
  endpoint?: string;
  from?: string;
  to?: string;
  'time-zone'?: string;
  organization?: string;
  locale?: string;
  product?: string;
  licenses?: string;
  heading?: string;
}

interface Case {
  args?: PlannerArgs;
  settings?: Partial<MockSettings>;
  width?: number;
  theme?: ThemeName;
  /** Right to left, with the host's Arabic strings. */
  rtl?: boolean;
  requestTimeout?: number;
  /** After the first load: what the user does next (the busy and what-if stories). */
  play?: (el: KreLicensePlanner, service: MockService) => Promise<void> | void;
}

const DEFAULT_ARGS: PlannerArgs = { endpoint: ENDPOINT, from: '2026-10-02', to: '2026-10-31', 'time-zone': 'Europe/Berlin', locale: 'en-US' };

function story(c: Case = {}): StoryObj<PlannerArgs> {
  const service = createMockService({ endpoint: ENDPOINT, dataset: dataset(), asOf: ASOF, settings: c.settings });
  const box = themeBox(c.theme, c.width);
  return {
    args: { ...DEFAULT_ARGS, ...(c.rtl ? { locale: 'ar' } : {}), ...c.args },
    parameters: { msw: { handlers: service.handlers } },
    beforeEach: c.rtl
      ? () => {
          setStrings(ar);
          return () => resetStrings();
        }
      : undefined,
    render: (a) =>
      html`<div data-story-box style=${styleMap(box)} dir=${c.rtl ? 'rtl' : 'ltr'} lang=${c.rtl ? 'ar' : 'en'}>
        <kre-license-planner endpoint=${ifDefined(a.endpoint)} from=${ifDefined(a.from)} to=${ifDefined(a.to)}
          time-zone=${ifDefined(a['time-zone'])} organization=${ifDefined(a.organization)} locale=${ifDefined(a.locale)}
          product=${ifDefined(a.product)} licenses=${ifDefined(a.licenses)} heading=${ifDefined(a.heading)}
          .requestTimeout=${c.requestTimeout ?? 30_000}></kre-license-planner>
      </div>`,
    play: c.play
      ? async ({ canvasElement }) => {
          const el = canvasElement.querySelector('kre-license-planner')!;
          await until(() => el.report !== undefined);
          await c.play!(el, service);
        }
      : undefined,
  };
}

async function until(ready: () => boolean, timeout = 15_000): Promise<void> {
  const start = Date.now();
  while (!ready() && Date.now() - start < timeout) await new Promise((r) => setTimeout(r, 50));
}

const meta: Meta<PlannerArgs> = {
  title: 'Elements/kre-license-planner',
  component: 'kre-license-planner',
  parameters: { layout: 'padded' },
  argTypes: { product: { control: 'select', options: ['kre', 'testcloud'] } },
};
export default meta;

export const Default = story();
/** The count to try set by the host: the replay of 12 licenses beside the real figures. */
export const WhatIf = story({ args: { licenses: '12' } });
/** The user drags the slider down: the replay follows once the drag pauses. */
export const WhatIfDragged = story({
  play: (el) => {
    const range = el.shadowRoot!.querySelector<HTMLInputElement>('#licenses-range')!;
    for (const value of ['20', '16', '12', '9']) {
      range.value = value;
      range.dispatchEvent(new Event('input', { bubbles: true }));
    }
  },
});
export const TestCloud = story({ args: { product: 'testcloud' } });
export const OrganizationFilter = story({ args: { organization: 'org-qa,org-mobile' } });
export const Quarter = story({ args: { from: '2026-08-01', to: '2026-10-31' } });
export const DstChange = story({ args: { from: '2026-10-19', to: '2026-10-25' } });
export const NoEndpoint = story({ args: { endpoint: undefined } });
export const Loading = story({ settings: { delayMs: 3_600_000 } });
export const Busy = story({
  play: (el, service) => {
    service.control.set({ delayMs: 3_600_000 });
    el.from = '2026-10-16';
  },
});
export const EmptyRange = story({ args: { from: '2030-01-01', to: '2030-01-31' } });
export const BadLicenses = story({ args: { licenses: 'twelve' } });
export const SignIn = story({ settings: { failure: 'status-401' } });
export const Forbidden = story({ settings: { failure: 'status-403' } });
export const BadRequest = story({ settings: { failure: 'status-400' } });
export const ServerError = story({ settings: { failure: 'status-500' } });
export const NetworkError = story({ settings: { failure: 'network' } });
export const Timeout = story({ settings: { failure: 'timeout' }, requestTimeout: 2_000 });
export const MalformedJson = story({ settings: { failure: 'malformed-json' } });
export const ContractViolation = story({ settings: { failure: 'contract-violation' } });
/** The report loads; the what-if's answer fails (its own panel shows the error and Retry). */
export const WhatIfFailed = story({
  play: (el, service) => {
    service.control.set({ failure: 'status-500', only: 'capacity' });
    el.licenses = 8;
  },
});
export const Dark = story({ theme: 'dark', args: { licenses: '14' } });
export const Brand = story({ theme: 'brand' });
export const RightToLeft = story({ rtl: true });
export const Narrow = story({ width: 360 });
export const NarrowDark = story({ width: 360, theme: 'dark', args: { licenses: '10' } });
export const Wide = story({ width: 1400, args: { from: '2026-08-01', to: '2026-10-31' } });
