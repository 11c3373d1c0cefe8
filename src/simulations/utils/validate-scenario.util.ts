import type Decimal from 'decimal.js';
import { DomainError, type DomainErrorDetail } from '../../common/errors/domain.error';
import { listMarkets, normalizeMarketName } from '../../pricing/markets/market-map';
import { isLocalDate } from '../../pricing/markets/local-date.util';
import { PRICING_CATEGORIES, type PricingCategory } from '../../pricing/pricing.types';
import type {
  NormalizedVolume,
  ScenarioSpec,
  SimulationSpec,
  VolumeSpec,
} from '../simulation.types';
import { recipientOfCountry, recipientOfMarket } from './representative-recipient.util';
import { isMonth, monthProblem, monthsBetween, parsePercent } from './simulation-math.util';

export const MAX_SCENARIOS = 20;
export const MAX_VOLUMES = 20_000;
/** Monthly growth, compounded: at most ×11 a month. */
export const MAX_GROWTH_PERCENT = 1_000;
/** Recorded traffic read by one scenario or forecast: at most two years of local months. */
export const MAX_RECORDED_MONTHS = 24;

export type ScenarioTraffic =
  | { kind: 'VOLUMES'; volumes: NormalizedVolume[] }
  | {
      kind: 'RECORDED';
      wabaId: string | null;
      portfolioId: string | null;
      fromMonth: string;
      toMonth: string;
    };

export type ScenarioPrices =
  | { kind: 'STORED_CARD'; rateCardId: string; currency: string | null }
  | { kind: 'INLINE_CARD'; ratesCsv: string; volumeTiersCsv: string | null; currency: string }
  | { kind: 'IN_FORCE'; currency: string | null };

export interface ScenarioOptions {
  growthPercent: Decimal | null;
  movedToAppPercent: Decimal | null;
  marketingInsideEntryPointPercent: Decimal | null;
  regimeDate: string | null;
  phoneNumbers: number;
  freeServiceAllowance: number | null;
  primaryBusinessCountry: string | null;
  authInternationalStarts: { country: string; startsAt: Date }[] | null;
}

export interface NormalizedScenario {
  name: string;
  spec: ScenarioSpec;
  traffic: ScenarioTraffic;
  prices: ScenarioPrices;
  options: ScenarioOptions;
}

/** Checks a simulation's scenario names and baseline (the scenarios are checked one by one). */
export function validateSimulationShape(spec: SimulationSpec): void {
  if (spec.scenarios.length === 0) {
    throw new DomainError('BAD_USER_INPUT', 'a simulation needs at least one scenario');
  }
  if (spec.scenarios.length > MAX_SCENARIOS) {
    throw new DomainError('BAD_USER_INPUT', `at most ${MAX_SCENARIOS} scenarios per simulation`);
  }
  const seen = new Set<string>();
  for (const scenario of spec.scenarios) {
    const name = scenario.name?.trim() ?? '';
    if (seen.has(name)) {
      throw new DomainError('BAD_USER_INPUT', `duplicate scenario name "${name}"`);
    }
    seen.add(name);
  }
  if (spec.baseline !== null && spec.baseline !== undefined && !seen.has(spec.baseline.trim())) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `baseline "${spec.baseline}" is not one of the scenarios (${[...seen].map((name) => `"${name}"`).join(', ')})`,
    );
  }
}

