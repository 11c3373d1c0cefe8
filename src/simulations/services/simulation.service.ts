import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain.error';
import { classifyAll } from '../../pricing/engine/charge-messages';
import type {
  Classification,
  EngineAccount,
  EngineMessage,
  EngineRateCard,
  RateCardBook,
} from '../../pricing/engine/engine.types';
import { toDecimalString } from '../../pricing/money';
import { RateCardsService } from '../../rate-cards/services/rate-cards.service';
import type {
  ScenarioResultData,
  ScenarioSpec,
  SimulationResultData,
  SimulationSpec,
} from '../simulation.types';
import { LineAccumulator } from '../utils/line-accumulator.util';
import {
  addChargeToLines,
  chargeRecordedTraffic,
  RecordedVolumes,
  RepliesToMove,
  type RecordedChargeContext,
} from '../utils/recorded-traffic.util';
import {
  applyBaseline,
  finishScenario,
  runVolumeScenario,
  simulatedAccount,
} from '../utils/run-volume-scenario.util';
import { monthRange } from '../utils/simulation-math.util';
import {
  normalizeScenario,
  pricingDateOf,
  validateSimulationShape,
  type NormalizedScenario,
} from '../utils/validate-scenario.util';
import { RecordedTrafficService, type RecordedTraffic } from './recorded-traffic.service';
import { SavedScenariosService } from './saved-scenarios.service';

export interface ScenarioPricing {
  book: RateCardBook;
  /** The currency every message is priced in, or null to keep each WABA's own (recorded only). */
  currency: string | null;
  notes: string[];
}

/**
 * Prices scenarios with the charging engine: explicit volumes through representative messages
 * (see price-volumes.util.ts), recorded traffic message by message with chargeMessages.
 */
@Injectable()
export class SimulationService {
  constructor(
    private readonly rateCards: RateCardsService,
    private readonly recorded: RecordedTrafficService,
    private readonly saved: SavedScenariosService,
  ) {}

  async simulate(spec: SimulationSpec): Promise<SimulationResultData> {
    const scenarios = await Promise.all(
      spec.scenarios.map((scenario) => this.resolveSaved(scenario)),
    );
    const baseline = spec.baseline?.trim() || null;
    validateSimulationShape({ scenarios, baseline });
    const normalized = scenarios.map((scenario) => normalizeScenario(scenario));
    const results: ScenarioResultData[] = [];
    for (const scenario of normalized) results.push(await this.runScenario(scenario));
    return { baseline, scenarios: applyBaseline(results, baseline) };
  }

  /** A scenario naming a saved one: the saved definition, overridden by the fields given. */
  async resolveSaved(spec: ScenarioSpec): Promise<ScenarioSpec> {
    const savedName = spec.savedName?.trim();
    if (!savedName) return spec;
    const stored = await this.saved.get(savedName);
    const overrides = Object.fromEntries(
      Object.entries(spec).filter(([, value]) => value !== null && value !== undefined),
    );
    return { ...stored, ...overrides, name: spec.name?.trim() || savedName, savedName: null };
  }

  async runScenario(scenario: NormalizedScenario): Promise<ScenarioResultData> {
    const pricing = await this.pricingOf(scenario);
    if (scenario.traffic.kind === 'VOLUMES') {
      const account = simulatedAccount(scenario, pricing.currency ?? 'USD');
      return runVolumeScenario(scenario, pricing.book, account, pricing.notes);
    }
    return this.runRecorded(scenario, pricing);
  }

