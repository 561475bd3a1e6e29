/** Share links and files: the command log <-> URL fragment codec and import/export (design.md contract 2). */
export {
  decodeScenario,
  encodeScenario,
  FORMAT_PREFIX,
  LIMITS,
  type DecodeResult,
  type Scenario,
  type ShareErrorCode,
} from './codec';
export {
  MAX_FILE_BYTES,
  parseScenarioFile,
  SCENARIO_FORMAT,
  shQuote,
  toScenarioJson,
  toShellScript,
  type ImportErrorCode,
  type ImportResult,
  type Place,
  type ScenarioFile,
  type TypedLine,
} from './export';
export { SHARE_HASH_PREFIX } from './hash';
