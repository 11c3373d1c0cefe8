import { describe, expect, it } from 'vitest';
import { addDecimals, formatMoney, tierLabel } from '../src/lib/format';

describe('formatting money', () => {
  it('keeps every digit of an exact amount, beyond what a JS number holds', () => {
    expect(formatMoney('12345678901234567.891', 'USD', 'en-US')).toBe(
      '$12,345,678,901,234,567.891',
    );
    expect(formatMoney('0.0625', 'USD', 'en-US')).toBe('$0.0625');
  });

  it("shows at least the currency's minor digits, for the user's locale", () => {
    expect(formatMoney('26.19', 'USD', 'en-US')).toBe('$26.19');
    expect(formatMoney('5', 'USD', 'en-US')).toBe('$5.00');
    expect(formatMoney('1234.5', 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatMoney('1500', 'JPY', 'en-US')).toBe('¥1,500');
  });

  it('adds exact decimals without rounding', () => {
    expect(addDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(addDecimals(['26.1897', '-0.0897', '1'])).toBe('27.1');
  });

  it('names volume tier bands', () => {
    expect(tierLabel('0:750000', 'en-US')).toBe('Tier 1–750,000');
    expect(tierLabel('15000001:MAX', 'en-US')).toBe('Tier 15,000,001 and above');
    expect(tierLabel(null)).toBe('All volumes');
  });
});
