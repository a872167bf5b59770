// Vite builds this app as any React host would; the two plugins only point it at this checkout's
// package and the in-page report service (see ../shared/vite-plugins.mjs). JSX goes through
// Vite's own transformer (no React plugin needed for a build).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { kreLicenseReports, mswWorker } from '../shared/vite-plugins.mjs';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [kreLicenseReports(), mswWorker()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: { target: 'es2022', reportCompressedSize: false },
  logLevel: 'warn',
});