/** Validates one scenario and resolves its volumes' markets; every problem is listed at once. */
export function normalizeScenario(spec: ScenarioSpec): NormalizedScenario {
  const problems: DomainErrorDetail[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  const name = spec.name?.trim() ?? '';
  if (name === '' || name.length > 200) problem('name', 'name must be 1 to 200 characters');

  const percent = (field: keyof ScenarioSpec, max: number | null, min = 0, minInclusive = true) => {
    try {
      return parsePercent(spec[field] as string | null | undefined, field, {
        min,
        max,
        minInclusive,
      });
    } catch (error) {
      if (error instanceof DomainError) problem(field, error.message);
      return null;
    }
  };
  const options: ScenarioOptions = {
    growthPercent: percent('growthPercent', MAX_GROWTH_PERCENT, -100, false),
    movedToAppPercent: percent('movedToAppPercent', 100),
    marketingInsideEntryPointPercent: percent('marketingInsideEntryPointPercent', 100),
    regimeDate: spec.regimeDate ?? null,
    phoneNumbers: spec.phoneNumbers ?? 1,
    freeServiceAllowance: spec.freeServiceAllowance ?? null,
    primaryBusinessCountry: spec.primaryBusinessCountry?.trim().toUpperCase() || null,
    authInternationalStarts: null,
  };
  if (options.regimeDate !== null && !isLocalDate(options.regimeDate)) {
    problem('regimeDate', `regimeDate must be a date YYYY-MM-DD; got "${options.regimeDate}"`);
  }
  if (!Number.isSafeInteger(options.phoneNumbers) || options.phoneNumbers < 1) {
    problem('phoneNumbers', `phoneNumbers must be at least 1; got ${options.phoneNumbers}`);
  }
  if (
    options.freeServiceAllowance !== null &&
    (!Number.isSafeInteger(options.freeServiceAllowance) || options.freeServiceAllowance < 0)
  ) {
    problem('freeServiceAllowance', 'freeServiceAllowance must be a whole number ≥ 0');
  }
  if (
    options.primaryBusinessCountry !== null &&
    !/^[A-Z]{2}$/.test(options.primaryBusinessCountry)
  ) {
    problem('primaryBusinessCountry', 'primaryBusinessCountry must be an ISO 3166 alpha-2 code');
  }
  if (spec.authInternationalStarts) {
    options.authInternationalStarts = spec.authInternationalStarts.map((start, index) => {
      const country = start.country.trim().toUpperCase();
      const startsAt = new Date(start.startsAt);
      if (!/^[A-Z]{2}$/.test(country)) {
        problem(`authInternationalStarts[${index}].country`, 'must be an ISO 3166 alpha-2 code');
      }
      if (Number.isNaN(startsAt.getTime())) {
        problem(`authInternationalStarts[${index}].startsAt`, 'must be an ISO-8601 instant');
      }
      return { country, startsAt };
    });
  }

  const prices = normalizePrices(spec, problem);
  const traffic = normalizeTraffic(spec, options, problem);
  if (problems.length > 0) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `scenario "${name}": ${problems.map((entry) => `${entry.path}: ${entry.message}`).join('; ')}`,
      problems,
    );
  }
  return { name, spec, traffic: traffic!, prices, options };
}

function normalizePrices(
  spec: ScenarioSpec,
  problem: (path: string, message: string) => void,
): ScenarioPrices {
  const currency = spec.currency?.trim().toUpperCase() || null;
  if (currency !== null && !/^[A-Z]{3}$/.test(currency)) {
    problem('currency', `currency must be a 3-letter ISO 4217 code; got "${spec.currency}"`);
  }
  const rateCardId = spec.rateCardId?.trim() || null;
  const ratesCsv = spec.ratesCsv && spec.ratesCsv.trim() !== '' ? spec.ratesCsv : null;
  if (rateCardId !== null && ratesCsv !== null) {
    problem('rateCardId', 'give rateCardId or ratesCsv, not both');
  }
  if (spec.volumeTiersCsv && ratesCsv === null) {
    problem('volumeTiersCsv', 'volumeTiersCsv needs ratesCsv');
  }
  if (rateCardId !== null) return { kind: 'STORED_CARD', rateCardId, currency };
  if (ratesCsv !== null) {
    if (currency === null) problem('currency', 'an inline ratesCsv needs its currency');
    return {
      kind: 'INLINE_CARD',
      ratesCsv,
      volumeTiersCsv: spec.volumeTiersCsv ?? null,
      currency: currency ?? 'USD',
    };
  }
  return { kind: 'IN_FORCE', currency };
}

function normalizeTraffic(
  spec: ScenarioSpec,
  options: ScenarioOptions,
  problem: (path: string, message: string) => void,
): ScenarioTraffic | null {
  const hasVolumes = spec.volumes !== null && spec.volumes !== undefined;
  const recorded = Boolean(spec.fromWabaId || spec.fromPortfolioId || spec.fromMonth);
  if (hasVolumes === recorded) {
    problem(
      'volumes',
      'a scenario needs exactly one traffic source: volumes, or fromWabaId/fromPortfolioId with fromMonth',
    );
    return null;
  }
  if (recorded) {
    if (Boolean(spec.fromWabaId) === Boolean(spec.fromPortfolioId)) {
      problem('fromWabaId', 'recorded traffic needs exactly one of fromWabaId or fromPortfolioId');
    }
    const fromMonth = spec.fromMonth ?? '';
    const toMonth = spec.toMonth ?? fromMonth;
    if (!isMonth(fromMonth)) problem('fromMonth', monthProblem('fromMonth', fromMonth));
    if (!isMonth(toMonth)) problem('toMonth', monthProblem('toMonth', toMonth));
    else if (toMonth < fromMonth) problem('toMonth', 'toMonth must not be before fromMonth');
    else if (isMonth(fromMonth) && monthsBetween(fromMonth, toMonth) >= MAX_RECORDED_MONTHS) {
      problem(
        'toMonth',
        `recorded traffic spans at most ${MAX_RECORDED_MONTHS} months; ${fromMonth} to ${toMonth} is ${monthsBetween(fromMonth, toMonth) + 1}`,
      );
    }
    return {
      kind: 'RECORDED',
      wabaId: spec.fromWabaId?.trim() || null,
      portfolioId: spec.fromPortfolioId?.trim() || null,
      fromMonth,
      toMonth,
    };
  }
  if (spec.toMonth) problem('toMonth', 'toMonth applies to recorded traffic only');
  const volumes = spec.volumes as VolumeSpec[];
  if (volumes.length === 0) problem('volumes', 'volumes is empty');
  if (volumes.length > MAX_VOLUMES) problem('volumes', `at most ${MAX_VOLUMES} volumes`);
  const normalized: NormalizedVolume[] = [];
  volumes.forEach((volume, index) => {
    const result = normalizeVolume(volume, index, options, (message) =>
      problem(`volumes[${index}]`, message),
    );
    if (result) normalized.push(result);
  });
  return { kind: 'VOLUMES', volumes: normalized };
}

