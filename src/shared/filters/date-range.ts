/**
 * The date-range filter: a preset select (last 7, 30, 90 days, this month, last month, last 12
 * months, custom) and from/to date inputs. Renders into the host's shadow root.
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { civilToDays, parseCivilDate } from '../../core/tz.js';
import { matchPreset, presetRange, PRESETS, type DateRange, type PresetId } from '../dates.js';
import { str } from '../strings.js';

/** A preset's string: `preset` and its id, capitalised (`presetLast7`, `presetThisMonth`, …). */
const presetLabel = (p: PresetId) => str(`preset${p[0].toUpperCase()}${p.slice(1)}` as `preset${Capitalize<PresetId>}`);

export interface DateRangeOptions {
  /** Unique id prefix within the host's shadow root. */
  id: string;
  range: DateRange;
  /** Today in the report's zone (days since epoch). */
  today: number;
  onChange: (range: DateRange) => void;
  disabled?: boolean;
}

export function renderDateRange({ id, range, today, onChange, disabled = false }: DateRangeOptions): TemplateResult {
  const preset = matchPreset(range, today);
  const pick = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value as PresetId | '';
    if (value) onChange(presetRange(value, today));
  };
  // Chrome fires `change` for every edited segment of a complete date: typing a year passes
  // through 0002, 0020 and 0202. Only a plausible date is a change; an input left empty or
  // implausible gets the range in force back when it loses focus.
  const plausible = (value: string) => (parseCivilDate(value)?.year ?? 0) >= 1900;
  // A from in the future or after to (or a to before from) is refused, with a message by the
  // inputs; the report keeps the range in force. The message is the DOM's own state (Lit binds
  // nothing in it), cleared by the next accepted change.
  const report = (input: HTMLInputElement, message: string) => {
    const note = (input.getRootNode() as ParentNode).querySelector<HTMLElement>(`#${id}-error`);
    if (note) {
      note.textContent = message;
      note.hidden = message === '';
    }
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
  };
  const edit = (which: 'from' | 'to') => (event: Event) => {
    const input = event.target as HTMLInputElement;
    const value = input.value;
    if (!plausible(value) || value === range[which]) return;
    const days = civilToDays(parseCivilDate(value)!);
    if (which === 'from' && days > today) return report(input, str('fromInFuture', { value }));
    if (which === 'from' && value > range.to) return report(input, str('fromAfterTo', { value, to: range.to }));
    if (which === 'to' && value < range.from) return report(input, str('toBeforeFrom', { value, from: range.from }));
    report(input, '');
    onChange(which === 'from' ? { from: value, to: range.to } : { from: range.from, to: value });
  };
  const restore = (which: 'from' | 'to') => (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (!plausible(input.value) || input.getAttribute('aria-invalid') === 'true') {
      input.value = range[which];
      input.setAttribute('aria-invalid', 'false');
    }
  };
  return html`<fieldset class="date-range" part="date-range" ?disabled=${disabled}>
    <legend class="visually-hidden">${str('dateRange')}</legend>
    <label class="field">
      <span class="field-label">${str('dateRange')}</span>
      <select id="${id}-preset" part="date-preset" .value=${live(preset ?? "")} @change=${pick}>
        ${PRESETS.map((p) => html`<option value=${p} ?selected=${p === preset}>${presetLabel(p)}</option>`)}
        <option value="" ?selected=${preset === null}>${str('customRange')}</option>
      </select>
    </label>
    <label class="field">
      <span class="field-label">${str('from')}</span>
      <input id="${id}-from" part="date-from" type="date" required .value=${live(range.from)} max=${range.to} aria-describedby="${id}-error"
        @change=${edit('from')} @blur=${restore('from')} />
    </label>
    <label class="field">
      <span class="field-label">${str('to')}</span>
      <input id="${id}-to" part="date-to" type="date" required .value=${live(range.to)} min=${range.from} aria-describedby="${id}-error"
        @change=${edit('to')} @blur=${restore('to')} />
    </label>
    <p class="field-error" id="${id}-error" part="date-error" role="alert" hidden></p>
  </fieldset>`;
}
