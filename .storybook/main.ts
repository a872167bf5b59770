import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';
import { sourcesKeepSideEffects } from '../scripts/sources-keep-side-effects.mjs';

/**
 * msw's Service Worker script at the root of Storybook, next to iframe.html: served by the dev
 * server and written into storybook-static/ by the build. (staticDirs can only copy a whole folder,
 * and msw/lib is 3 MB; msw's own Vite plugin compares request paths with Storybook's base `./`
 * and never matches.)
 */
function mswWorkerScript(): Plugin {
  const file = fileURLToPath(import.meta.resolve('msw/mockServiceWorker.js'));
  return {
    name: 'kre-msw-worker-script',
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_request, response) => {
        response.setHeader('Content-Type', 'application/javascript; charset=utf-8');
        response.setHeader('Cache-Control', 'no-cache');
        response.end(readFileSync(file));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source: readFileSync(file, 'utf8') });
    },
  };
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  // Docs pages (autodocs) render each element's attributes, events, parts and custom properties
  // from custom-elements.json (set in preview.ts).
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    return {
      ...viteConfig,
      plugins: [...(viteConfig.plugins ?? []), sourcesKeepSideEffects(), mswWorkerScript()],
      // Storybook's own runtime is one ~1.3 MB chunk; only warn about something bigger than that.
      build: { ...viteConfig.build, chunkSizeWarningLimit: 2000 },
    };
  },
};

export default config;
