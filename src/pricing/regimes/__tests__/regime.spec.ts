import { REGIMES, regimeOn } from '../regime';

describe('regimeOn', () => {
  it.each([
    ['2024-12-31', 'CONVERSATION_BASED', false, false],
    ['2025-06-30', 'CONVERSATION_BASED', false, false],
    ['2025-07-01', 'PER_MESSAGE', false, false],
    ['2026-08-15', 'PER_MESSAGE', false, false],
    ['2026-09-30', 'PER_MESSAGE', false, false],
    ['2026-10-01', 'PER_MESSAGE_SERVICE_CHARGED', true, true],
    ['2026-11-15', 'PER_MESSAGE_SERVICE_CHARGED', true, true],
    ['2030-01-01', 'PER_MESSAGE_SERVICE_CHARGED', true, true],
  ])('%s → %s', (date, id, utility, service) => {
    const regime = regimeOn(date);
    expect(regime.id).toBe(id);
    expect(regime.chargesInWindowUtility).toBe(utility);
    expect(regime.chargesService).toBe(service);
  });

  it('regimes are listed in ascending order of their first date', () => {
    const dates = REGIMES.map((regime) => regime.from);
    expect([...dates].sort()).toEqual(dates);
  });
});
