import type { EngineAccount, RateCardBook } from '../../pricing/engine/engine.types';
import { money, toDecimalString } from '../../pricing/money';
import type { ScenarioResultData } from '../simulation.types';
import { LineAccumulator } from './line-accumulator.util';
import { priceVolumes } from './price-volumes.util';
import { DEFAULT_FREE_SERVICE_ALLOWANCE } from '../../pricing/regimes/regime';
import type { NormalizedScenario } from './validate-scenario.util';

/** The account a volume scenario is sent from: one portfolio, UTC, the scenario's options. */
export function simulatedAccount(scenario: NormalizedScenario, currency: string): EngineAccount {
  return {
    portfolioId: 'simulated-portfolio',
    wabaId: 'simulated-waba',
    timezone: 'UTC',
    currency,
    primaryBusinessCountry: scenario.options.primaryBusinessCountry,
    authInternationalStarts: scenario.options.authInternationalStarts ?? [],
    freeServiceAllowance: scenario.options.freeServiceAllowance ?? DEFAULT_FREE_SERVICE_ALLOWANCE,
  };
}

/** Prices a validated volume scenario with a rate card book (pure: no database). */
export function runVolumeScenario(
  scenario: NormalizedScenario,
  book: RateCardBook,
  account: EngineAccount,
  notes: string[] = [],
): ScenarioResultData {
  if (scenario.traffic.kind !== 'VOLUMES') {
    throw new Error('runVolumeScenario needs a volume scenario');
  }
  const lines = new LineAccumulator();
  const priced = priceVolumes(
    scenario.traffic.volumes,
    {
      book,
      account,
      options: {
        growthPercent: scenario.options.growthPercent,
        movedToAppPercent: scenario.options.movedToAppPercent,
        marketingInsideEntryPointPercent: scenario.options.marketingInsideEntryPointPercent,
        regimeDate: scenario.options.regimeDate,
        phoneNumbers: scenario.options.phoneNumbers,
        freeServiceAllowance: account.freeServiceAllowance,
      },
    },
    lines,
  );
  return finishScenario(scenario.name, account.currency, lines, priced.rateCards, [
    ...notes,
    ...priced.assumptions,
  ]);
}

/** A scenario's result from its lines: totals per currency, the scenario currency's total. */
export function finishScenario(
  name: string,
  currency: string,
  lines: LineAccumulator,
  rateCards: string[],
  assumptions: string[],
): ScenarioResultData {
  const result = lines.result();
  const main = result.totals.find((total) => total.currency === currency) ?? {
    currency,
    messages: 0,
    billableMessages: 0,
    total: '0',
    roundedTotal: '0',
  };
  const sum = (pick: (line: (typeof result.lines)[number]) => number) =>
    result.lines.reduce((total, line) => total + pick(line), 0);
  return {
    name,
    currency,
    total: main.total,
    roundedTotal: main.roundedTotal,
    deltaFromBaseline: null,
    messages: sum((line) => line.messages),
    billableMessages: sum((line) => line.billableMessages),
    freeMessages: sum((line) => line.freeMessages),
    unpricedMessages: sum((line) => line.unpricedMessages),
    lines: result.lines,
    uncategorized: result.uncategorized,
    totals: result.totals,
    rateCards,
    assumptions: [...new Set(assumptions)],
  };
}

/** Sets each scenario's exact difference from the baseline scenario (same currency only). */
export function applyBaseline(
  scenarios: ScenarioResultData[],
  baseline: string | null,
): ScenarioResultData[] {
  if (baseline === null) return scenarios;
  const base = scenarios.find((scenario) => scenario.name === baseline);
  if (!base) return scenarios;
  return scenarios.map((scenario) => {
    if (scenario.currency !== base.currency) {
      return {
        ...scenario,
        assumptions: [
          ...scenario.assumptions,
          `No difference from the baseline "${baseline}": it is priced in ${base.currency}, this scenario in ${scenario.currency}.`,
        ],
      };
    }
    return {
      ...scenario,
      deltaFromBaseline: toDecimalString(money(scenario.total).minus(base.total)),
    };
  });
}
