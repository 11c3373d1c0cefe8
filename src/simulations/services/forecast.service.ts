import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain.error';
import { money, toDecimalString } from '../../pricing/money';
import { regimeOn } from '../../pricing/regimes/regime';
import { localDate } from '../../pricing/time/local-time.util';
import { RateCardsService } from '../../rate-cards/services/rate-cards.service';
import type { NormalizedVolume, SimulationLineResult } from '../simulation.types';
import { chargeRecordedTraffic, RecordedVolumes } from '../utils/recorded-traffic.util';
import { runVolumeScenario } from '../utils/run-volume-scenario.util';
import { addMonths } from '../../pricing/time/local-time.util';
import { monthRange, requireMonth, roundMessages } from '../utils/simulation-math.util';
import type { NormalizedScenario } from '../utils/validate-scenario.util';
import { RecordedTrafficService } from './recorded-traffic.service';

export interface ForecastRequest {
  wabaId: string;
  months?: number | null;
  targetMonth?: string | null;
}

export interface ForecastResultData {
  wabaId: string;
  targetMonth: string;
  historyMonths: string[];
  currency: string;
  total: string;
  roundedTotal: string;
  lines: SimulationLineResult[];
  history: { month: string; messages: number; billableMessages: number; total: string }[];
  rateCards: string[];
  assumptions: string[];
}

const MAX_HISTORY_MONTHS = 24;

/**
 * Next month's cost of a WABA: the average of its last complete months' recorded traffic per
 * country × pricing category × window, priced as volumes with the card and regime in force in
 * the target month.
 */
@Injectable()
export class ForecastService {
  constructor(
    private readonly rateCards: RateCardsService,
    private readonly recorded: RecordedTrafficService,
  ) {}

