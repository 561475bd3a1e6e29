import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { decodeScenario } from './codec';
import { parseScenarioFile } from './export';

/** The translated notice must say what the English message says, for every reason code. */
describe('share and import messages in the UI language files', () => {
  // Chinese is fetched on demand, as in the browser.
  beforeAll(() => i18n.loadLanguages('zh'));
  const en = i18n.getFixedT('en', 'share');
  const zh = i18n.getFixedT('zh', 'share');

  it.each([
    ['', 'empty'],
    ['v9.x', 'foreign-version'],
    ['v1.abc<', 'alphabet'],
    ['hello', 'no-version'],
  ])('share link %j', (fragment, code) => {
    const r = decodeScenario(fragment);
    if (r.ok) throw new Error('expected a refusal');
    expect(r.code).toBe(code);
    const reason = en(`reason.${r.code}`, r.values);
    expect(en('notice.share', { reason })).toBe(r.error);
    expect(zh(`reason.${r.code}`, r.values)).not.toBe(reason);
  });

  it('has a reason for every import refusal in both languages', () => {
    const r = parseScenarioFile(
      new TextEncoder().encode('{"format":"docker-network-lab","version":3}'),
    );
    if (r.ok) throw new Error('expected a refusal');
    expect(en('notice.import', { reason: en(`import.${r.code}`, r.values) })).toBe(r.error);
    expect(zh(`import.${r.code}`, r.values)).toContain('3');
  });
});
