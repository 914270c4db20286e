import { describe, expect, it } from 'vitest';
import { sortableEventTs } from '../../../src/domain/votes.js';

/** Slack's ts as an exact number of microseconds (seconds and up to six fraction digits). */
function micros(ts: string): bigint {
  const [seconds = '0', fraction = ''] = ts.split('.');
  return BigInt(seconds) * 1_000_000n + BigInt(fraction.padEnd(6, '0').slice(0, 6) || '0');
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byNumber = (a: string, b: string) => {
  const d = micros(a) - micros(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

describe('sortableEventTs', () => {
  it('leaves a ts in Slack’s usual form as it is', () => {
    expect(sortableEventTs('1700000000.000200')).toBe('1700000000.000200');
  });

  it('pads the seconds to ten digits and the fraction to six', () => {
    expect(sortableEventTs('999999999.9')).toBe('0999999999.900000');
    expect(sortableEventTs('1700000000')).toBe('1700000000.000000');
    expect(sortableEventTs('5.01')).toBe('0000000005.010000');
  });

  it('keeps six digits of a longer fraction', () => {
    expect(sortableEventTs('1700000000.1234567')).toBe('1700000000.123456');
  });

  it('keeps the value: the same number however it is written gives the same text', () => {
    expect(sortableEventTs('1700000000.5')).toBe(sortableEventTs('1700000000.500000'));
    expect(sortableEventTs('1700000000')).toBe(sortableEventTs('1700000000.0'));
  });

  it('sorts as text the way it sorts as numbers, for mixed lengths', () => {
    const inputs = [
      '1700000000.000200',
      '1700000000.0002',
      '1700000000.5',
      '1700000000.05',
      '1700000000.000201',
      '1700000000',
      '1700000001.000001',
      '999999999.999999',
      '999999999.9',
      '1000000000.000000',
      '99.1',
      '100.01',
      '5',
      '1699999999.999999',
      '1700000000.1',
      '1700000000.09',
      '9999999999.999999',
    ];
    const textOrder = [...inputs].sort((a, b) => byText(sortableEventTs(a), sortableEventTs(b)));
    const numberOrder = [...inputs].sort(byNumber);
    expect(textOrder.map(micros)).toEqual(numberOrder.map(micros));
    for (const a of inputs) {
      for (const b of inputs) expect(Math.sign(byText(sortableEventTs(a), sortableEventTs(b))), `${a} vs ${b}`).toBe(byNumber(a, b));
    }
  });

  it('sorts random mixed-length ts the way numbers do', () => {
    let seed = 42;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed;
    };
    const inputs = Array.from({ length: 300 }, () => {
      const seconds = String(next() % 10 ** (1 + (next() % 10)));
      const digits = next() % 7;
      const fraction = String(next() % 10 ** Math.max(1, digits))
        .padStart(digits, '0')
        .slice(0, digits);
      return digits === 0 ? seconds : `${seconds}.${fraction}`;
    });
    const textOrder = [...inputs].sort((a, b) => byText(sortableEventTs(a), sortableEventTs(b))).map(micros);
    const numberOrder = [...inputs].sort(byNumber).map(micros);
    expect(textOrder).toEqual(numberOrder);
  });
});
