/**
 * The CSV export of CONTRACT section 6, read back with papaparse (a real RFC 4180 parser).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import Papa from 'papaparse';
import {
  csvField,
  csvRow,
  querySessions,
  sessionsCsvChunks,
  sessionsCsvFileName,
  sessionsToCsv,
  type SessionItem,
} from '../../src/core/index.js';
import { isoInZone } from './oracle.js';

const BOM = '\uFEFF';
const HEADER = 'User,Email,Session ID,Machine ID,License Source,Organization,License Type,Started,Ended,Duration';
const HEADER_FIELDS = HEADER.split(',');

/** Parses CSV text (without BOM) that ends with CRLF into rows of fields, failing on any parse error. */
function parse(text: string): string[][] {
  assert.ok(text.endsWith('\r\n'), 'the text ends with CRLF');
  const result = Papa.parse<string[]>(text.slice(0, -2), { delimiter: ',', newline: '\r\n', quoteChar: '"' });
  assert.deepStrictEqual(result.errors, []);
  return result.data;
}

/** Parses a whole export: checks the BOM and the header, returns the data rows. */
function parseExport(csv: string): string[][] {
  assert.ok(csv.startsWith(BOM), 'starts with the UTF-8 byte-order mark');
  const rows = parse(csv.slice(1));
  assert.deepStrictEqual(rows[0], HEADER_FIELDS);
  return rows.slice(1);
}

/** Outside quoted fields, every CR is followed by LF and every LF preceded by CR. */
function assertCrlfLineEnds(text: string): void {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted; // a doubled quote toggles twice
    else if (!quoted && c === '\r') assert.equal(text[i + 1], '\n', `bare CR at ${i}`);
    else if (!quoted && c === '\n') assert.equal(text[i - 1], '\r', `bare LF at ${i}`);
  }
  assert.equal(quoted, false, 'quotes are balanced');
  assert.ok(text.endsWith('\r\n'));
}

/** The contract's formula guard: a field beginning with =, +, -, @, tab or CR gets one leading quote. */
const guarded = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

function hms(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

let n = 0;
function item(over: Partial<SessionItem> = {}): SessionItem {
  n += 1;
  return {
    sessionId: `s-${n}`,
    user: { name: 'Ada Lovelace', email: 'ada@example.com' },
    machineId: 'm-41c2',
    licenseSource: 'Acme Corp',
    organization: { id: 'org-qa', name: 'QA Europe', path: ['Acme Corp', 'QA Europe'] },
    licenseType: 'KRE Session',
    started: '2026-10-30T08:00:00Z',
    ended: '2026-10-30T09:30:00Z',
    ...over,
  };
}

const UTC = { timeZone: 'UTC', asOf: '2026-10-31T10:15:00Z' };

describe('sessionsToCsv: layout', () => {
  it('BOM, exact header, CRLF line ends', () => {
    assert.equal(sessionsToCsv([], UTC), `${BOM}${HEADER}\r\n`);
    const csv = sessionsToCsv([item(), item({ user: { name: 'multi\nline', email: 'x\r\ny' } })], UTC);
    assert.ok(csv.startsWith(`${BOM}${HEADER}\r\n`));
    assertCrlfLineEnds(csv.slice(1));
    assert.equal(parseExport(csv).length, 2);
  });

  it('one row per item, the columns in contract order', () => {
    const it1 = item({ sessionId: 's-7f3a', machineId: 'm-1', licenseSource: 'QA Europe', licenseType: 'KRE Floating' });
    const [row] = parseExport(sessionsToCsv([it1], UTC));
    assert.deepStrictEqual(row, [
      'Ada Lovelace', 'ada@example.com', 's-7f3a', 'm-1', 'QA Europe', 'Acme Corp / QA Europe', 'KRE Floating',
      '2026-10-30T08:00:00+00:00', '2026-10-30T09:30:00+00:00', '1:30:00',
    ]);
  });

  it('fields with commas, quotes, CR and LF are quoted and round-trip exactly', () => {
    const tricky = ['Lovelace, Ada', 'say "hi"', 'a\nb', 'a\rb', 'a\r\nb', '"', ',', '""', 'x,"y"\r\nz', 'trailing\n'];
    const items = tricky.map((t) =>
      item({ user: { name: t, email: t }, sessionId: t, machineId: t, licenseSource: t, licenseType: t,
        organization: { id: 'o', name: t, path: [t, t] } }),
    );
    const csv = sessionsToCsv(items, UTC);
    assertCrlfLineEnds(csv.slice(1));
    const rows = parseExport(csv);
    tricky.forEach((t, i) => {
      assert.deepStrictEqual(rows[i].slice(0, 7), [t, t, t, t, t, `${t} / ${t}`, t], JSON.stringify(t));
    });
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('a\nb'), '"a\nb"');
    assert.equal(csvField('a\rb'), '"a\rb"');
    assert.equal(csvField('plain text'), 'plain text');
  });

  it('Organization is the path joined with " / ", empty without an organization', () => {
    const rows = parseExport(
      sessionsToCsv(
        [
          item({ organization: { id: 'c', name: 'C', path: ['Acme Corp', 'QA Europe', 'QA Berlin'] } }),
          item({ organization: { id: 'r', name: 'Acme Corp', path: ['Acme Corp'] } }),
          item({ organization: null }),
        ],
        UTC,
      ),
    );
    assert.deepStrictEqual(rows.map((r) => r[5]), ['Acme Corp / QA Europe / QA Berlin', 'Acme Corp', '']);
  });

  it('HTML, RTL text, emoji and 300-character values round-trip unchanged', () => {
    const values = [
      '<script>alert("x")</script>',
      '<b>bold</b> &amp; <i>é</i>',
      'مرحبا بالعالم',
      'שלום \u202Eevil\u202C',
      '👩‍💻 🇩🇪 😀',
      'x'.repeat(300),
      'ä,"ö"\n'.repeat(50),
      'null',
      'undefined',
      '0',
    ];
    const items = values.map((v) => item({ user: { name: v, email: v }, machineId: v, licenseType: v }));
    const rows = parseExport(sessionsToCsv(items, UTC));
    values.forEach((v, i) => assert.deepStrictEqual([rows[i][0], rows[i][1], rows[i][3], rows[i][6]], [v, v, v, v]));
  });
});

