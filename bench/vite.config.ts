/**
 * The bench pages (npm run bench:ui): plain TypeScript pages, no React, built for production so
 * both sides run minified code. Output goes under node_modules/, which git already ignores.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  logLevel: 'warn',
  build: {
    outDir: resolve(here, '../node_modules/.bench-ui/pages'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: { lab: resolve(here, 'lab.html'), bare: resolve(here, 'bare.html') },
    },
  },
});
