/* global sessionStorage */
// Auth recipe: give each report a `fetch` (same signature as window.fetch) that adds the portal's
// bearer token. Setting it refetches; without a token the service answers 401 and the reports say
// "You need the Account Admin role to see this report".
import '/assets/kre-license-reports.bundle.js';

/** The portal's token source: here a form, in a real portal your OIDC/SSO client. */
let token = sessionStorage.getItem('portal-token');

/** window.fetch, plus the Authorization header. */
const authorizedFetch = (url, init = {}) =>
  fetch(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });

function connectReports() {
  for (const report of document.querySelectorAll('kre-license-usage, kre-user-sessions')) {
    report.fetch = token ? authorizedFetch : null; // null: the default fetch, no header
  }
  document.getElementById('who').textContent = token ? 'Signed in.' : 'Not signed in.';
}

document.getElementById('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  token = new FormData(event.target).get('token') || null;
  if (token) sessionStorage.setItem('portal-token', token);
  else sessionStorage.removeItem('portal-token');
  connectReports();
});

connectReports();
