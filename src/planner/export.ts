/**
 * The planner's downloads, each announced first with a cancelable `kre-export`: the coverage and
 * the hours as CSV, the whole report as a PNG (colours and words read off the rendered element).
 */
import type { CapacityReplay, CapacityResponse } from '../core/types.js';
import { downloadBlob } from '../shared/download.js';
import { emit, type FilterState } from '../shared/events.js';
import { formatInteger } from '../shared/format.js';
import { str } from '../shared/strings.js';
import { coverageCsv, hoursCsv, plannerFileName } from './csv.js';
import { answerText } from './coverage.js';
import { formatSeconds, licences, weekdayName } from './format.js';
import { plannerToPng } from './png.js';

type Host = HTMLElement & { renderRoot: HTMLElement | DocumentFragment; product: string };

function announce(host: Host, data: CapacityResponse, filters: FilterState, what: 'coverage' | 'hours' | null): string | null {
  const fileName = plannerFileName(host.product, data, what);
  const format = what ? 'csv' : 'png';
  return emit(host, 'kre-export', { format, fileName, product: host.product, filters }, { cancelable: true }) ? fileName : null;
}

export function exportCsv(host: Host, data: CapacityResponse, filters: FilterState, what: 'coverage' | 'hours', locale: string): boolean {
  const fileName = announce(host, data, filters, what);
  if (!fileName) return false;
  const text = what === 'coverage' ? coverageCsv(data) : hoursCsv(data, (d) => weekdayName(locale, d));
  downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName, host.renderRoot);
  return true;
}

export interface PngText {
  title: string;
  locale: string;
  /** The names of the organizations filtered on (empty: all). */
  organizations: string;
  replay: CapacityReplay | undefined;
}

export async function exportPng(host: Host, data: CapacityResponse, filters: FilterState, t: PngText): Promise<boolean> {
  const { locale, replay: r } = t;
  const text = {
    title: t.title,
    details: `${data.from} – ${data.to} · ${data.timeZone} · ${t.organizations || str('allOrganizations')}`,
    answer: answerText(data, locale),
    whatIf: r
      ? `${str('replayed', { licences: licences(locale, r.licenses) })} · ${str('refusedRequests')} ${formatInteger(locale, r.refused)} · ` +
        `${str('timeOverCapacity')} ${formatSeconds(locale, r.secondsOver)} · ${str('peakUsage')} ${formatInteger(locale, r.peak)}`
      : '',
    rows: [1, 2, 3, 4, 5, 6, 7].map((d) => weekdayName(locale, d, true)),
  };
  const root = host.renderRoot;
  const svg = root.querySelector<SVGSVGElement>('svg.coverage-svg');
  if (!svg) return false;
  const fileName = announce(host, data, filters, null);
  if (!fileName) return false;
  const style = getComputedStyle(host);
  const colour = (selector: string, property: 'backgroundColor' | 'stroke' | 'color' | 'fill') => {
    const node = root.querySelector(selector);
    return node ? getComputedStyle(node)[property] : style.color;
  };
  const background = /^rgba\(.*,\s*0\)$|^transparent$/.test(style.backgroundColor) ? '#ffffff' : style.backgroundColor;
  const blob = await plannerToPng(svg, {
    ...text,
    font: style.fontFamily,
    color: style.color,
    muted: colour('.tick-label', 'fill'),
    background,
    legend: [
      [str('timeAtLevel'), colour('.level-bar', 'fill')],
      [str('timeAtOrBelow'), colour('.cum-line', 'stroke')],
      [str('licencesAvailable'), colour('.mark-available .mark-rule', 'stroke')],
    ],
    cells: [...root.querySelectorAll('td.cell')].map((td) => getComputedStyle(td).backgroundColor),
    heatLegend: [...root.querySelectorAll('.heat-legend li')].map((li) => [li.textContent ?? '', getComputedStyle(li.firstElementChild!).backgroundColor]),
  });
  downloadBlob(blob, fileName, root);
  return true;
}
