import { money } from '../../../pricing/money';
import { crossedThreshold } from '../crossed-threshold.util';

describe(crossedThreshold.name, () => {
  const budget = money('1000');
  it.each([
    [50, '500', null, 'SPEND'],
    [50, '499.999999', null, null],
    [80, '499.999999', '800', 'FORECAST'],
    [80, '800', '2000', 'SPEND'],
    [100, '999.99', '999.999999', null],
    [100, '1000', null, 'SPEND'],
  ] as const)('%d%% with spend %s and forecast %s: %s', (threshold, spend, forecast, expected) => {
    expect(
      crossedThreshold(threshold, budget, money(spend), forecast === null ? null : money(forecast)),
    ).toBe(expected);
  });
});
