import fc from 'fast-check';
import { isValidTimeZone, localDate, startOfLocalDate } from '../local-time.util';

describe('localDate', () => {
  it.each([
    ['2026-10-01T02:00:00Z', 'America/Sao_Paulo', '2026-09-30', '2026-09'],
    ['2026-10-01T02:59:59.999Z', 'America/Sao_Paulo', '2026-09-30', '2026-09'],
    ['2026-10-01T03:00:00Z', 'America/Sao_Paulo', '2026-10-01', '2026-10'],
    ['2026-10-01T03:30:00Z', 'America/Sao_Paulo', '2026-10-01', '2026-10'],
    ['2026-09-30T18:29:59.999Z', 'Asia/Kolkata', '2026-09-30', '2026-09'],
    ['2026-09-30T18:30:00Z', 'Asia/Kolkata', '2026-10-01', '2026-10'],
    ['2026-09-30T18:15:00Z', 'Asia/Kathmandu', '2026-10-01', '2026-10'],
    ['2026-09-30T18:14:59Z', 'Asia/Kathmandu', '2026-09-30', '2026-09'],
    ['2026-12-31T23:59:59Z', 'UTC', '2026-12-31', '2026-12'],
    ['2027-01-01T00:00:00Z', 'Etc/UTC', '2027-01-01', '2027-01'],
    // DST: New York is UTC−4 until 2026-11-01T06:00Z, then UTC−5
    ['2026-11-01T03:59:59Z', 'America/New_York', '2026-10-31', '2026-10'],
    ['2026-11-01T04:00:00Z', 'America/New_York', '2026-11-01', '2026-11'],
    ['2026-03-08T04:59:59Z', 'America/New_York', '2026-03-07', '2026-03'],
    ['2026-03-08T05:00:00Z', 'America/New_York', '2026-03-08', '2026-03'],
    // Lord Howe shifts by 30 minutes (UTC+10:30 / +11)
    ['2026-10-03T13:29:59Z', 'Australia/Lord_Howe', '2026-10-03', '2026-10'],
    ['2026-10-03T13:30:00Z', 'Australia/Lord_Howe', '2026-10-04', '2026-10'],
    ['2026-12-31T10:00:00Z', 'Pacific/Kiritimati', '2027-01-01', '2027-01'],
    ['2026-01-01T10:59:59Z', 'Pacific/Pago_Pago', '2025-12-31', '2025-12'],
  ])('%s in %s is %s', (instant, zone, date, month) => {
    expect(localDate(new Date(instant), zone)).toEqual({ date, month });
  });

  it('agrees with Intl for random instants and zones', () => {
    const zones = [
      'America/Sao_Paulo',
      'America/New_York',
      'America/Santiago',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Europe/London',
      'Pacific/Chatham',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2025-01-01'), max: Date.parse('2028-01-01') }),
        fc.constantFrom(...zones),
        (millis, zone) => {
          const instant = new Date(millis);
          const expected = new Intl.DateTimeFormat('en-CA', {
            timeZone: zone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
          }).format(instant);
          expect(localDate(instant, zone).date).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('startOfLocalDate', () => {
  it.each([
    ['2026-10-01', 'America/Sao_Paulo', '2026-10-01T03:00:00.000Z'],
    ['2026-10-01', 'Asia/Kolkata', '2026-09-30T18:30:00.000Z'],
    ['2026-10-01', 'UTC', '2026-10-01T00:00:00.000Z'],
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z'],
    ['2026-03-09', 'America/New_York', '2026-03-09T04:00:00.000Z'],
    ['2026-11-01', 'America/New_York', '2026-11-01T04:00:00.000Z'],
    ['2026-11-02', 'America/New_York', '2026-11-02T05:00:00.000Z'],
    ['2026-10-04', 'Australia/Lord_Howe', '2026-10-03T13:30:00.000Z'],
    ['2027-01-01', 'Pacific/Kiritimati', '2026-12-31T10:00:00.000Z'],
  ])('%s in %s starts at %s', (date, zone, expected) => {
    expect(startOfLocalDate(date, zone).toISOString()).toBe(expected);
  });

  it('is the first instant of its date in zones whose midnight exists', () => {
    const zones = ['America/Sao_Paulo', 'America/New_York', 'Asia/Kolkata', 'Europe/London'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 }), fc.constantFrom(...zones), (days, zone) => {
        const date = new Date(Date.parse('2025-01-01') + days * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const start = startOfLocalDate(date, zone);
        expect(localDate(start, zone).date).toBe(date);
        expect(localDate(new Date(start.getTime() - 1), zone).date).not.toBe(date);
      }),
      { numRuns: 300 },
    );
  });
});

describe('isValidTimeZone', () => {
  it.each(['UTC', 'America/Sao_Paulo', 'Asia/Kolkata'])('%s is valid', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(['Mars/Olympus', 'not a zone', ''])('%j is not', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});
