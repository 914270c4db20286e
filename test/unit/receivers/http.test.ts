import { describe, expect, it } from 'vitest';
import { isTimestampFresh } from '../../../src/receivers/http.js';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const nowSeconds = NOW.getTime() / 1000;
const stamp = (offsetSeconds: number) => String(nowSeconds + offsetSeconds);

describe('isTimestampFresh', () => {
  it('accepts a request stamped now', () => {
    expect(isTimestampFresh(stamp(0), NOW)).toBe(true);
  });

  it('accepts a request up to five minutes old, and refuses one a second older', () => {
    expect(isTimestampFresh(stamp(-299), NOW)).toBe(true);
    expect(isTimestampFresh(stamp(-300), NOW)).toBe(true);
    expect(isTimestampFresh(stamp(-301), NOW)).toBe(false);
    expect(isTimestampFresh(stamp(-3600), NOW)).toBe(false);
  });

  it('accepts a request up to five minutes in the future, and refuses one a second further', () => {
    expect(isTimestampFresh(stamp(300), NOW)).toBe(true);
    expect(isTimestampFresh(stamp(301), NOW)).toBe(false);
    expect(isTimestampFresh(stamp(86_400), NOW)).toBe(false);
  });

  it('compares whole seconds: milliseconds of the clock do not tip the boundary', () => {
    const later = new Date(NOW.getTime() + 999);
    expect(isTimestampFresh(stamp(-300), later)).toBe(true);
    expect(isTimestampFresh(stamp(300), later)).toBe(true);
  });

  it('reads the first value of a repeated header', () => {
    expect(isTimestampFresh([stamp(0), stamp(-9999)], NOW)).toBe(true);
    expect(isTimestampFresh([stamp(-9999), stamp(0)], NOW)).toBe(false);
  });

  it('leaves a missing or malformed header to Bolt, which refuses it', () => {
    for (const header of [undefined, '', 'abc', '-300', '1700000000.5', ' 1700000000', '1e9', '1234567890123', []]) {
      expect(isTimestampFresh(header as string | string[] | undefined, NOW), JSON.stringify(header)).toBe(true);
    }
  });
});
