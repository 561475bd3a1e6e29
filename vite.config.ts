import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { configDefaults } from 'vitest/config';

/** The one unit-test file that replaces a module (vi.mock): it runs in a fresh module graph. */
const MOCKED = 'src/store/error-boundary.test.ts';
/** Tests of the engine before its parts have loaded (sim/parts.ts), each in a fresh module graph. */
const UNLOADED = 'src/**/*.unloaded.test.ts';
/** Chunks named for what they hold: the engine, and its parts (src/sim/parts.ts). */
const CHUNK_NAMES: Readonly<Record<string, string>> = {
  'src/sim/shell/run-line.ts': 'engine',
  'src/sim/compose/cli.ts': 'compose',
  'src/sim/docker/build-cli.ts': 'builder',
  'src/sim/format/go-template.ts': 'go-template',
};
const chunkName = (modules: readonly string[]) =>
  Object.entries(CHUNK_NAMES).find(([path]) => modules.some((m) => m.endsWith(path)))?.[1];
/** Every other test file (and bench) starts with the engine's parts loaded. */
const LOAD_PARTS = 'src/sim/parts.setup.ts';

export default defineConfig({
  // Relative asset URLs: the built dist/ runs from any path (a GitHub Pages project site, a
  // school's intranet folder), not only from a domain's root.
  base: './',
  plugins: [
    react(),
    tailwindcss(),
    // A service worker precaches the whole app, so after one visit the lab reloads and runs
    // offline; a new deploy waits for the learner to accept it (src/ui/update/UpdatePrompt.tsx).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Docker Network Lab',
        short_name: 'Network Lab',
        description:
          'Learn Docker networking by typing real Docker commands against a Linux host simulated in your browser.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#020617',
        theme_color: '#0f3b5f',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // The manifest and its icon are added by the plugin itself.
        globPatterns: ['**/*.{js,css,html}'],
        // Every chunk is needed offline, however large (the engine and Cytoscape are).
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // The shell and the docker CLI import each other, and the engine's parts import both:
        // without this, sharing modules across chunks may run a module before one it imports
        // (docker's command table met `rm` undefined), which Node's own ESM order never does.
        strictExecutionOrder: true,
        chunkFileNames: ({ moduleIds }) => `assets/${chunkName(moduleIds) ?? '[name]'}-[hash].js`,
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 20,
            },
            { name: 'cytoscape', test: /node_modules[\\/]cytoscape[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'node',
    // Playwright specs (e2e/*.spec.ts) must stay out of Vitest.
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/runner/**/*.test.ts'],
    benchmark: { include: ['src/**/*.bench.ts'] },
    setupFiles: [LOAD_PARTS],
    projects: [
      {
        // The core is pure and every store is made per test, so the files share their workers'
        // module graph: importing the simulation once per file was four fifths of the run.
        extends: true,
        test: {
          name: 'unit',
          isolate: false,
          exclude: [...configDefaults.exclude, MOCKED, UNLOADED],
        },
      },
      // vi.mock replaces a module for its file only when that file runs in isolation.
      // (Not extending the root: its include list would be merged into this one.)
      {
        test: { name: 'mocked', environment: 'node', setupFiles: [LOAD_PARTS], include: [MOCKED] },
      },
      { test: { name: 'unloaded', environment: 'node', include: [UNLOADED] } },
    ],
  },
});