describe('sessionsToCsv: formula guard', () => {
  it('a leading =, +, -, @, tab or CR gets a single quote prefix', () => {
    for (const v of ['=SUM(A1:A9)', '+1', '-1', '@cmd', '\tx', '\rx', '==x', '=', '-', '+', '@', '=HYPERLINK("http://x","y")', '-2+3,4']) {
      assert.equal(parse(csvRow([v]))[0][0], `'${v}`, JSON.stringify(v));
      const [row] = parseExport(sessionsToCsv([item({ user: { name: v, email: v }, sessionId: v, machineId: v, licenseSource: v, licenseType: v })], UTC));
      assert.deepStrictEqual(row.slice(0, 5), [`'${v}`, `'${v}`, `'${v}`, `'${v}`, `'${v}`], JSON.stringify(v));
      assert.equal(row[6], `'${v}`);
    }
    assert.equal(csvField('=1'), "'=1");
    assert.equal(csvField('\r=1'), `"'\r=1"`);
    // The organization path is guarded as one field.
    const [row] = parseExport(sessionsToCsv([item({ organization: { id: 'x', name: 'y', path: ['-Root', 'y'] } })], UTC));
    assert.equal(row[5], "'-Root / y");
  });

  it('nothing else is prefixed', () => {
    for (const v of ["'=x", "'", ' =x', 'a=b', 'x-1', '\n=x', '\u00A0=x', '＝x', '＋1', '1+1', '#x', '%x', '|x', '', 'a@b.c', '(1)']) {
      assert.equal(parse(csvRow([v, 'end']))[0][0], v, JSON.stringify(v));
    }
  });

  it('instants and durations are never prefixed', () => {
    const csv = sessionsToCsv([item({ started: '2026-10-30T08:00:00Z', ended: '2026-10-30T08:00:00Z' })], { timeZone: 'America/New_York', asOf: UTC.asOf });
    const [row] = parseExport(csv);
    assert.deepStrictEqual(row.slice(7), ['2026-10-30T04:00:00-04:00', '2026-10-30T04:00:00-04:00', '0:00:00']);
  });
});

