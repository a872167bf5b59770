// The page's one module: the self-contained bundle (lit, @lit/task and d3 inlined) defines the
// three elements; the rest is the host's drill-down from a chart's bucket to its peak's sessions.
import '/assets/kre-license-reports.bundle.js';

const sessions = document.querySelector('kre-user-sessions');

document.addEventListener('kre-bucket-select', (event) => {
  const { peakAt, organization, product } = event.detail;
  if (!peakAt) return; // nobody held a license in that bucket
  sessions.setAttribute('product', product);
  sessions.setAttribute('active-at', peakAt);
  if (organization.length > 0) sessions.setAttribute('organization', organization.join(','));
  else sessions.removeAttribute('organization');
  sessions.scrollIntoView({ behavior: 'smooth', block: 'start' });
});
