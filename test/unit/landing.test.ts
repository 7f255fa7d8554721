import { describe, expect, it } from 'vitest';
import { DOT_PITCH, FIELD_COLS, WINDOW_SECONDS, countAt, dotsIn, fieldFill, fieldSize, hookRates } from '../../src/components/landing/hook-model';
import { fact } from '../../src/data/facts';
import { data } from '../../src/figures/users-race/data';
import { formatNumber } from '../../src/i18n/format';

/** The landing page's hook: ten seconds of sign-ups at the two derived rates of chapter 3. */
describe('hookRates()', () => {
  const rates = hookRates(data);

  it('hookRates(users-race data) gives the two rates the fact "rates-per-second" states, in both languages', () => {
    const claim = fact('rates-per-second').claim;
    expect(claim.de).toContain(`${formatNumber('de', rates.perSecondThen, 1)} neue Nutzer pro Sekunde`);
    expect(claim.de).toContain(`${formatNumber('de', rates.perSecondNow, 0)} pro Sekunde`);
    expect(claim.en).toContain(`${formatNumber('en', rates.perSecondThen, 1)} new users per second`);
    expect(claim.en).toContain(`${formatNumber('en', rates.perSecondNow, 0)} per second`);
  });

  it('hookRates() shows the seconds the fact’s arithmetic divides by (5 days = 432,000 s, 1 hour = 3,600 s)', () => {
    const arithmetic = fact('rates-per-second').arithmetic?.en ?? '';
    expect(arithmetic).toContain(`${formatNumber('en', rates.users)} ÷ ${formatNumber('en', rates.secondsThen)} seconds`);
    expect(arithmetic).toContain(`${formatNumber('en', rates.users)} ÷ ${formatNumber('en', rates.secondsNow)} seconds`);
  });

  it('hookRates() gives the speed-up of the fact "speedup" (120 times)', () => {
    expect(fact('speedup').claim.en).toContain(`${formatNumber('en', rates.speedup)} times higher`);
  });

  it('hookRates() refuses a 2025 million that came no faster than the 2022 one', () => {
    expect(() => hookRates({ users: 1e6, hours2022: 1, hours2025: 1 })).toThrow(/shorter/);
  });
});

describe('countAt()', () => {
  const rates = hookRates(data);

  it('countAt(rate, 10) is the still: 1,000,000 ÷ 3,600 s × 10 s ≈ 2,778 and 1,000,000 ÷ 432,000 s × 10 s ≈ 23', () => {
    expect(WINDOW_SECONDS).toBe(10);
    expect(countAt(rates.perSecondNow, 10)).toBe(2778);
    expect(countAt(rates.perSecondThen, 10)).toBe(23);
  });

  it('countAt() starts at 0, never falls and holds at the end of the window', () => {
    expect(countAt(rates.perSecondNow, 0)).toBe(0);
    expect(countAt(rates.perSecondNow, -3)).toBe(0);
    let last = 0;
    for (let t = 0; t <= 12; t += 0.1) {
      const n = countAt(rates.perSecondNow, t);
      expect(n).toBeGreaterThanOrEqual(last);
      last = n;
    }
    expect(countAt(rates.perSecondNow, 60)).toBe(countAt(rates.perSecondNow, 10));
  });
});

describe('fieldFill()', () => {
  it('fieldFill(n) draws exactly n dots, row by row, for every n up to two full fields', () => {
    for (let n = 0; n <= 2 * 2778; n += 1) expect(dotsIn(fieldFill(n))).toBe(n);
  });

  it('fieldFill(130, 64) is two full rows and two dots of the third', () => {
    const { full, partial } = fieldFill(130, 64, 6);
    expect(full).toEqual({ x: 0, y: 0, width: 384, height: 12 });
    expect(partial).toEqual({ x: 0, y: 12, width: 12, height: 6 });
  });

  it('fieldFill(n) stays inside fieldSize(n)', () => {
    for (const n of [1, 23, 63, 64, 65, 2778]) {
      const size = fieldSize(n);
      const { full, partial } = fieldFill(n);
      for (const box of [full, partial]) {
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      }
    }
  });

  it('fieldSize(n) is one column of dots per FIELD_COLS and as many rows as n needs', () => {
    expect(fieldSize(2778)).toEqual({ width: FIELD_COLS * DOT_PITCH, height: Math.ceil(2778 / FIELD_COLS) * DOT_PITCH });
    expect(fieldSize(0).height).toBe(DOT_PITCH);
  });
});