describe('sessionsToCsv: Started, Ended, Duration', () => {
  it('Started and Ended are ISO 8601 with the offset of the time zone', () => {
    const one = (started: string, ended: string | null, timeZone: string, asOf = UTC.asOf) =>
      parseExport(sessionsToCsv([item({ started, ended })], { timeZone, asOf }))[0].slice(7);
    assert.deepStrictEqual(one('2026-10-30T08:00:00Z', '2026-10-30T09:00:00Z', 'Europe/Berlin'), [
      '2026-10-30T09:00:00+01:00', '2026-10-30T10:00:00+01:00', '1:00:00',
    ]);
    // Before Berlin's change (2026-10-25) the offset is +02:00.
    assert.deepStrictEqual(one('2026-10-24T08:00:00Z', '2026-10-26T08:00:00Z', 'Europe/Berlin'), [
      '2026-10-24T10:00:00+02:00', '2026-10-26T09:00:00+01:00', '48:00:00',
    ]);
    assert.deepStrictEqual(one('2026-10-30T08:00:00Z', '2026-10-30T08:00:01Z', 'Asia/Kolkata'), [
      '2026-10-30T13:30:00+05:30', '2026-10-30T13:30:01+05:30', '0:00:01',
    ]);
    // New York, 2026-11-01: 01:30 happens twice, an hour apart.
    assert.deepStrictEqual(one('2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', 'America/New_York'), [
      '2026-11-01T01:30:00-04:00', '2026-11-01T01:30:00-05:00', '1:00:00',
    ]);
    assert.deepStrictEqual(one('2026-10-31T12:00:00Z', '2026-11-02T12:00:00Z', 'America/New_York'), [
      '2026-10-31T08:00:00-04:00', '2026-11-02T07:00:00-05:00', '48:00:00',
    ]);
    // The dataset may write instants with any offset; the CSV uses the zone's.
    assert.deepStrictEqual(one('2026-10-30T10:00:00+02:00', '2026-10-30T03:30:00-05:00', 'UTC'), [
      '2026-10-30T08:00:00+00:00', '2026-10-30T08:30:00+00:00', '0:30:00',
    ]);
  });

  it('an active session: Ended is empty, Duration is asOf - started', () => {
    const [row] = parseExport(sessionsToCsv([item({ started: '2026-10-30T08:00:00Z', ended: null })], { timeZone: 'Europe/Berlin', asOf: '2026-10-31T11:03:09Z' }));
    assert.deepStrictEqual(row.slice(7), ['2026-10-30T09:00:00+01:00', '', '27:03:09']);
    const [row2] = parseExport(sessionsToCsv([item({ started: '2026-10-30T08:00:00Z', ended: null })], { timeZone: 'UTC', asOf: new Date('2026-10-30T08:00:05Z') }));
    assert.deepStrictEqual(row2.slice(8), ['', '0:00:05']);
  });

  it('h:mm:ss: hours past 24, minutes and seconds padded, zero is 0:00:00', () => {
    const cases: Array<[string, string]> = [
      ['2026-10-30T08:00:00Z', '0:00:00'],
      ['2026-10-30T08:00:59Z', '0:00:59'],
      ['2026-10-30T08:01:00Z', '0:01:00'],
      ['2026-10-30T09:02:03Z', '1:02:03'],
      ['2026-10-31T08:00:00Z', '24:00:00'],
      ['2026-11-03T09:59:59Z', '97:59:59'],
      ['2027-10-30T08:00:00Z', '8760:00:00'],
    ];
    const rows = parseExport(sessionsToCsv(cases.map(([ended]) => item({ started: '2026-10-30T08:00:00Z', ended })), UTC));
    assert.deepStrictEqual(rows.map((r) => r[9]), cases.map(([, d]) => d));
  });
});

describe('sessionsCsvChunks', () => {
  const many = Array.from({ length: 23 }, (_, i) => item({ user: { name: i % 3 ? `u${i}` : `=u,${i}\n`, email: 'e' } }));

  it('joined equals sessionsToCsv, for any chunk size', () => {
    const whole = sessionsToCsv(many, UTC);
    for (const chunkRows of [1, 2, 5, 22, 23, 24, 1000]) {
      assert.equal([...sessionsCsvChunks(many, UTC, { chunkRows })].join(''), whole, `chunkRows ${chunkRows}`);
    }
    assert.equal([...sessionsCsvChunks(many, UTC)].join(''), whole);
    assert.equal([...sessionsCsvChunks([], UTC)].join(''), `${BOM}${HEADER}\r\n`);
  });

  it('the first chunk holds the BOM and header, each later chunk at most chunkRows rows', () => {
    const chunks = [...sessionsCsvChunks(many, UTC, { chunkRows: 5 })];
    assert.equal(chunks[0], `${BOM}${HEADER}\r\n`);
    const sizes = chunks.slice(1).map((c) => parse(c).length);
    assert.deepStrictEqual(sizes, [5, 5, 5, 5, 3]);
    for (const c of chunks.slice(1)) assert.ok(!c.startsWith(BOM));
  });

  it('is lazy: pulls only the rows of the chunks asked for, so an infinite source works', () => {
    let pulled = 0;
    function* endless(): Generator<SessionItem> {
      for (;;) {
        pulled += 1;
        yield item({ user: { name: `user ${pulled}`, email: 'e' } });
      }
    }
    const chunks = sessionsCsvChunks(endless(), UTC, { chunkRows: 4 });
    assert.equal(chunks.next().value, `${BOM}${HEADER}\r\n`);
    const first = chunks.next().value as string;
    const second = chunks.next().value as string;
    assert.deepStrictEqual(parse(first).map((r) => r[0]), ['user 1', 'user 2', 'user 3', 'user 4']);
    assert.deepStrictEqual(parse(second).map((r) => r[0]), ['user 5', 'user 6', 'user 7', 'user 8']);
    assert.ok(pulled <= 9, `pulled ${pulled} items for two chunks of 4`);
    chunks.return(undefined);
  });

  it('exports the items of querySessions', () => {
    const dataset = {
      organizations: [
        { id: 'root', name: 'Acme Corp', parentId: null },
        { id: 'qa', name: 'QA Europe', parentId: 'root' },
      ],
      allocations: [],
      sessions: [
        { sessionId: 's-1', product: 'kre' as const, user: { name: '=cmd', email: 'a@x' }, machineId: 'm', licenseSource: 'Acme, Inc.',
          organizationId: 'qa', licenseType: 'KRE Session', started: '2026-10-30T08:00:00Z', ended: null },
      ],
    };
    const asOf = '2026-10-30T10:00:00Z';
    const { items } = querySessions(dataset, { product: 'kre', from: '2026-10-30', to: '2026-10-30', timeZone: 'Europe/Berlin' }, asOf);
    const rows = parseExport(sessionsToCsv(items, { timeZone: 'Europe/Berlin', asOf }));
    assert.deepStrictEqual(rows, [
      ["'=cmd", 'a@x', 's-1', 'm', 'Acme, Inc.', 'Acme Corp / QA Europe', 'KRE Session', '2026-10-30T09:00:00+01:00', '', '2:00:00'],
    ]);
  });
});

