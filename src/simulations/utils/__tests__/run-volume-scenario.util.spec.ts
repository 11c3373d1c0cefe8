import { DomainError } from '../../../common/errors/domain.error';
import type { EngineRateCard, RateCardBook } from '../../../pricing/engine/engine.types';
import { buildRateCard } from '../../../pricing/rate-cards/build-rate-card.util';
import type { RateCardData } from '../../../pricing/rate-cards/rate-card.types';
import type { ScenarioSpec, SimulationLineResult } from '../../simulation.types';
import { applyBaseline, runVolumeScenario, simulatedAccount } from '../run-volume-scenario.util';
import { normalizeScenario, validateSimulationShape } from '../validate-scenario.util';

const CARD_DATA: RateCardData = {
  name: 'Hand-made USD card',
  currency: 'USD',
  effectiveFrom: '2025-07-01',
  rates: {
    India: {
      MARKETING: '0.0107',
      UTILITY: '0.0014',
      AUTHENTICATION: '0.0014',
      AUTHENTICATION_INTERNATIONAL: '0.028',
      SERVICE: '0.0009',
    },
    'North America': { MARKETING: '0.025', UTILITY: '0.0034', AUTHENTICATION: '0.0034' },
  },
  tiers: {
    India: {
      UTILITY: [
        { from: 0, to: 1000, rate: '0.0014', label: '0:1000' },
        { from: 1000, to: null, rate: '0.001', label: '1001:MAX' },
      ],
    },
  },
  provenance: 'unit test',
};

function fixedBook(data: RateCardData): RateCardBook {
  const card: EngineRateCard = { id: 'card-1', importedSeq: 1, data };
  return { cardFor: () => card };
}

function run(spec: Omit<ScenarioSpec, 'name'> & { name?: string }, data = CARD_DATA) {
  const scenario = normalizeScenario({ name: 'plan', ...spec });
  return runVolumeScenario(scenario, fixedBook(data), simulatedAccount(scenario, data.currency));
}

function line(lines: SimulationLineResult[], month: string, category: string) {
  const found = lines.find((entry) => entry.month === month && entry.pricingCategory === category);
  if (!found) throw new Error(`no ${month} ${category} line`);
  return found;
}

