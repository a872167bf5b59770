// The themes of the stories: what a host page sets on an ancestor, for every element at once
// (custom properties only; `background` is the page behind the element).
export const THEMES: Record<'light' | 'dark' | 'brand', Readonly<Record<string, string>>> = {
  light: {},
  dark: {
    '--kre-color-text': '#e6e9f0',
    '--kre-color-text-muted': '#a7b0c0',
    '--kre-color-surface': '#151a24',
    '--kre-color-surface-muted': '#212838',
    '--kre-color-border': '#343c4e',
    '--kre-color-border-strong': '#5d6880',
    '--kre-color-accent': '#78a6ff',
    '--kre-color-accent-surface': '#1f2d4a',
    '--kre-color-highlight': '#6b5a12',
    '--kre-color-active': '#7fd6a0',
    '--kre-color-active-surface': '#173726',
    '--kre-color-scheme': 'dark',
    '--kre-color-danger-surface': '#3b1d20',
    '--kre-color-danger-text': '#ffb8b8',
    '--kre-color-danger': '#ff6b6b',
    '--kre-shadow': '0 6px 24px rgb(0 0 0 / 0.55)',
    '--kre-usage-available-color': '#6f8fcf',
    '--kre-usage-peak-color': '#5c93f7',
    '--kre-usage-average-color': '#ffa05c',
    '--kre-usage-capacity-color': '#ff6b6b',
    '--kre-usage-highlight-color': 'rgb(120 166 255 / 0.16)',
    '--testcloud-usage-available-color': '#4fb3a3',
    '--testcloud-usage-peak-color': '#2cc2ad',
    '--testcloud-usage-average-color': '#c39bff',
    background: '#0d1118',
  },
  brand: {
    '--kre-font-family': "'Trebuchet MS', 'Segoe UI', sans-serif",
    '--kre-color-text': '#2b1b33',
    '--kre-color-text-muted': '#6a5873',
    '--kre-color-surface': '#fffafc',
    '--kre-color-surface-muted': '#f7e9f0',
    '--kre-color-border': '#ecd3df',
    '--kre-color-accent': '#b0185a',
    '--kre-color-accent-surface': '#fbe3ee',
    '--kre-color-highlight': '#ffd1e6',
    '--kre-radius': '16px',
    '--kre-radius-small': '10px',
    '--kre-spacing': '24px',
    '--kre-usage-available-color': '#e89abb',
    '--kre-usage-peak-color': '#b0185a',
    '--kre-usage-average-color': '#2f4858',
    '--kre-usage-capacity-color': '#2f4858',
    '--testcloud-usage-peak-color': '#6a2c91',
    '--testcloud-usage-available-color': '#c7a6e0',
    background: '#fdf4f8',
  },
};

export type ThemeName = keyof typeof THEMES;

/**
 * The style of the box a story puts its element in: the theme's custom properties, its page
 * background (with 16 px of it around the element), and `width` (a number is pixels; default:
 * the canvas). `border-box`, so that padding stays inside the width: a content-box at 100% with
 * 16 px padding was 32 px wider than the canvas and overflowed the padded layout by 16 px.
 */
export function themeBox(theme: ThemeName = 'light', width?: number | string): Record<string, string> {
  const { background, ...vars } = THEMES[theme];
  return {
    ...vars,
    boxSizing: 'border-box',
    width: typeof width === 'number' ? `${width}px` : (width ?? '100%'),
    maxWidth: '100%',
    padding: background ? '16px' : '0',
    background: background ?? 'transparent',
  };
}
