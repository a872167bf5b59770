// Proves the browser test wiring itself: TypeScript with Lit's legacy decorators through esbuild,
// rendering into a shadow root, and msw's Service Worker answering fetch() from the test page
// (the worker script is served by web-test-runner.config.mjs). Element tests build on all three.
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { expect, fixture } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';

@customElement('wtr-sanity-greeting')
class SanityGreeting extends LitElement {
  @property() name = 'world';

  override render() {
    return html`<p part="text">Hello, ${this.name}!</p>`;
  }
}

describe('browser test runner', () => {
  it('renders a Lit element into its shadow root, decorators included', async () => {
    const el = await fixture<SanityGreeting>(html`<wtr-sanity-greeting name="Ada"></wtr-sanity-greeting>`);
    expect(el).to.be.instanceOf(SanityGreeting);
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('Hello, Ada!');
    el.name = 'Grace';
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Hello, Grace!');
    await expect(el).to.be.accessible();
  });

  describe('msw', () => {
    const worker = setupWorker(
      http.get('/api/kre/usage', ({ request }) =>
        HttpResponse.json({ from: new URL(request.url).searchParams.get('from') }),
      ),
    );
    before(() => worker.start({ quiet: true, onUnhandledFrame: 'error' }));
    afterEach(() => worker.resetHandlers());
    after(() => worker.stop());

    it('answers fetch() through its Service Worker', async () => {
      expect(navigator.serviceWorker.controller?.scriptURL).to.match(/\/mockServiceWorker\.js$/);
      const response = await fetch('/api/kre/usage?from=2026-10-01');
      expect(response.status).to.equal(200);
      expect(await response.json()).to.deep.equal({ from: '2026-10-01' });
    });

    it('answers an error status with a problem body', async () => {
      worker.use(
        http.get('/api/kre/usage', () =>
          HttpResponse.json({ title: 'Forbidden', status: 403 }, {
            status: 403,
            headers: { 'content-type': 'application/problem+json' },
          }),
        ),
      );
      const response = await fetch('/api/kre/usage');
      expect(response.status).to.equal(403);
      expect(response.headers.get('content-type')).to.equal('application/problem+json');
    });
  });
});