  /** The book and currency a scenario is priced with. */
  async pricingOf(scenario: NormalizedScenario): Promise<ScenarioPricing> {
    const { prices } = scenario;
    switch (prices.kind) {
      case 'STORED_CARD': {
        const stored = await this.rateCards.findById(prices.rateCardId);
        if (prices.currency !== null && prices.currency !== stored.currency) {
          throw new DomainError(
            'BAD_USER_INPUT',
            `scenario "${scenario.name}": rate card ${stored.id} is in ${stored.currency}, not ${prices.currency}`,
          );
        }
        const card = { id: stored.id, importedSeq: stored.importedSeq, data: stored.data };
        return {
          book: fixedBook(card),
          currency: stored.currency,
          notes: [
            `Every month is priced with the stored card "${stored.name}" (${stored.currency}, effective ${stored.effectiveFrom}), whatever its effective date.`,
          ],
        };
      }
      case 'INLINE_CARD': {
        const effectiveFrom = earliestDate(scenario);
        const data = this.rateCards.parse({
          name: `${scenario.name} (inline card)`,
          currency: prices.currency,
          effectiveFrom,
          ratesCsv: prices.ratesCsv,
          volumeTiersCsv: prices.volumeTiersCsv,
          provenance: `inline ratesCsv of scenario "${scenario.name}"`,
        });
        return {
          book: fixedBook({ id: `inline:${scenario.name}`, importedSeq: 0, data }),
          currency: data.currency,
          notes: [
            `Every month is priced with the inline card (${data.currency}; markets checked against Meta's map on ${effectiveFrom}).`,
          ],
        };
      }
      case 'IN_FORCE': {
        const book = await this.rateCards.book();
        const currency = prices.currency ?? (scenario.traffic.kind === 'VOLUMES' ? 'USD' : null);
        return {
          book,
          currency,
          notes: [
            `Prices: the ${currency ?? "WABA's"} rate card in force on each message's date (for volumes, the month's first day; the latest effectiveFrom on or before it).`,
          ],
        };
      }
    }
  }

  private async runRecorded(
    scenario: NormalizedScenario,
    pricing: ScenarioPricing,
  ): Promise<ScenarioResultData> {
    if (scenario.traffic.kind !== 'RECORDED') throw new Error('not a recorded scenario');
    const { fromMonth, toMonth } = scenario.traffic;
    const traffic = await this.recorded.open(scenario.traffic);
    const { options } = scenario;
    const simulatedAccounts = new Map<string, EngineAccount>();
    const accountOf = (phone: string): EngineAccount => {
      let simulated = simulatedAccounts.get(phone);
      if (simulated === undefined) {
        const account = traffic.accounts.get(phone)!;
        simulated = {
          ...account,
          currency: pricing.currency ?? account.currency,
          freeServiceAllowance: options.freeServiceAllowance ?? account.freeServiceAllowance,
          primaryBusinessCountry: options.primaryBusinessCountry ?? account.primaryBusinessCountry,
          authInternationalStarts:
            options.authInternationalStarts ?? account.authInternationalStarts,
        };
        simulatedAccounts.set(phone, simulated);
      }
      return simulated;
    };
    const months = new Set(monthRange(fromMonth, toMonth));
    const context = {
      accountOf,
      rateCards: pricing.book,
      report: (message: EngineMessage, classification: Classification) =>
        traffic.reportedWabas.has(traffic.wabaOfPhone.get(message.phoneNumberId)!) &&
        months.has(classification.month),
    };
    const source = scenario.spec.fromWabaId
      ? `WABA ${scenario.spec.fromWabaId}`
      : `portfolio ${traffic.portfolioId}`;
    const notes = [
      ...pricing.notes,
      `Traffic: the messages recorded for ${source} in ${fromMonth === toMonth ? fromMonth : `${fromMonth} to ${toMonth}`} (local months of each WABA), with 96 h of earlier messages as window context only.`,
    ];
    if (traffic.wabaIds.length > 1 && scenario.spec.fromWabaId) {
      notes.push(
        `Volume-tier counters are shared by the portfolio ${traffic.portfolioId}: its other WABAs' messages take their places in them but are not reported.`,
      );
    }
    const needsVolumes =
      options.growthPercent !== null ||
      options.marketingInsideEntryPointPercent !== null ||
      options.regimeDate !== null;
    if (needsVolumes) {
      return this.recordedAsVolumes(scenario, pricing, traffic, context, notes);
    }
    let chunks = traffic.chunks();
    if (options.movedToAppPercent !== null) {
      // A first pass finds the replies to move; the second charges everything with them moved
      // (a reply sent from the app no longer opens an entry point window, nor takes a place).
      const candidates = new RepliesToMove();
      await chargeRecordedTraffic(traffic.chunks(), context, (charged) => candidates.add(charged));
      const moved = candidates.chosen(options.movedToAppPercent);
      chunks = movedToApp(traffic.chunks(), moved);
      notes.push(
        `movedToAppPercent ${toDecimalString(options.movedToAppPercent)}: ${moved.size} Cloud API non-template replies inside the service window (that share of each number's month, rounded half-up, the last ones of the month first) are replayed as sent from the WhatsApp Business app (FREE_BUSINESS_APP).`,
      );
    }
    const lines = new LineAccumulator();
    const charged = new Set<string>();
    const cards = new Set<string>();
    await chargeRecordedTraffic(chunks, context, ({ charge }) => {
      addChargeToLines(charge, lines);
      charged.add(charge.currency);
      if (charge.rateCardId !== null) cards.add(charge.rateCardId);
    });
    const currencies = [...charged].sort();
    const reportedPhone = [...traffic.wabaOfPhone].find(([, waba]) =>
      traffic.reportedWabas.has(waba),
    )?.[0];
    const currency =
      pricing.currency ??
      currencies[0] ??
      (reportedPhone === undefined ? 'USD' : accountOf(reportedPhone).currency);
    lines.touchCurrency(currency);
    if (currencies.length > 1) {
      notes.push(
        `The WABAs bill in ${currencies.join(', ')}: see the totals per currency; total is in ${currency}. Pass currency to price everything in one.`,
      );
    }
    return finishScenario(scenario.name, currency, lines, [...cards].sort(), notes);
  }

