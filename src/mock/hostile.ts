/**
 * Strings that break naive code: CSV delimiters and quotes, line breaks, spreadsheet formula
 * triggers, HTML, right-to-left scripts, emoji and a very long name. The generator puts every one
 * of them into some records, so that each view, the CSV export and the stories meet them.
 */

/** A 300-character user name (a real German surname, repeated to length). */
export const LONG_NAME = (
  'Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Sr., ' +
  'Adolph Blaine Charles David Earl Frederick Gerald Hubert Irvin John Kenneth Lloyd Martin Nero ' +
  'Oliver Paul Quincy Randolph Sherman Thomas Uncas Victor William Xerxes Yancy Zeus ' +
  'Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegeundsorgfaltigkeitbeschutzenvorangreifendurchihrraubgierigfeindewelchevoralternzwolftausendjahresvorandieerscheinenvanderersteerdemenschderraumschiffgebrauchlichtalsseinursprungvonkraftgestartseinlangefahrthinzwischensternartigraumaufdersuchenachdiesternwelche'
).slice(0, 300);

export interface HostilePerson {
  name: string;
  email: string;
  machineId: string;
}

/** Users whose names, emails or machine ids are hostile. */
export const HOSTILE_PEOPLE: readonly HostilePerson[] = [
  { name: 'Robert "Bobby" Tables', email: 'bobby.tables@acme.example', machineId: 'm-"quoted",01' },
  { name: 'Doe, Jane', email: 'jane.doe@acme.example', machineId: 'm-comma,02' },
  {
    name: '=HYPERLINK("https://evil.example","Click me")',
    email: 'formula@acme.example',
    machineId: "=cmd|' /C calc'!A0",
  },
  { name: '+Plus Sign', email: '+plus@acme.example', machineId: '+m-plus' },
  { name: '-Minus Sign', email: 'minus@acme.example', machineId: '-m-minus' },
  { name: '@Mention Bot', email: 'mention.bot@acme.example', machineId: '@m-at' },
  { name: '<img src=x onerror=alert(1)>', email: 'xss@acme.example', machineId: '<script>alert(1)</script>' },
  { name: 'محمد العلي', email: 'mohammed.alali@acme.example', machineId: 'm-عربي-01' },
  { name: 'יעל כהן', email: 'yael.cohen@acme.example', machineId: 'm-עברית-02' },
  { name: 'Zoë 🚀 Okafor 👩🏽‍💻', email: 'zoe.okafor@acme.example', machineId: 'm-🚀-03' },
  { name: 'Multi\nLine\r\nName', email: 'multi.line@acme.example', machineId: 'm-line\nbreak' },
  { name: LONG_NAME, email: 'hubert.wolfe@acme.example', machineId: '\tm-tab-leading' },
];

/** Organization names that are hostile (used by the organization plan). */
export const HOSTILE_ORG_NAMES = {
  quotes: 'QA "Nightly", Berlin',
  comma: 'Mobile, Web & API',
  arabic: 'فريق الاختبار',
  hebrew: 'צוות תל אביב',
  emoji: 'Mobile 📱 iOS',
  html: '<b>IT</b> & Helpdesk',
} as const;

/** One sample of each hostile kind, for tests that check they all reach the data. */
export const HOSTILE_SAMPLES: readonly string[] = [
  'Robert "Bobby" Tables',
  'Doe, Jane',
  '=HYPERLINK(',
  '+Plus Sign',
  '-Minus Sign',
  '@Mention Bot',
  '<img src=x onerror=alert(1)>',
  'محمد',
  'יעל',
  '🚀',
  'Multi\nLine',
  LONG_NAME,
];
