import { describe, expect, it } from 'vitest';
import { renderTable } from './table';
import { humanDuration, humanSize, rfc3339Nano } from './units';

describe('go-units', () => {
  it('words durations as docker ps does', () => {
    expect(humanDuration(400)).toBe('Less than a second');
    expect(humanDuration(1000)).toBe('1 second');
    expect(humanDuration(59_000)).toBe('59 seconds');
    expect(humanDuration(119_000)).toBe('About a minute');
    expect(humanDuration(3 * 60_000)).toBe('3 minutes');
    expect(humanDuration(60 * 60_000)).toBe('About an hour');
    expect(humanDuration(3 * 86_400_000)).toBe('3 days');
    expect(humanDuration(15 * 86_400_000)).toBe('2 weeks');
  });

  it('sizes with three significant digits in decimal units', () => {
    expect(humanSize(4_270_000)).toBe('4.27MB');
    expect(humanSize(192_000_000)).toBe('192MB');
    expect(humanSize(5_000_000)).toBe('5MB');
    expect(humanSize(1_010_000_000)).toBe('1.01GB');
  });

  it('prints RFC3339Nano like Go', () => {
    expect(rfc3339Nano(Date.UTC(2026, 0, 15, 8, 0, 0, 673), 939_772)).toBe(
      '2026-01-15T08:00:00.673939772Z',
    );
    expect(rfc3339Nano(Date.UTC(2024, 1, 29, 23, 59, 59), 0)).toBe('2024-02-29T23:59:59Z');
  });
});

describe('tables', () => {
  it('pads columns to max(10, widest+3) and leaves the last one alone', () => {
    expect(
      renderTable(
        ['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'],
        [['17e324f45964', 'bridge', 'bridge', 'local']],
      ),
    ).toBe('NETWORK ID     NAME      DRIVER    SCOPE\n17e324f45964   bridge    bridge    local\n');
  });
});