/** The local date a volume is priced on: the regime date when given, else the month's first day. */
export function pricingDateOf(month: string, regimeDate: string | null): string {
  return regimeDate ?? `${month}-01`;
}

function normalizeVolume(
  volume: VolumeSpec,
  index: number,
  options: ScenarioOptions,
  problem: (message: string) => void,
): NormalizedVolume | null {
  let ok = true;
  const fail = (message: string) => {
    ok = false;
    problem(message);
  };
  if (!isMonth(volume.month ?? '')) fail(monthProblem('month', volume.month));
  if (!PRICING_CATEGORIES.includes(volume.pricingCategory)) {
    fail(`unknown pricingCategory "${volume.pricingCategory}"`);
  } else if (volume.pricingCategory.startsWith('GROUP_')) {
    fail(
      `pricingCategory ${volume.pricingCategory}: Groups API deliveries are not simulated (price them with quote)`,
    );
  }
  const count = (value: number | null | undefined, field: string): number => {
    if (value === null || value === undefined) return 0;
    if (!Number.isSafeInteger(value) || value < 0)
      fail(`${field} must be a whole number ≥ 0; got ${value}`);
    return value;
  };
  const messages = count(volume.messages, 'messages');
  const insideEntryPoint = count(volume.insideEntryPoint, 'insideEntryPoint');
  const category = volume.pricingCategory as PricingCategory;
  // Non-template replies can only be sent inside a window: by default they all are.
  const insideServiceWindow =
    category === 'SERVICE' &&
    (volume.insideServiceWindow === null || volume.insideServiceWindow === undefined)
      ? Math.max(0, messages - insideEntryPoint)
      : count(volume.insideServiceWindow, 'insideServiceWindow');
  if (insideServiceWindow + insideEntryPoint > messages) {
    fail(
      `insideServiceWindow (${insideServiceWindow}) + insideEntryPoint (${insideEntryPoint}) exceed messages (${messages})`,
    );
  }
  const hasMarket = Boolean(volume.market && volume.market.trim() !== '');
  const hasCountry = Boolean(volume.country && volume.country.trim() !== '');
  if (hasMarket === hasCountry) {
    fail('give exactly one of market or country');
    return null;
  }
  if (!ok) return null;
  const date = pricingDateOf(volume.month, options.regimeDate ?? null);
  if (options.regimeDate !== null && !isLocalDate(options.regimeDate)) return null;
  let market: string;
  let country: string | null = null;
  if (hasCountry) {
    country = (volume.country as string).trim().toUpperCase();
    const recipient = /^[A-Z]{2}$/.test(country) ? recipientOfCountry(country, date) : null;
    if (recipient === null) {
      fail(`unknown country "${volume.country}" (ISO 3166 alpha-2, e.g. "IN")`);
      return null;
    }
    market = recipient.market;
  } else {
    const canonical = normalizeMarketName(volume.market as string);
    const markets = listMarkets(date);
    if (canonical === null || !markets.includes(canonical)) {
      fail(
        `unknown market "${volume.market}" on ${date}; Meta's markets then: ${markets.join(', ')}`,
      );
      return null;
    }
    if (recipientOfMarket(canonical, date) === null) {
      fail(`market "${canonical}" has no country to send to on ${date}`);
      return null;
    }
    market = canonical;
  }
  return {
    month: volume.month,
    index,
    market,
    country,
    pricingCategory: category,
    messages,
    insideServiceWindow,
    insideEntryPoint,
  };
}
