// Localization: both reports in German, Japanese and Arabic (right to left). The strings are
// host-supplied tables (examples/strings/, passed to `setStrings`; none is bundled with the
// elements); numbers and dates follow `locale`; `dir="rtl"` on an ancestor mirrors the layout.
// Each story puts its table in force before it renders and restores English afterwards.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { ar } from '../examples/strings/ar.js';
import { de } from '../examples/strings/de.js';
import { ja } from '../examples/strings/ja.js';
import { createMockService } from '../src/mock/index.js';
import { resetStrings, setStrings, type Strings } from '../src/shared/strings.js';
import '../src/kre-license-usage.js';
import '../src/kre-user-sessions.js';
import { ASOF, ENDPOINT, dataset } from './usage-chart-kit.js';

interface Language {
  strings: Partial<Strings>;
  locale: string;
  lang: string;
  dir?: 'ltr' | 'rtl';
  width?: string;
}

function localized({ strings, locale, lang, dir = 'ltr', width = '100%' }: Language): StoryObj {
  const service = createMockService({ endpoint: ENDPOINT, dataset: dataset(), asOf: ASOF });
  return {
    parameters: { msw: { handlers: service.handlers } },
    beforeEach: () => {
      setStrings(strings);
      return () => resetStrings();
    },
    render: () =>
      html`<div lang=${lang} dir=${dir} style=${styleMap({ display: 'grid', gap: '16px', width, maxWidth: '100%' })}>
        <kre-license-usage endpoint=${ENDPOINT} from="2026-10-01" to="2026-10-31" time-zone="Europe/Berlin" locale=${locale}></kre-license-usage>
        <kre-user-sessions endpoint=${ENDPOINT} from="2026-10-01" to="2026-10-31" time-zone="Europe/Berlin" locale=${locale}
          active-at="2026-10-29T10:30:00Z" page-size="25"></kre-user-sessions>
      </div>`,
  };
}

const meta: Meta = {
  title: 'Localization',
  parameters: { layout: 'padded' },
};
export default meta;

export const German = localized({ strings: de, locale: 'de-DE', lang: 'de' });
export const Japanese = localized({ strings: ja, locale: 'ja-JP', lang: 'ja' });
export const ArabicRightToLeft = localized({ strings: ar, locale: 'ar', lang: 'ar', dir: 'rtl' });
export const ArabicNarrow = localized({ strings: ar, locale: 'ar', lang: 'ar', dir: 'rtl', width: '360px' });
