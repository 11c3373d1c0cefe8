import { CoexistenceEligibilityService } from '../coexistence-eligibility.service';

describe('CoexistenceEligibilityService', () => {
  const service = new CoexistenceEligibilityService();
  const nigeria = { phoneNumber: '+234 803 123 4567', appVersion: '2.25.1', daysOnApp: 30 };

  afterEach(() => {
    jest.useRealTimers();
  });

  it('evaluates at the current time when asOf is not given', () => {
    jest.useFakeTimers({ now: new Date('2026-01-31T12:00:00.000Z') });
    expect(service.evaluate(nigeria).eligible).toBe(true);

    jest.setSystemTime(new Date('2026-02-01T12:00:00.000Z'));
    expect(service.evaluate(nigeria).blockers.map((f) => f.code)).toEqual([
      'COUNTRY_NOT_SUPPORTED',
    ]);
  });

  it('prefers an explicit asOf', () => {
    jest.useFakeTimers({ now: new Date('2026-06-01T00:00:00.000Z') });
    const result = service.evaluate({ ...nigeria, asOf: new Date('2025-06-01T00:00:00.000Z') });

    expect(result.eligible).toBe(true);
    expect(result.asOf).toEqual(new Date('2025-06-01T00:00:00.000Z'));
  });
});
