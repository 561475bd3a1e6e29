import type { BenchApi } from './protocol';

declare global {
  interface Window {
    /** Set by a bench page once it is ready to run (see protocol.ts). */
    __bench?: BenchApi;
  }
}
