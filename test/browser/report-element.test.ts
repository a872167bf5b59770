// The attributes every report shares (CONTRACT 2), through a minimal subclass of the base class:
// the date range defaults and how partial or inverted ranges resolve, in the element's time zone.
import { expect, fixture, html } from '@open-wc/testing';
import { customElement } from 'lit/decorators.js';
import { daysToCivil, formatCivilDate } from '../../src/core/tz.js';
import { todayDays } from '../../src/shared/dates.js';
import { ReportElement } from '../../src/shared/report-element.js';
import { defineElement, VERSION } from '../../src/shared/define.js';

@customElement('test-report-element')
class TestReport extends ReportElement {
  get product() {
    return 'kre' as const;
  }
  get shownRange() {
    return this.range;
  }
}

const day = (days: number) => formatCivilDate(daysToCivil(days));

describe('ReportElement date range', () => {
  it('defaults to the 30 days ending today in time-zone', async () => {
    const el = await fixture<TestReport>(html`<test-report-element time-zone="Pacific/Kiritimati"></test-report-element>`);
    const today = todayDays('Pacific/Kiritimati');
    expect(el.shownRange).to.deep.equal({ from: day(today - 29), to: day(today) });
    expect(el.filterState()).to.deep.include({ timeZone: 'Pacific/Kiritimati', from: day(today - 29), to: day(today) });
  });

  it('takes both ends, swapping an inverted range rather than sending it', async () => {
    const el = await fixture<TestReport>(html`<test-report-element from="2026-10-31" to="2026-10-01" time-zone="UTC"></test-report-element>`);
    expect(el.shownRange).to.deep.equal({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('with only from: up to today, or 30 days from a future start', async () => {
    const past = await fixture<TestReport>(html`<test-report-element from="2026-01-01" time-zone="UTC"></test-report-element>`);
    expect(past.shownRange).to.deep.equal({ from: '2026-01-01', to: day(todayDays('UTC')) });
    const future = await fixture<TestReport>(html`<test-report-element from="2099-01-01" time-zone="UTC"></test-report-element>`);
    expect(future.shownRange).to.deep.equal({ from: '2099-01-01', to: '2099-01-30' });
  });

  it('with only to (or a malformed from): the 30 days ending then', async () => {
    const el = await fixture<TestReport>(html`<test-report-element from="2026-02-30" to="2026-03-10" time-zone="UTC"></test-report-element>`);
    expect(el.shownRange).to.deep.equal({ from: '2026-02-09', to: '2026-03-10' });
  });

  it('an unknown time-zone falls back to the browser zone', async () => {
    const el = await fixture<TestReport>(html`<test-report-element time-zone="Mars/Base"></test-report-element>`);
    expect(el.filterState().timeZone).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

describe('defineElement', () => {
  let warnings: string[];
  let warn: typeof console.warn;
  beforeEach(() => {
    warnings = [];
    warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('defines once; the same version again is silent; another version is named in one warning', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    defineElement('test-define-twice', First);
    expect(customElements.get('test-define-twice')).to.equal(First);
    expect((First as unknown as Record<symbol, string>)[Symbol.for('kre-license-reports.version')]).to.equal(VERSION);
    // A second copy of this version (a double import): the first wins, nothing to say.
    (Second as unknown as Record<symbol, string>)[Symbol.for('kre-license-reports.version')] = VERSION;
    defineElement('test-define-twice', Second);
    expect(warnings).to.deep.equal([]);
    // Another script (or version) got there first: it wins, and the page is told.
    class Theirs extends HTMLElement {}
    customElements.define('test-define-theirs', Theirs);
    defineElement('test-define-theirs', class Ours extends HTMLElement {});
    expect(customElements.get('test-define-theirs')).to.equal(Theirs);
    expect(warnings).to.deep.equal([
      `<test-define-theirs> was already defined by another script; this copy (kre-license-reports ${VERSION}) is not used. Load one version of the package.`,
    ]);
  });

  it('VERSION is the package version', async () => {
    const pkg = (await (await fetch('/package.json')).json()) as { version: string };
    expect(VERSION).to.equal(pkg.version);
  });
});
