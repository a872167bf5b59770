// Vite builds this app as any Vue host would: the Vue plugin, told that `kre-*` and
// `testcloud-*` tags are custom elements (not Vue components). The two other plugins only point
// it at this checkout's package and the in-page report service (see ../shared/vite-plugins.mjs).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { kreLicenseReports, mswWorker } from '../shared/vite-plugins.mjs';

const isCustomElement = (tag) => tag.startsWith('kre-') || tag.startsWith('testcloud-');

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [vue({ template: { compilerOptions: { isCustomElement } } }), kreLicenseReports(), mswWorker()],
  build: { target: 'es2022', reportCompressedSize: false },
  logLevel: 'warn',
});