  async forecast(request: ForecastRequest, now = new Date()): Promise<ForecastResultData> {
    const historyCount = request.months ?? 3;
    if (
      !Number.isSafeInteger(historyCount) ||
      historyCount < 1 ||
      historyCount > MAX_HISTORY_MONTHS
    ) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `months must be between 1 and ${MAX_HISTORY_MONTHS}; got ${historyCount}`,
      );
    }
    const { account, phoneNumbers } = await this.recorded.wabaAccount(request.wabaId);
    const currentMonth = localDate(now, account.timezone).month;
    const targetMonth = request.targetMonth
      ? requireMonth(request.targetMonth, 'targetMonth')
      : addMonths(currentMonth, 1);
    const lastComplete = addMonths(currentMonth, -1);
    const beforeTarget = addMonths(targetMonth, -1);
    const lastHistory = beforeTarget < lastComplete ? beforeTarget : lastComplete;
    const firstHistory = addMonths(lastHistory, -(historyCount - 1));
    const historyMonths = monthRange(firstHistory, lastHistory);

    const book = await this.rateCards.book();
    const traffic = await this.recorded.open({
      wabaId: request.wabaId,
      portfolioId: null,
      fromMonth: firstHistory,
      toMonth: lastHistory,
    });
    const inHistory = new Set(historyMonths);
    const totals = new Map(
      historyMonths.map((month) => [
        month,
        { month, messages: 0, billableMessages: 0, total: money('0') },
      ]),
    );
    const recorded = new RecordedVolumes();
    // One pass: each chunk's volumes from its classifications (month, market and country do
    // not depend on counter places), each month's history from the charges.
    await chargeRecordedTraffic(
      traffic.chunks(),
      {
        accountOf: (phone) => traffic.accounts.get(phone)!,
        rateCards: book,
        report: (message, classification) =>
          traffic.wabaOfPhone.get(message.phoneNumberId) === request.wabaId &&
          inHistory.has(classification.month),
        onChunk: (classified) => {
          const reported = new Map(
            classified
              .filter(
                ({ message, classification }) =>
                  traffic.wabaOfPhone.get(message.phoneNumberId) === request.wabaId &&
                  inHistory.has(classification.month),
              )
              .map(({ message, classification }) => [message.id, classification]),
          );
          recorded.add(
            classified.map(({ message }) => message),
            (message) => reported.get(message.id)?.month ?? null,
            (message) => {
              const classification = reported.get(message.id)!;
              return classification.market
                ? { market: classification.market, country: classification.country }
                : null;
            },
          );
        },
      },
      ({ charge }) => {
        const total = totals.get(charge.month);
        if (total === undefined || charge.pricingCategory === null) return;
        total.messages += 1;
        if (charge.billable) total.billableMessages += 1;
        total.total = total.total.plus(charge.amount);
      },
    );
    const history = [...totals.values()].map((total) => ({
      ...total,
      total: toDecimalString(total.total),
    }));
    const summary = recorded.summary();
    const volumes = averageVolumes(summary.volumes, historyMonths.length, targetMonth);
    const scenario: NormalizedScenario = {
      name: `forecast ${request.wabaId} ${targetMonth}`,
      spec: { name: `forecast ${request.wabaId} ${targetMonth}` },
      traffic: { kind: 'VOLUMES', volumes },
      prices: { kind: 'IN_FORCE', currency: account.currency },
      options: {
        growthPercent: null,
        movedToAppPercent: null,
        marketingInsideEntryPointPercent: null,
        regimeDate: null,
        phoneNumbers: Math.max(1, phoneNumbers),
        freeServiceAllowance: account.freeServiceAllowance,
        primaryBusinessCountry: account.primaryBusinessCountry,
        authInternationalStarts: account.authInternationalStarts,
      },
    };
    const card = book.cardFor(account.currency, `${targetMonth}-01`);
    const notes = [
      `History: the recorded messages of ${historyMonths.join(', ')} (the ${historyMonths.length} complete local month(s) before ${targetMonth}, in ${account.timezone}).`,
      `Volume per country × pricing category × window (outside, inside a customer service window, inside a free entry point window): the monthly average over the history, rounded half-up to whole messages; no trend, no seasonality.`,
      `Priced as delivered in ${targetMonth}: ${regimeOn(`${targetMonth}-01`).description}; rate card ${card ? `"${card.data.name}" (${account.currency}, effective ${card.data.effectiveFrom})` : `none in force for ${account.currency}: every message is unpriced`}.`,
      `The WABA's settings apply: primary business country ${account.primaryBusinessCountry ?? 'unset'}, ${account.authInternationalStarts.length} authentication-international start(s), ${account.freeServiceAllowance} free service replies per number per month × ${Math.max(1, phoneNumbers)} number(s), pooled.`,
      `Left out: ${summary.skipped.businessApp} Business app, ${summary.skipped.historyImport} imported, ${summary.skipped.inbound} inbound and ${summary.skipped.notDelivered} undelivered messages of the history (free); pending messages are assumed delivered; Meta's own verdicts are not replayed.`,
    ];
    const result = runVolumeScenario(
      scenario,
      book,
      {
        portfolioId: 'forecast',
        wabaId: request.wabaId,
        timezone: 'UTC',
        currency: account.currency,
        primaryBusinessCountry: account.primaryBusinessCountry,
        authInternationalStarts: account.authInternationalStarts,
        freeServiceAllowance: account.freeServiceAllowance,
      },
      notes,
    );
    return {
      wabaId: request.wabaId,
      targetMonth,
      historyMonths,
      currency: result.currency,
      total: result.total,
      roundedTotal: result.roundedTotal,
      lines: result.lines,
      history,
      rateCards: result.rateCards,
      assumptions: result.assumptions,
    };
  }
}

/** The monthly average of each country × category volume, as a volume of the target month. */
export function averageVolumes(
  volumes: readonly NormalizedVolume[],
  months: number,
  targetMonth: string,
): NormalizedVolume[] {
  const sums = new Map<string, NormalizedVolume>();
  for (const volume of volumes) {
    const key = `${volume.country ?? `market:${volume.market}`}|${volume.pricingCategory}`;
    const sum = sums.get(key);
    if (sum) {
      sum.messages += volume.messages;
      sum.insideServiceWindow += volume.insideServiceWindow;
      sum.insideEntryPoint += volume.insideEntryPoint;
    } else {
      sums.set(key, { ...volume, month: targetMonth, index: sums.size });
    }
  }
  const average = (value: number) => roundMessages(money(String(value)).dividedBy(months));
  return [...sums.values()].map((sum) => {
    const messages = average(sum.messages);
    const insideEntryPoint = Math.min(messages, average(sum.insideEntryPoint));
    return {
      ...sum,
      messages,
      insideEntryPoint,
      insideServiceWindow: Math.min(messages - insideEntryPoint, average(sum.insideServiceWindow)),
    };
  });
}
