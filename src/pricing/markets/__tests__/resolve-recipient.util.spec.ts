import { resolveRecipient } from '../resolve-recipient.util';

describe('resolveRecipient', () => {
  it.each([
    // standalone countries
    ['919876543210', '2026-01-01', '91', 'IN', 'India'],
    ['5511987654321', '2026-01-01', '55', 'BR', 'Brazil'],
    ['447400123456', '2026-01-01', '44', 'GB', 'United Kingdom'],
    ['971501234567', '2026-01-01', '971', 'AE', 'United Arab Emirates'],
    ['2348031234567', '2026-01-01', '234', 'NG', 'Nigeria'],
    ['6281234567890', '2026-01-01', '62', 'ID', 'Indonesia'],
    ['5215512345678', '2026-01-01', '52', 'MX', 'Mexico'],
    ['525512345678', '2026-01-01', '52', 'MX', 'Mexico'],
    ['5491123456789', '2026-01-01', '54', 'AR', 'Argentina'],
    ['79161234567', '2026-01-01', '7', 'RU', 'Russia'],
    // regions
    ['254712345678', '2026-01-01', '254', 'KE', 'Rest of Africa'],
    ['61412345678', '2026-01-01', '61', 'AU', 'Rest of Asia Pacific'],
    ['420601123456', '2026-01-01', '420', 'CZ', 'Rest of Central & Eastern Europe'],
    ['353851234567', '2026-01-01', '353', 'IE', 'Rest of Western Europe'],
    ['59171234567', '2026-01-01', '591', 'BO', 'Rest of Latin America'],
    ['96279123456', '2026-01-01', '962', 'JO', 'Rest of Middle East'],
    ['3725123456', '2026-01-01', '372', 'EE', 'Other'],
    // NANP by area code
    ['18095551234', '2026-01-01', '1', 'DO', 'Rest of Latin America'],
    ['18295551234', '2026-01-01', '1', 'DO', 'Rest of Latin America'],
    ['18495551234', '2026-01-01', '1', 'DO', 'Rest of Latin America'],
    ['18765551234', '2026-01-01', '1', 'JM', 'Rest of Latin America'],
    ['16585551234', '2026-01-01', '1', 'JM', 'Rest of Latin America'],
    ['17875551234', '2026-01-01', '1', 'PR', 'Rest of Latin America'],
    ['19395551234', '2026-01-01', '1', 'PR', 'Rest of Latin America'],
    ['12125551234', '2026-01-01', '1', 'US', 'North America'],
    ['14165551234', '2026-01-01', '1', 'CA', 'North America'],
    ['12425551234', '2026-01-01', '1', 'BS', 'Other'],
    ['18685551234', '2026-01-01', '1', 'TT', 'Other'],
    // dated changes
    ['263771234567', '2025-09-30', '263', 'ZW', 'Other'],
    ['263771234567', '2025-10-01', '263', 'ZW', 'Rest of Africa'],
    ['85291234567', '2026-06-30', '852', 'HK', 'Rest of Asia Pacific'],
    ['85291234567', '2026-07-01', '852', 'HK', 'Hong Kong'],
    ['6591234567', '2026-07-01', '65', 'SG', 'Singapore'],
    ['48501234567', '2026-06-30', '48', 'PL', 'Rest of Central & Eastern Europe'],
    ['48501234567', '2026-07-01', '48', 'PL', 'Poland'],
    ['97433123456', '2026-07-01', '974', 'QA', 'Qatar'],
    ['380501234567', '2026-09-30', '380', 'UA', 'Rest of Central & Eastern Europe'],
    ['380501234567', '2026-10-01', '380', 'UA', 'Ukraine'],
    ['8801712345678', '2026-10-01', '880', 'BD', 'Bangladesh'],
    ['212612345678', '2026-09-30', '212', 'MA', 'Rest of Africa'],
    ['212612345678', '2026-10-01', '212', 'MA', 'Morocco'],
    // Kazakhstan before its own market: "If a country is not listed below, it maps to Other."
    ['77012345678', '2026-09-30', '7', 'KZ', 'Other'],
    ['79161234567', '2026-09-30', '7', 'RU', 'Russia'],
    ['77012345678', '2026-10-01', '7', 'KZ', 'Kazakhstan'],
    // territories sharing a non-NANP calling code price as the listed country
    ['390669812345', '2026-01-01', '39', 'VA', 'Italy'],
    ['262692123456', '2026-01-01', '262', 'RE', 'Other'],
  ])('%s on %s → +%s %s %s', (phone, onDate, callingCode, country, market) => {
    expect(resolveRecipient(phone, onDate)).toEqual({ valid: true, callingCode, country, market });
  });

  it('accepts +, spaces, dashes and parentheses', () => {
    expect(resolveRecipient('+1 (809) 555-1234', '2026-01-01')).toEqual({
      valid: true,
      callingCode: '1',
      country: 'DO',
      market: 'Rest of Latin America',
    });
  });

  it.each(['abc', '', '+', '999123456', '12a45', '++4915112345678', '4915112345678901234'])(
    'flags unparseable %j without throwing',
    (phone) => {
      expect(resolveRecipient(phone, '2026-01-01')).toEqual({
        valid: false,
        callingCode: null,
        country: null,
        market: 'Other',
        problem: `unparseable phone number "${phone}"`,
      });
    },
  );

  it('flags a number of impossible length but keeps its market', () => {
    expect(resolveRecipient('9112345', '2026-01-01')).toEqual({
      valid: false,
      callingCode: '91',
      country: 'IN',
      market: 'India',
      problem: '5 national digits is not a possible length for IN',
    });
  });

  it('flags an unknown NANP area code as Other', () => {
    expect(resolveRecipient('10005551234', '2026-01-01')).toEqual({
      valid: false,
      callingCode: '1',
      country: null,
      market: 'Other',
      problem: 'unknown NANP area code 000',
    });
  });

  it('gives the same answer whatever was resolved before (caches are keyed, not order-dependent)', () => {
    const first = resolveRecipient('447400123456', '2026-01-01');
    resolveRecipient('447400999999', '2026-01-01');
    expect(resolveRecipient('447400123456', '2026-01-01')).toEqual(first);
  });

  it('rejects a malformed date', () => {
    expect(() => resolveRecipient('919876543210', '2026-02-30')).toThrow(RangeError);
  });
});
