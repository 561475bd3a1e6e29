/**
 * Vitest setup: every test file starts with the engine's parts loaded, as `npm run sim` does, so a
 * test runs each line at once. Files named `*.unloaded.test.ts` skip this, to see the engine as
 * the page first has it (sim/parts.ts).
 */
import { loadParts } from './parts';

await loadParts();
