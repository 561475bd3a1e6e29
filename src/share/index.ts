/** Share links: the command log <-> URL fragment codec (design.md contract 2). */
export {
  decodeScenario,
  encodeScenario,
  FORMAT_PREFIX,
  LIMITS,
  type DecodeResult,
  type Scenario,
} from './codec';
/** The fragment key a share URL uses: `#s=<payload>`. */
export const SHARE_HASH_PREFIX = '#s=';
