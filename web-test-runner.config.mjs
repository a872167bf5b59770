// Browser tests: test/browser/**/*.test.ts in the system's Chromium, through puppeteer-core.
// `npm run test:browser`; one file: `npm run test:browser -- --files test/browser/x.test.ts`;
// debug in a real window: `npm run test:browser -- --manual` and open the printed URL.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { CHROME_ARGS, CHROME_PATH } from './scripts/chromium.mjs';

// Test tools cannot download a browser here: use the one the system has.
if (!existsSync(CHROME_PATH)) {
  console.error(
    `\nBrowser tests need Chromium, and there is none at ${CHROME_PATH}.\n` +
      '  Debian/Ubuntu:  apt-get update && apt-get install -y chromium\n' +
      '  elsewhere:      set CHROME_PATH to a Chrome or Chromium executable\n',
  );
  process.exit(1);
}

// msw's worker script, served at the root so that its scope covers the test pages.
const require = createRequire(import.meta.url);
const MSW_WORKER = require.resolve('msw/mockServiceWorker.js');

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/browser/**/*.test.ts'],
  // `browser` for msw/browser; `development` for Lit's dev build, which warns about misuse.
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    // tsconfig.json carries experimentalDecorators and useDefineForClassFields: false.
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'auto' }),
  ],
  middleware: [
    async function mswWorker(context, next) {
      if (context.path !== '/mockServiceWorker.js') return next();
      context.type = 'application/javascript';
      context.set('Cache-Control', 'no-store');
      context.body = readFileSync(MSW_WORKER);
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROME_PATH,
        headless: true,
        args: CHROME_ARGS,
      },
    }),
  ],
  // One page at a time: a page in the background does not get focus, and tests of keyboard and
  // focus behaviour need it. The suite is small; raise with WTR_CONCURRENCY=2 to try.
  concurrency: Number(process.env.WTR_CONCURRENCY ?? 1),
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  // Lit's dev build announces itself once per page; keep the rest of the browser's console.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