function errorOf(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('volume scenarios', () => {
  it('crosses a volume-tier boundary in the middle of a month and restarts the next month', () => {
    const result = run({
      volumes: [
        { month: '2026-03', market: 'India', pricingCategory: 'UTILITY', messages: 800 },
        { month: '2026-03', country: 'IN', pricingCategory: 'UTILITY', messages: 500 },
        { month: '2026-04', market: 'india', pricingCategory: 'UTILITY', messages: 10 },
      ],
    });
    const march = line(result.lines, '2026-03', 'UTILITY');
    // 1..1000 at 0.0014 = 1.4; 1001..1300 at 0.001 = 0.3
    expect(march).toMatchObject({
      market: 'India',
      messages: 1300,
      billableMessages: 1300,
      amount: '1.7',
      tiers: ['0:1000', '1001:MAX'],
    });
    expect(march.bands).toEqual([
      { tier: '0:1000', rate: '0.0014', messages: 1000, amount: '1.4' },
      { tier: '1001:MAX', rate: '0.001', messages: 300, amount: '0.3' },
    ]);
    expect(line(result.lines, '2026-04', 'UTILITY')).toMatchObject({
      amount: '0.014',
      tiers: ['0:1000'],
    });
    expect(result.total).toBe('1.714');
    expect(result.roundedTotal).toBe('1.71');
    expect(result.currency).toBe('USD');
  });

  it('shows the service-charge regime change between 2026-09 and 2026-10', () => {
    const volumes = ['2026-09', '2026-10'].flatMap((month) => [
      { month, country: 'IN', pricingCategory: 'SERVICE' as const, messages: 1500 },
      {
        month,
        country: 'IN',
        pricingCategory: 'UTILITY' as const,
        messages: 100,
        insideServiceWindow: 100,
      },
    ]);
    const result = run({ volumes });
    expect(line(result.lines, '2026-09', 'SERVICE')).toMatchObject({
      messages: 1500,
      billableMessages: 0,
      freeMessages: 1500,
      amount: '0',
      reasons: [{ reason: 'FREE_CUSTOMER_SERVICE_WINDOW', messages: 1500 }],
    });
    expect(line(result.lines, '2026-09', 'UTILITY')).toMatchObject({
      amount: '0',
      freeMessages: 100,
    });
    // 1,000 free replies per number, then the service rate, no tiers: 500 × 0.0009
    expect(line(result.lines, '2026-10', 'SERVICE')).toMatchObject({
      messages: 1500,
      billableMessages: 500,
      freeMessages: 1000,
      amount: '0.45',
      reasons: [
        { reason: 'BILLED', messages: 500 },
        { reason: 'FREE_TIER', messages: 1000 },
      ],
    });
    // in-window utility is billed from 2026-10-01, with tiers
    expect(line(result.lines, '2026-10', 'UTILITY')).toMatchObject({
      billableMessages: 100,
      amount: '0.14',
      tiers: ['0:1000'],
    });
    expect(result.total).toBe('0.59');
  });

  it('pools the free allowance over the phone numbers', () => {
    const result = run({
      phoneNumbers: 2,
      freeServiceAllowance: 600,
      volumes: [{ month: '2026-11', country: 'IN', pricingCategory: 'SERVICE', messages: 1500 }],
    });
    expect(line(result.lines, '2026-11', 'SERVICE')).toMatchObject({
      freeMessages: 1200,
      billableMessages: 300,
      amount: '0.27',
    });
  });

  it('moves replies to the Business app: the saving equals the billed replies removed', () => {
    const volumes = [
      { month: '2026-10', country: 'IN', pricingCategory: 'SERVICE' as const, messages: 3000 },
    ];
    const baseline = run({ name: 'api only', volumes });
    const moved = run({ name: 'app', volumes, movedToAppPercent: '20' });
    const [base, app] = applyBaseline([baseline, moved], 'api only');
    expect(base.total).toBe('1.8'); // 2000 × 0.0009
    expect(app.total).toBe('1.26'); // 1400 × 0.0009
    expect(line(app.lines, '2026-10', 'SERVICE')).toMatchObject({
      messages: 3000,
      billableMessages: 1400,
      reasons: [
        { reason: 'BILLED', messages: 1400 },
        { reason: 'FREE_BUSINESS_APP', messages: 600 },
        { reason: 'FREE_TIER', messages: 1000 },
      ],
    });
    // 600 replies moved, all of them billed before: 600 × 0.0009
    expect(app.deltaFromBaseline).toBe('-0.54');
    expect(base.deltaFromBaseline).toBe('0');
    expect(app.assumptions.join('\n')).toContain('600 replies moved');
  });

  it('prices authentication-international where the WABA is eligible and not at home', () => {
    const volumes = [
      {
        month: '2026-03',
        country: 'IN',
        pricingCategory: 'AUTHENTICATION_INTERNATIONAL' as const,
        messages: 100,
      },
      { month: '2026-03', country: 'IN', pricingCategory: 'AUTHENTICATION' as const, messages: 50 },
    ];
    const abroad = run({ primaryBusinessCountry: 'US', volumes });
    expect(line(abroad.lines, '2026-03', 'AUTHENTICATION_INTERNATIONAL')).toMatchObject({
      messages: 100,
      amount: '2.8',
    });
    // no authInternationalStarts for IN: the plain authentication volume stays domestic
    expect(line(abroad.lines, '2026-03', 'AUTHENTICATION')).toMatchObject({
      messages: 50,
      amount: '0.07',
    });
    expect(abroad.total).toBe('2.87');

    const eligible = run({
      primaryBusinessCountry: 'US',
      authInternationalStarts: [{ country: 'IN', startsAt: '2026-01-01T00:00:00Z' }],
      volumes: [volumes[1]],
    });
    expect(line(eligible.lines, '2026-03', 'AUTHENTICATION_INTERNATIONAL')).toMatchObject({
      messages: 50,
      amount: '1.4',
    });

    const atHome = run({ primaryBusinessCountry: 'IN', volumes: [volumes[0]] });
    expect(line(atHome.lines, '2026-03', 'AUTHENTICATION')).toMatchObject({ amount: '0.14' });
    expect(atHome.assumptions.join('\n')).toContain('billed at the domestic rate');
  });

  it('frees messages inside entry point windows and marketing moved inside them', () => {
    const result = run({
      marketingInsideEntryPointPercent: '25',
      volumes: [
        {
          month: '2026-03',
          country: 'US',
          pricingCategory: 'UTILITY',
          messages: 100,
          insideEntryPoint: 40,
        },
        { month: '2026-03', country: 'US', pricingCategory: 'MARKETING', messages: 100 },
      ],
    });
    expect(line(result.lines, '2026-03', 'UTILITY')).toMatchObject({
      market: 'North America',
      billableMessages: 60,
      amount: '0.204',
      reasons: [
        { reason: 'BILLED', messages: 60 },
        { reason: 'FREE_ENTRY_POINT', messages: 40 },
      ],
    });
    expect(line(result.lines, '2026-03', 'MARKETING')).toMatchObject({
      billableMessages: 75,
      amount: '1.875',
    });
  });

  it('compounds growth per month and rounds half-up to whole messages', () => {
    const result = run({
      growthPercent: '10',
      volumes: ['2026-01', '2026-02', '2026-03', '2026-04'].map((month) => ({
        month,
        country: 'IN',
        pricingCategory: 'MARKETING' as const,
        messages: 100,
      })),
    });
    expect(result.lines.map((entry) => entry.messages)).toEqual([100, 110, 121, 133]);
    expect(result.total).toBe('4.9648'); // 464 × 0.0107
  });

  it('refuses growth beyond 1000% a month, or that grows a volume past 100,000,000,000', () => {
    const volumes = ['2026-01', '2036-01'].map((month) => ({
      month,
      country: 'IN',
      pricingCategory: 'MARKETING' as const,
      messages: 100,
    }));
    const tooSteep = errorOf(() => run({ growthPercent: '1000.5', volumes }));
    expect(tooSteep.code).toBe('BAD_USER_INPUT');
    expect(tooSteep.message).toBe(
      'scenario "plan": growthPercent: growthPercent must be between -100 and 1000; got "1000.5"',
    );
    const tooMany = errorOf(() => run({ growthPercent: '1000', volumes }));
    expect(tooMany.code).toBe('BAD_USER_INPUT');
    expect(tooMany.message).toBe(
      'growthPercent 1000 from 2026-01 makes volume 1 (2036-01) more than 100,000,000,000 messages: lower the growth or the months it compounds over',
    );
    // Ten years at 10% a month stay within the bound: 100 × 1.1^120 ≈ 9.3 million.
    expect(run({ growthPercent: '10', volumes }).lines[1].messages).toBe(9_270_907);
  });

  it('marks markets without a rate as unpriced, never zero-cost billed', () => {
    const result = run({
      volumes: [{ month: '2026-03', market: 'Brazil', pricingCategory: 'MARKETING', messages: 10 }],
    });
    expect(result.lines[0]).toMatchObject({
      unpricedMessages: 10,
      billableMessages: 10,
      amount: '0',
    });
    expect(result.assumptions.join('\n')).toContain('NO_RATE');
  });

  it('prices with an inline card in Meta’s CSV layout', () => {
    const data = buildRateCard({
      name: 'inline',
      currency: 'USD',
      effectiveFrom: '2026-03-01',
      ratesCsv: [
        'Market,Currency,Marketing,Utility,Authentication,"Authentication-International",Service',
        'India,USD,0.01,0.002,0.002,n/a,n/a',
      ].join('\n'),
    });
    const result = run(
      { volumes: [{ month: '2026-03', country: 'IN', pricingCategory: 'UTILITY', messages: 3 }] },
      data,
    );
    expect(result.total).toBe('0.006');
  });

  it('refuses bad input with clear messages', () => {
    const volume = {
      month: '2026-03',
      country: 'IN',
      pricingCategory: 'UTILITY' as const,
      messages: 1,
    };
    expect(
      errorOf(() =>
        normalizeScenario({
          name: 'x',
          volumes: [{ ...volume, market: 'Atlantis', country: null }],
        }),
      ).message,
    ).toContain('unknown market "Atlantis"');
    expect(
      errorOf(() => normalizeScenario({ name: 'x', volumes: [{ ...volume, country: 'XX' }] }))
        .message,
    ).toContain('unknown country "XX"');
    expect(
      errorOf(() =>
        normalizeScenario({
          name: 'x',
          volumes: [{ ...volume, pricingCategory: 'GROUP_MARKETING' }],
        }),
      ).message,
    ).toContain('pricingCategory GROUP_MARKETING: Groups API deliveries are not simulated');
    expect(
      errorOf(() => normalizeScenario({ name: 'x', volumes: [{ ...volume, month: '2026-13' }] }))
        .message,
    ).toContain('month must be YYYY-MM');
    expect(
      errorOf(() => normalizeScenario({ name: 'x', volumes: [{ ...volume, messages: -1 }] }))
        .message,
    ).toContain('messages must be a whole number ≥ 0');
    expect(
      errorOf(() =>
        normalizeScenario({
          name: 'x',
          volumes: [{ ...volume, messages: 10, insideServiceWindow: 6, insideEntryPoint: 5 }],
        }),
      ).message,
    ).toContain('exceed messages (10)');
    expect(
      errorOf(() => normalizeScenario({ name: 'x', volumes: [volume], movedToAppPercent: '120' }))
        .message,
    ).toContain('movedToAppPercent must be between 0 and 100');
    expect(
      errorOf(() => normalizeScenario({ name: 'x', ratesCsv: 'a,b', volumes: [volume] })).message,
    ).toContain('an inline ratesCsv needs its currency');
    expect(errorOf(() => normalizeScenario({ name: 'x' })).message).toContain(
      'exactly one traffic source',
    );
    expect(
      errorOf(() => validateSimulationShape({ scenarios: [{ name: 'a' }, { name: 'a' }] })).message,
    ).toBe('duplicate scenario name "a"');
    expect(
      errorOf(() => validateSimulationShape({ scenarios: [{ name: 'a' }], baseline: 'b' })).message,
    ).toContain('baseline "b" is not one of the scenarios');
  });
});
