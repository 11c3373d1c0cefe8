import { localDayRange, monthsAround, rangeCoversMonths } from '../rollup-route.util';

const at = (iso: string) => new Date(iso);

describe('rangeCoversMonths', () => {
  it('needs the UTC months widened by 14 h on each side', () => {
    expect(
      rangeCoversMonths(['2026-03'], at('2026-02-28T10:00:00Z'), at('2026-04-01T14:00:00Z')),
    ).toBe(true);
    expect(
      rangeCoversMonths(['2026-03'], at('2026-02-28T10:00:01Z'), at('2026-04-02T00:00:00Z')),
    ).toBe(false);
    expect(
      rangeCoversMonths(['2026-03'], at('2026-02-28T00:00:00Z'), at('2026-04-01T13:59:59Z')),
    ).toBe(false);
  });

  it('takes the first and last of the listed months, in any order', () => {
    expect(
      rangeCoversMonths(
        ['2026-04', '2026-02'],
        at('2026-01-31T00:00:00Z'),
        at('2026-05-02T00:00:00Z'),
      ),
    ).toBe(true);
    expect(
      rangeCoversMonths(
        ['2026-04', '2026-02'],
        at('2026-02-28T00:00:00Z'),
        at('2026-05-02T00:00:00Z'),
      ),
    ).toBe(false);
    expect(rangeCoversMonths([], at('2026-01-01T00:00:00Z'), at('2026-12-01T00:00:00Z'))).toBe(
      false,
    );
  });
});

describe('localDayRange', () => {
  it('gives the local dates when from and to are 12am in every timezone', () => {
    expect(
      localDayRange(at('2026-03-01T03:00:00Z'), at('2026-04-01T03:00:00Z'), [
        'America/Sao_Paulo',
        'America/Sao_Paulo',
      ]),
    ).toEqual({ fromDay: '2026-03-01', toDay: '2026-04-01' });
    expect(localDayRange(at('2026-03-01T00:00:00Z'), at('2026-03-02T00:00:00Z'), ['UTC'])).toEqual({
      fromDay: '2026-03-01',
      toDay: '2026-03-02',
    });
  });

  it('refuses instants that are not 12am, or 12am on different dates, or no timezone at all', () => {
    expect(
      localDayRange(at('2026-03-01T00:00:00Z'), at('2026-04-01T00:00:00Z'), ['America/Sao_Paulo']),
    ).toBeNull();
    expect(
      localDayRange(at('2026-03-01T03:00:00Z'), at('2026-04-01T03:00:00Z'), [
        'America/Sao_Paulo',
        'Europe/Berlin',
      ]),
    ).toBeNull();
    // 12am in both, but 14 and 10 hours from UTC: different local dates
    expect(
      localDayRange(at('2026-03-01T10:00:00Z'), at('2026-03-02T10:00:00Z'), [
        'Pacific/Kiritimati',
        'Pacific/Honolulu',
      ]),
    ).toBeNull();
    expect(localDayRange(at('2026-03-01T00:00:00Z'), at('2026-03-02T00:00:00Z'), [])).toBeNull();
  });

  it('follows DST: Berlin switches on 29 March 2026, Santiago skips 12am on 6 September 2026', () => {
    expect(
      localDayRange(at('2026-03-28T23:00:00Z'), at('2026-03-30T22:00:00Z'), ['Europe/Berlin']),
    ).toEqual({ fromDay: '2026-03-29', toDay: '2026-03-31' });
    // Santiago goes from 24:00 (UTC−4) to 01:00 (UTC−3): 6 September starts at 04:00Z
    expect(
      localDayRange(at('2026-09-06T04:00:00Z'), at('2026-09-07T03:00:00Z'), ['America/Santiago']),
    ).toEqual({ fromDay: '2026-09-06', toDay: '2026-09-07' });
    expect(
      localDayRange(at('2026-09-06T03:00:00Z'), at('2026-09-07T03:00:00Z'), ['America/Santiago']),
    ).toBeNull();
  });
});

describe('monthsAround', () => {
  it('lists the UTC months of the range widened by 14 h', () => {
    expect(monthsAround(at('2026-03-01T03:00:00Z'), at('2026-04-01T03:00:00Z'))).toEqual([
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    expect(monthsAround(at('2026-12-15T00:00:00Z'), at('2027-01-10T00:00:00Z'))).toEqual([
      '2026-12',
      '2027-01',
    ]);
  });
});