  /**
   * Recorded traffic summarized as volumes (for the options that need them), in one pass: the
   * volumes need each message's month, market and country, which its classification decides
   * (not its place in a counter).
   */
  private async recordedAsVolumes(
    scenario: NormalizedScenario,
    pricing: ScenarioPricing,
    traffic: RecordedTraffic,
    context: Pick<RecordedChargeContext, 'accountOf' | 'rateCards' | 'report'>,
    notes: string[],
  ): Promise<ScenarioResultData> {
    const volumes = new RecordedVolumes();
    const phones = new Set<string>();
    for await (const messages of traffic.chunks()) {
      const reported = new Map<string, Classification>();
      for (const { message, classification } of classifyAll(
        messages,
        context.accountOf,
        context.rateCards,
      )) {
        if (!context.report(message, classification)) continue;
        reported.set(message.id, classification);
        phones.add(message.phoneNumberId);
      }
      volumes.add(
        messages,
        (message) => reported.get(message.id)?.month ?? null,
        (message) => {
          const classification = reported.get(message.id);
          return classification?.market
            ? { market: classification.market, country: classification.country }
            : null;
        },
      );
    }
    const summary = volumes.summary();
    // The first reported number's account (any number read, when none is reported; none when
    // nothing was recorded: the volumes are empty then).
    const firstPhone = phones.values().next().value ?? traffic.accounts.keys().next().value;
    const account = firstPhone === undefined ? null : context.accountOf(firstPhone);
    const asVolumes: NormalizedScenario = {
      ...scenario,
      traffic: { kind: 'VOLUMES', volumes: summary.volumes },
      options: {
        ...scenario.options,
        phoneNumbers: scenario.spec.phoneNumbers ?? Math.max(1, phones.size),
      },
    };
    notes.push(
      `growthPercent, marketingInsideEntryPointPercent and regimeDate need volumes: the recorded messages are summarized per month × country × pricing category (inside a service or entry point window as the engine's windows say) and priced as volumes; ${summary.skipped.businessApp} Business app, ${summary.skipped.historyImport} imported, ${summary.skipped.inbound} inbound and ${summary.skipped.notDelivered} undelivered messages are left out; Meta's own verdicts are not replayed.`,
    );
    const base = simulatedAccount(asVolumes, pricing.currency ?? account?.currency ?? 'USD');
    const simulated: EngineAccount =
      account === null
        ? base
        : {
            ...base,
            primaryBusinessCountry: account.primaryBusinessCountry,
            authInternationalStarts: account.authInternationalStarts,
            freeServiceAllowance: account.freeServiceAllowance,
          };
    return runVolumeScenario(asVolumes, pricing.book, simulated, notes);
  }
}

/** The recorded messages with the chosen replies sent from the Business app instead. */
async function* movedToApp(
  chunks: AsyncIterable<EngineMessage[]>,
  moved: ReadonlySet<string>,
): AsyncGenerator<EngineMessage[]> {
  for await (const messages of chunks) {
    yield messages.map((message) =>
      moved.has(message.id) ? { ...message, origin: 'BUSINESS_APP' as const, api: null } : message,
    );
  }
}

function fixedBook(card: EngineRateCard): RateCardBook {
  return { cardFor: () => card };
}

/** The first local date a scenario prices (to check an inline card's markets against). */
function earliestDate(scenario: NormalizedScenario): string {
  if (scenario.traffic.kind === 'RECORDED') return `${scenario.traffic.fromMonth}-01`;
  const dates = scenario.traffic.volumes.map((volume) =>
    pricingDateOf(volume.month, scenario.options.regimeDate),
  );
  return dates.sort()[0] ?? '2025-07-01';
}
