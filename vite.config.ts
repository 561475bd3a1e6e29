/// <reference types="vitest/config" />

import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
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
  },
});
