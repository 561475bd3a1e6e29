import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const pureCoreMessage =
  'src/sim is the pure, deterministic core: no UI, store, rendering, time or randomness.';

export default defineConfig([
  globalIgnores(['dist', 'test-results', 'playwright-report', 'reports', 'node_modules']),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended, reactRefresh.configs.vite],
  },
  {
    // The layer rule (design.md, style.md §1): the core never reaches up or out.
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'zustand', 'cytoscape', 'cytoscape-*'],
              message: pureCoreMessage,
            },
            {
              group: ['**/store', '**/store/**', '**/ui', '**/ui/**', '**/graph', '**/graph/**'],
              message: pureCoreMessage,
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: pureCoreMessage },
        { name: 'document', message: pureCoreMessage },
        { name: 'crypto', message: pureCoreMessage },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: pureCoreMessage },
        { object: 'Date', property: 'now', message: pureCoreMessage },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: pureCoreMessage },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended, tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
]);
