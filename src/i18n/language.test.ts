import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('prefers the saved choice', () => {
    expect(detectLanguage('zh', ['en-US'])).toBe('zh');
    expect(detectLanguage('en', ['zh-CN'])).toBe('en');
  });
  it('follows the browser, first known language wins', () => {
    expect(detectLanguage(null, ['zh-CN', 'en'])).toBe('zh');
    expect(detectLanguage(null, ['zh-Hans-CN'])).toBe('zh');
    expect(detectLanguage(undefined, ['fr-FR', 'en-GB', 'zh'])).toBe('en');
  });
  it('falls back to English, and ignores a tampered saved value', () => {
    expect(detectLanguage('<script>', ['de'])).toBe('en');
    expect(detectLanguage(null, [])).toBe('en');
  });
});
