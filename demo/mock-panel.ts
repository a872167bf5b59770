/**
 * The mock service panel: switch the failure mode and delay (to show designers each state), see
 * the requests the elements sent and the events they fired.
 */
import { MOCK_FAILURES, type MockControl, type MockEndpoint, type MockFailure, type MockSettings } from '../src/mock/index.js';
import { h } from './dom.js';
import { writeMockParams } from './params.js';

const LABELS: Record<MockFailure, string> = {
  'status-500': 'Server error (500)',
  'status-401': 'Not signed in (401)',
  'status-403': 'Not an Account Admin (403)',
  'status-400': 'Bad request (400)',
  network: 'Network failure',
  'malformed-json': 'Malformed JSON',
  'contract-violation': 'Response breaks the contract',
  timeout: 'No answer (hangs until aborted)',
};

function describe(s: Readonly<MockSettings>): string {
  const parts = [s.failure ? `Failing: ${LABELS[s.failure]}` : 'Answering normally'];
  if (s.failure && s.times) parts.push(`for the next ${s.times} request${s.times === 1 ? '' : 's'}`);
  if (s.only) parts.push(`(${s.only} only)`);
  if (s.delayMs > 0) parts.push(`· ${s.delayMs} ms delay`);
  return parts.join(' ');
}

function field(label: string, control: HTMLElement): HTMLLabelElement {
  return h('label', { class: 'field' }, label, control);
}

export function renderMockPanel(control: MockControl, reload: () => void, events: EventTarget): HTMLElement {
  const failure = h('select', { name: 'failure' }, h('option', { value: '' }, 'None: answer normally'));
  for (const mode of MOCK_FAILURES) failure.append(h('option', { value: mode }, LABELS[mode]));
  const delay = h('input', { type: 'number', name: 'delay', min: '0', step: '250', inputmode: 'numeric' });
  const only = h(
    'select',
    { name: 'only' },
    h('option', { value: '' }, 'Both endpoints'),
    h('option', { value: 'usage' }, 'Usage only'),
    h('option', { value: 'sessions' }, 'Sessions only'),
  );
  const times = h('input', { type: 'number', name: 'times', min: '1', step: '1', placeholder: 'always' });
  const state = h('p', { class: 'mock-state', role: 'status' });
  const log = h('ol', { class: 'log', 'aria-label': 'Requests and events, newest first' });

  const show = (s: Readonly<MockSettings>): void => {
    failure.value = s.failure ?? '';
    delay.value = String(s.delayMs);
    only.value = s.only ?? '';
    times.value = s.times === null ? '' : String(s.times);
    state.textContent = describe(s);
    writeMockParams(s.failure, s.delayMs);
  };
  control.subscribe(show);
  show(control.settings);

  const form = h(
    'form',
    { class: 'form-row', 'aria-label': 'Mock service state' },
    field('Failure', failure),
    field('Delay (ms)', delay),
    field('Endpoint', only),
    field('Times', times),
    h('button', { type: 'submit', class: 'demo-button primary' }, 'Apply and reload reports'),
    h('button', { type: 'button', class: 'demo-button', 'data-action': 'reset' }, 'Reset'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    control.set({
      failure: (failure.value || null) as MockFailure | null,
      delayMs: Math.max(0, Number(delay.value) || 0),
      only: (only.value || null) as MockEndpoint | null,
      times: Number(times.value) >= 1 ? Math.floor(Number(times.value)) : null,
    });
    reload();
  });
  form.querySelector('[data-action="reset"]')?.addEventListener('click', () => {
    control.set({ failure: null, delayMs: 0, only: null, times: null });
    reload();
  });

  // The log: requests from the control (polled: it has no request event), events from the page.
  const add = (text: string): void => {
    log.prepend(h('li', {}, text));
    while (log.childElementCount > 40) log.lastElementChild?.remove();
  };
  let seen = 0;
  setInterval(() => {
    const requests = control.requests;
    if (requests.length < seen) seen = 0;
    for (; seen < requests.length; seen++) add(`GET ${decodeURIComponent(requests[seen].pathname + requests[seen].search)}`);
  }, 300);
  for (const type of ['kre-filter-change', 'kre-bucket-select', 'kre-export']) {
    events.addEventListener(type, (event) => add(`${type} ${JSON.stringify((event as CustomEvent).detail)}`));
  }

  return h(
    'section',
    { class: 'panel', id: 'mock', 'aria-labelledby': 'mock-title' },
    h('h2', { id: 'mock-title' }, 'Mock service'),
    h('p', { class: 'section-text' }, 'Make the report service slow or failing to see how the reports behave.'),
    h('div', { class: 'panel-body' }, form, state, log),
  );
}
