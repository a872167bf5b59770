/**
 * The portal's languages: the report elements' strings come from the host (`setStrings`, here the
 * tables of ../strings/), numbers and dates follow the elements' `locale`, and an RTL language
 * turns the whole page (and with it the elements) right to left.
 */
import { resetStrings, setStrings, type Strings } from 'kre-license-reports';
import { ar } from '../strings/ar.js';
import { de } from '../strings/de.js';
import { ja } from '../strings/ja.js';

export interface Language {
  label: string;
  /** BCP 47 tag: the elements' `locale` and the page's `lang`. */
  locale: string;
  dir: 'ltr' | 'rtl';
  strings: Partial<Strings>;
  /** The portal's own text. */
  page: { title: string; hint: string; language: string };
}

export const LANGUAGES = {
  en: {
    label: 'English',
    locale: 'en-US',
    dir: 'ltr',
    strings: {},
    page: { title: 'License reports', hint: 'Click a bar to list the sessions active at its peak.', language: 'Language' },
  },
  de: {
    label: 'Deutsch',
    locale: 'de-DE',
    dir: 'ltr',
    strings: de,
    page: { title: 'Lizenzberichte', hint: 'Klicken Sie auf einen Balken, um die Sitzungen seiner Spitze zu sehen.', language: 'Sprache' },
  },
  ja: {
    label: '日本語',
    locale: 'ja-JP',
    dir: 'ltr',
    strings: ja,
    page: { title: 'ライセンスレポート', hint: '棒をクリックすると、ピーク時に使用中のセッションを表示します。', language: '言語' },
  },
  ar: {
    label: 'العربية',
    locale: 'ar',
    dir: 'rtl',
    strings: ar,
    page: { title: 'تقارير التراخيص', hint: 'انقر على عمود لعرض الجلسات النشطة في ذروته.', language: 'اللغة' },
  },
} satisfies Record<string, Language>;

export type LanguageCode = keyof typeof LANGUAGES;

export const languageOf = (code: string | null): LanguageCode => (code && code in LANGUAGES ? (code as LanguageCode) : 'en');

/** Puts `code`'s strings in force and sets the page's `lang` and `dir`; the elements re-render on their next update. */
export function applyLanguage(code: LanguageCode): Language {
  const language: Language = LANGUAGES[code];
  resetStrings();
  setStrings(language.strings);
  document.documentElement.lang = language.locale;
  document.documentElement.dir = language.dir;
  return language;
}
