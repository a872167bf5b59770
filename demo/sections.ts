/**
 * A section per report element. An element whose tag is not defined (its module not written yet,
 * or not building) gets a clear note in its place, so the demo works while the package grows.
 */
import { custom, h } from './dom.js';

interface ElementSection {
  id: string;
  tag: string;
  title: string;
  text: string;
}

export const SECTIONS: readonly ElementSection[] = [
  {
    id: 'kre-usage',
    tag: 'kre-license-usage',
    title: 'KRE license usage',
    text: 'Peak concurrent Katalon Runtime Engine sessions against the licenses available.',
  },
  {
    id: 'testcloud-usage',
    tag: 'testcloud-license-usage',
    title: 'TestCloud license usage',
    text: 'The same report for TestCloud sessions.',
  },
  {
    id: 'planner',
    tag: 'kre-license-planner',
    title: 'KRE license planner',
    text: 'How many licenses the demand needed, when it peaks, and what another license count would have done.',
  },
  {
    id: 'sessions',
    tag: 'kre-user-sessions',
    title: 'User sessions',
    text: 'Every session: search, filter, sort, page and export to CSV. Click a chart peak to drill down here.',
  },
];

export interface Sections {
  element: HTMLElement;
  /** Replaces each report element by a fresh copy (same attributes), so it fetches again. */
  reload(): void;
}

export function renderSections(endpoint: string, buildError: string | null): Sections {
  const element = h('div', { class: 'report-sections' });
  for (const section of SECTIONS) {
    const defined = customElements.get(section.tag) !== undefined;
    const body = defined
      ? custom(section.tag, { endpoint })
      : h(
          'div',
          { class: 'not-built', role: 'note' },
          h('strong', {}, 'This element is not built yet'),
          h('span', {}, `<${section.tag}> will appear here once src/${section.tag}.ts defines it.`),
          buildError ? h('details', {}, h('summary', {}, 'Why: the elements do not build'), h('pre', {}, buildError)) : null,
        );
    // A defined element shows its own title; the section keeps its heading for navigation and
    // screen readers, and shows the markup that produced it instead.
    element.append(
      h(
        'section',
        { class: 'report-section', id: section.id, 'aria-labelledby': `${section.id}-title` },
        h('h2', { id: `${section.id}-title`, class: defined ? 'visually-hidden' : undefined }, section.title),
        h(
          'p',
          { class: 'section-text' },
          h('code', { class: 'tag' }, `<${section.tag} endpoint="${endpoint}">`),
          ` ${section.text}`,
        ),
        body,
      ),
    );
  }
  return {
    element,
    reload() {
      for (const section of SECTIONS) {
        const old = element.querySelector(section.tag);
        old?.replaceWith(old.cloneNode(false));
      }
    },
  };
}

/** Loads the element bundle; never throws (a failure becomes the build error text). */
export async function loadElements(): Promise<{ modules: string[]; buildError: string | null }> {
  try {
    const url = new URL('./elements.js', import.meta.url).href;
    const loaded = (await import(/* @vite-ignore */ url)) as { modules: string[]; buildError: string | null };
    return { modules: loaded.modules, buildError: loaded.buildError };
  } catch (error) {
    return { modules: [], buildError: String((error as Error)?.stack ?? error) };
  }
}
