/**
 * Light and dark theme through the page's `--kre-*` custom properties (demo.css): the elements read
 * them with `var(--kre-…)`, so switching a data attribute on <html> restyles everything.
 */
const KEY = 'kre-demo-theme';

export function setUpThemeToggle(button: HTMLButtonElement): void {
  const root = document.documentElement;
  const show = (): void => {
    const dark = root.dataset.theme === 'dark';
    button.setAttribute('aria-pressed', String(dark));
    button.textContent = dark ? 'Light theme' : 'Dark theme';
  };
  button.addEventListener('click', () => {
    root.dataset.theme = root.dataset.theme === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(KEY, root.dataset.theme);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    const url = new URL(location.href);
    if (url.searchParams.has('theme')) {
      url.searchParams.set('theme', root.dataset.theme);
      history.replaceState(null, '', url);
    }
    show();
  });
  show();
}
