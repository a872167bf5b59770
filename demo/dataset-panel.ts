/**
 * The dataset panel: what was generated (and how fast), and a form to generate another one
 * (`?seed=7&sessions=50000&days=90`).
 */
import type { Dataset } from '../src/core/types.js';
import { h } from './dom.js';
import type { DemoParams } from './params.js';

export function renderDatasetPanel(dataset: Dataset, params: DemoParams, generationMs: number, end: Date): HTMLElement {
  const number = new Intl.NumberFormat();
  const users = new Set<string>();
  let active = 0;
  for (const s of dataset.sessions) {
    users.add(s.user.email);
    if (s.ended === null) active++;
  }
  const facts: Array<[string, string]> = [
    ['Sessions', number.format(dataset.sessions.length)],
    ['Refused requests', number.format(dataset.denials?.length ?? 0)],
    ['Active at the end', number.format(active)],
    ['Users', number.format(users.size)],
    ['Organizations', number.format(dataset.organizations.length)],
    ['Allocations', number.format(dataset.allocations.length)],
    ['Days', number.format(params.days)],
    ['Seed', params.seed],
    ['Generated in', `${number.format(Math.round(generationMs))} ms`],
  ];
  const input = (name: string, value: string, attributes: Record<string, string> = {}): HTMLLabelElement =>
    h('label', { class: 'field' }, name, h('input', { name: name.toLowerCase(), value, ...attributes }));
  return h(
    'section',
    { class: 'panel', id: 'dataset', 'aria-labelledby': 'dataset-title' },
    h('h2', { id: 'dataset-title' }, 'Dataset'),
    h(
      'p',
      { class: 'section-text' },
      `Generated in this page, ending ${end.toISOString().slice(0, 16).replace('T', ' ')} UTC (the start of today, where the mock's clock stands). ` +
        'Same seed, same day: the same data.',
    ),
    h(
      'div',
      { class: 'panel-body' },
      h('dl', { class: 'summary' }, ...facts.map(([dt, dd]) => h('div', {}, h('dt', {}, dt), h('dd', {}, dd)))),
      h(
        'form',
        { class: 'form-row', method: 'get', action: '', 'aria-label': 'Generate another dataset' },
        input('Seed', params.seed),
        input('Sessions', String(params.sessions), { type: 'number', min: '0', max: '2000000', step: '1000' }),
        input('Days', String(params.days), { type: 'number', min: '1', max: '730' }),
        h('button', { type: 'submit', class: 'demo-button' }, 'Generate'),
      ),
    ),
  );
}
