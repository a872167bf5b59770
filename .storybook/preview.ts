import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { withActions } from 'storybook/actions/decorator';
import { isCommonAssetRequest } from 'msw';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../custom-elements.json';
import { argTypesFor, eventNames, withManifestArgs } from './manifest-controls.js';

// Controls, their descriptions and the Docs pages' tables come from the elements' JSDoc, through
// the manifest (`npm run analyze` regenerates it): see manifest-controls.ts. The element's own
// description (the Docs page's first paragraph) is read by Storybook from the same manifest.
setCustomElementsManifest(manifest);

/** Requests of Storybook and Vite themselves, never the report service's. */
const isStorybookRequest = (url: string) =>
  /\.(mdx|stories\.\w+)$|sb-common-assets|iframe\.html|sb-vite|@vite|\/virtual:|\/node_modules\//.test(url);

const preview: Preview = {
  // Every element story gets a Docs page with its API from the manifest.
  tags: ['autodocs'],
  // One msw worker for all stories. A story gives its handlers in `parameters.msw` (the
  // handlers of src/mock), or adds some in `beforeEach({ msw }) { msw.use(...) }`; they are
  // reset between stories.
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker();
      await worker.start({
        quiet: true,
        // Relative to iframe.html, so the built Storybook also works under a sub-path.
        serviceWorker: { url: './mockServiceWorker.js' },
        // msw 3's name for it (`onUnhandledRequest` is silently ignored): warn about a request
        // that a story forgot to mock, never about Storybook's own.
        onUnhandledFrame({ frame, defaults }) {
          const request = frame.protocol === 'http' ? (frame.data as { request: Request }).request : null;
          if (request && (isCommonAssetRequest(request) || isStorybookRequest(request.url))) return;
          defaults.warn();
        },
      });
      return worker;
    }),
  ],
  // Custom properties, property-only args and slot texts from the Controls panel; the elements'
  // events in the Actions panel.
  decorators: [withManifestArgs(manifest), withActions],
  parameters: {
    // Alphabetical within each category (attributes, properties, events, custom properties,
    // parts): the colour properties sit together, and the order does not depend on a story's args.
    controls: { expanded: true, sort: 'alpha' },
    docs: {
      extractArgTypes: (component: unknown) => (typeof component === 'string' ? argTypesFor(manifest, component) : null),
      controls: { sort: 'alpha' },
    },
    actions: { handles: eventNames(manifest) },
  },
};

export default preview;
