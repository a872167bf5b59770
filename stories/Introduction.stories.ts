import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

// A page of prose, not an element: the element stories sit beside it, one file per element.
const meta: Meta = {
  title: 'Introduction',
  parameters: { layout: 'padded', controls: { disable: true } },
};
export default meta;

export const Welcome: StoryObj = {
  render: () => html`
    <article style="max-width: 46rem; font: 16px/1.5 system-ui, sans-serif">
      <h1>kre-license-reports</h1>
      <p>
        Embeddable license-utilization reports for Katalon Runtime Engine and TestCloud: custom
        elements built with Lit and D3 that work in any page or framework.
      </p>
      <ul>
        <li><code>&lt;kre-license-usage&gt;</code>: concurrent KRE sessions against the licenses available</li>
        <li><code>&lt;testcloud-license-usage&gt;</code>: the same report for TestCloud</li>
        <li><code>&lt;kre-user-sessions&gt;</code>: the sessions behind the numbers, searchable and exportable as CSV</li>
      </ul>
      <p>
        Every story here talks to the same fake report service as the tests and the demo: the
        Mock Service Worker handlers of <code>kre-license-reports/mock</code>. Attributes, events,
        parts and CSS custom properties in the Controls panel come from
        <code>custom-elements.json</code>.
      </p>
      <h2>Use it</h2>
      <p>With a bundler:</p>
      <pre><code>import 'kre-license-reports';</code></pre>
      <p>Without one, a single module script:</p>
      <pre><code>&lt;script type="module" src="…/kre-license-reports.bundle.js"&gt;&lt;/script&gt;
&lt;kre-license-usage endpoint="/api/license-reports"&gt;&lt;/kre-license-usage&gt;</code></pre>
    </article>
  `,
};