describe('sessionsCsvFileName', () => {
  it('is {product}-user-sessions_{from}_{to}.csv', () => {
    assert.equal(sessionsCsvFileName('kre', '2026-10-01', '2026-10-31'), 'kre-user-sessions_2026-10-01_2026-10-31.csv');
    assert.equal(sessionsCsvFileName('testcloud', '2026-01-01', '2026-01-01'), 'testcloud-user-sessions_2026-01-01_2026-01-01.csv');
  });
});

describe('CSV properties', () => {
  const special = fc.constantFrom(',', '"', '\r', '\n', '\r\n', '=', '+', '-', '@', '\t', "'", ' ', '""', '\uFEFF');
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.array(fc.oneof(special, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 8 }).map((parts) => parts.join('')),
  );

  it('any strings round-trip through csvRow and an RFC 4180 parser, modulo the formula guard', () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const csv = rows.map((r) => csvRow(r)).join('');
        assertCrlfLineEnds(csv);
        // Sentinel rows: papaparse drops a BOM at the very start of its input, and reads the
        // empty input of a lone empty field as no row at all.
        const parsed = parse(csvRow(['start']) + csv + csvRow(['end']));
        assert.deepStrictEqual(parsed.slice(1, -1), rows.map((r) => r.map(guarded)));
      }),
      { numRuns: 300 },
    );
  });

  it('random session items: every row reads back as the contract says', () => {
    const instant = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z') / 60_000, max: Date.parse('2026-12-31T00:00:00Z') / 60_000 }).map((m) => m * 60_000);
    const arbItem = fc.record({
      name: text, email: text, id: text, machine: text, source: text, type: text,
      path: fc.option(fc.array(text, { minLength: 1, maxLength: 3 })),
      started: instant,
      length: fc.option(fc.integer({ min: 0, max: 10 * 86_400 }).map((s) => s * 1000)),
    });
    fc.assert(
      fc.property(
        fc.array(arbItem, { maxLength: 10 }),
        fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/New_York', 'Australia/Lord_Howe'),
        fc.integer({ min: 0, max: 5 * 86_400 }),
        fc.integer({ min: 1, max: 4 }),
        (raw, timeZone, asOfAfter, chunkRows) => {
          const asOfMs = Date.parse('2026-12-31T00:00:00Z') + asOfAfter * 1000;
          const items = raw.map((r) =>
            item({
              user: { name: r.name, email: r.email }, sessionId: r.id, machineId: r.machine, licenseSource: r.source, licenseType: r.type,
              organization: r.path === null ? null : { id: 'x', name: r.path[r.path.length - 1], path: r.path },
              started: new Date(r.started).toISOString(),
              ended: r.length === null ? null : new Date(r.started + r.length).toISOString(),
            }),
          );
          const options = { timeZone, asOf: new Date(asOfMs).toISOString() };
          const csv = sessionsToCsv(items, options);
          assert.equal([...sessionsCsvChunks(items, options, { chunkRows })].join(''), csv);
          const rows = parseExport(csv);
          assert.deepStrictEqual(
            rows,
            raw.map((r) => [
              guarded(r.name), guarded(r.email), guarded(r.id), guarded(r.machine), guarded(r.source),
              r.path === null ? '' : guarded(r.path.join(' / ')), guarded(r.type),
              isoInZone(r.started, timeZone),
              r.length === null ? '' : isoInZone(r.started + r.length, timeZone),
              hms(r.length === null ? asOfMs - r.started : r.length),
            ]),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
