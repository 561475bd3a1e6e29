import { describe, expect, it } from 'vitest';
import { parseTimestampFlag } from './timestamp-flag';

const NOW = Date.UTC(2026, 0, 15, 8, 30, 15, 500);
const at = (value: string) => parseTimestampFlag(value, NOW);
const ms = (...f: [number, number, number, number?, number?, number?]) =>
  Date.UTC(f[0], f[1] - 1, f[2], f[3] ?? 0, f[4] ?? 0, f[5] ?? 0);

describe('--since / --until values (moby api/types/time GetTimestamp)', () => {
  it('a Go duration counts back from now, to the whole second', () => {
    expect(at('10m')).toEqual({ ok: true, value: { ms: ms(2026, 1, 15, 8, 20, 15), nanos: 0 } });
    expect(at('1h30m')).toEqual({ ok: true, value: { ms: ms(2026, 1, 15, 7, 0, 15), nanos: 0 } });
    expect(at('1.5s')).toEqual({ ok: true, value: { ms: ms(2026, 1, 15, 8, 30, 14), nanos: 0 } });
  });

  it('dates and times in the layouts the CLI guesses, zones included', () => {
    expect(at('2026-01-15')).toEqual({ ok: true, value: { ms: ms(2026, 1, 15), nanos: 0 } });
    expect(at('2026-01-15T08')).toEqual({ ok: true, value: { ms: ms(2026, 1, 15, 8), nanos: 0 } });
    expect(at('2026-01-15T08:05')).toEqual({
      ok: true,
      value: { ms: ms(2026, 1, 15, 8, 5), nanos: 0 },
    });
    expect(at('2026-01-15T08:00:00+01:00')).toEqual({
      ok: true,
      value: { ms: ms(2026, 1, 15, 7), nanos: 0 },
    });
    expect(at('2026-01-15T08:00:01.000250001Z')).toEqual({
      ok: true,
      value: { ms: ms(2026, 1, 15, 8, 0, 1), nanos: 250_001 },
    });
  });

  it('Unix seconds with an optional fraction', () => {
    expect(at('1768464000.5')).toEqual({ ok: true, value: { ms: 1768464000500, nanos: 0 } });
  });

  it("fails with Go's texts", () => {
    expect(at('2026-01-15T25:00:00')).toEqual({
      ok: false,
      error: 'parsing time "2026-01-15T25:00:00": hour out of range',
    });
    expect(at('2026-02-30')).toEqual({
      ok: false,
      error: 'parsing time "2026-02-30": day out of range',
    });
    expect(at('2026-1-15')).toEqual({
      ok: false,
      error: 'parsing time "2026-1-15" as "2006-01-02": cannot parse "1-15" as "01"',
    });
    expect(at('2026-01-15x')).toEqual({
      ok: false,
      error: 'parsing time "2026-01-15x": extra text: "x"',
    });
    expect(at('soon')).toEqual({
      ok: false,
      error: 'failed to parse value as time or duration: "soon"',
    });
  });
});
