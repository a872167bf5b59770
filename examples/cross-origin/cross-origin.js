// Cross-origin recipe: the report service lives on another origin (here another port) and knows
// the user by a cookie. The default fetch sends `credentials: 'same-origin'`, so give the reports a
// fetch with `credentials: 'include'`; the service must answer with
// `Access-Control-Allow-Origin: <this origin>` and `Access-Control-Allow-Credentials: true`.
// The page's Content-Security-Policy must allow the service too (`connect-src`).
import '/assets/kre-license-reports.bundle.js';

// Where the service is: ?api=… for this example, your configuration in a portal.
const endpoint = new URLSearchParams(location.search).get('api') ?? 'http://localhost:8081/api';

const withCookies = (url, init) => fetch(url, { ...init, credentials: 'include' });

for (const report of document.querySelectorAll('kre-license-usage, kre-user-sessions')) {
  report.fetch = withCookies;
  report.endpoint = endpoint;
}
