// The one Chromium every browser tool here launches: Debian's (no tool downloads a browser), with
// the flags it needs as root in a sandbox without a GPU or a network beyond localhost. Used by the
// element tests (web-test-runner.config.mjs), the end-to-end tests and the benchmarks.
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
