import { money, toDecimalString } from '../../pricing/money';
import type {
  MetaAnalyticsProblem,
  MetaPricingDataPoint,
  PricingAnalyticsPage,
} from '../meta-analytics.types';
import { JsonNumber, type ExactJson, type ExactJsonObject } from './parse-exact-json.util';

const DAY_SECONDS = 86_400;
/** A DAILY bucket lasts a day, 23 or 25 hours across a daylight-saving change. */
const MIN_DAY_SECONDS = DAY_SECONDS - 3600;
const MAX_DAY_SECONDS = DAY_SECONDS + 3600;

const TEXT_LIMITS = {
  phone_number: 32,
  country: 8,
  pricing_category: 48,
  pricing_type: 48,
  tier: 48,
} as const;

/**
 * The data points and `paging.next` of one answer of the Graph API to
 * `GET /<WABA_ID>?fields=pricing_analytics…` (`{ pricing_analytics: { data: [{ data_points }],
 * paging }, id }`), or of a page reached through `paging.next` (`{ data, paging }`). Costs stay
 * exact decimals. Points that are not DAILY buckets, or miss a field, are listed in `problems`
 * with their path instead.
 */
export function readPricingAnalyticsPage(json: ExactJson): PricingAnalyticsPage {
  const problems: MetaAnalyticsProblem[] = [];
  const points: MetaPricingDataPoint[] = [];
  if (!isObject(json)) {
    return { points, next: null, problems: [{ path: '$', message: 'not a JSON object' }] };
  }
  const [edge, edgePath] = isObject(json.pricing_analytics)
    ? [json.pricing_analytics, '$.pricing_analytics']
    : [json, '$'];
  if (!Array.isArray(edge.data)) {
    const hasOther = Object.keys(json).filter((key) => key !== 'id');
    return {
      points,
      next: null,
      problems:
        hasOther.length === 0
          ? [] // { id } alone: Meta had no data for the range
          : [{ path: `${edgePath}.data`, message: 'pricing_analytics.data is missing' }],
    };
  }
  edge.data.forEach((entry, entryIndex) => {
    const entryPath = `${edgePath}.data[${entryIndex}]`;
    if (!isObject(entry) || !Array.isArray(entry.data_points)) {
      problems.push({ path: `${entryPath}.data_points`, message: 'data_points is missing' });
      return;
    }
    entry.data_points.forEach((raw, pointIndex) => {
      const path = `${entryPath}.data_points[${pointIndex}]`;
      const point = readPoint(raw, path, problems);
      if (point !== null) points.push(point);
    });
  });
  const paging = isObject(edge.paging) ? edge.paging : null;
  const next = paging && typeof paging.next === 'string' ? paging.next : null;
  return { points, next, problems };
}

function readPoint(
  raw: ExactJson,
  path: string,
  problems: MetaAnalyticsProblem[],
): MetaPricingDataPoint | null {
  if (!isObject(raw)) {
    problems.push({ path, message: 'a data point must be an object' });
    return null;
  }
  const before = problems.length;
  const start = wholeNumber(raw.start, `${path}.start`, problems);
  const end = wholeNumber(raw.end, `${path}.end`, problems);
  const volume = wholeNumber(raw.volume, `${path}.volume`, problems);
  const cost = decimal(raw.cost, `${path}.cost`, problems);
  const text = (field: keyof typeof TEXT_LIMITS, upper: boolean) => {
    const value = raw[field];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string' || value.trim() === '' || value.length > TEXT_LIMITS[field]) {
      problems.push({
        path: `${path}.${field}`,
        message: `must be text of 1 to ${TEXT_LIMITS[field]} characters`,
      });
      return null;
    }
    return upper ? value.trim().toUpperCase() : value.trim();
  };
  const point = {
    phoneNumber: text('phone_number', false),
    country: text('country', true),
    pricingCategory: text('pricing_category', true),
    pricingType: text('pricing_type', true),
    tier: text('tier', true),
  };
  if (start !== null && end !== null) {
    const length = end - start;
    if (length < MIN_DAY_SECONDS || length > MAX_DAY_SECONDS) {
      problems.push({
        path,
        message: `covers ${length} seconds: only DAILY granularity can be reconciled`,
      });
    }
  }
  if (problems.length > before || start === null || end === null || volume === null) return null;
  if (cost === null) return null;
  return { start, end, volume, cost, ...point };
}

function wholeNumber(
  value: ExactJson | undefined,
  path: string,
  problems: MetaAnalyticsProblem[],
): number | null {
  const text = value instanceof JsonNumber ? value.text : typeof value === 'string' ? value : null;
  if (text === null || !/^\d{1,15}$/.test(text)) {
    problems.push({ path, message: 'must be a whole number, 0 or more' });
    return null;
  }
  return Number(text);
}

function decimal(
  value: ExactJson | undefined,
  path: string,
  problems: MetaAnalyticsProblem[],
): string | null {
  const text = value instanceof JsonNumber ? value.text : typeof value === 'string' ? value : null;
  if (text === null) {
    problems.push({
      path,
      message: 'cost is missing (the request must include the COST metric)',
    });
    return null;
  }
  if (!/^\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text.trim())) {
    problems.push({ path, message: 'must be a decimal number, 0 or more' });
    return null;
  }
  const canonical = toDecimalString(money(text.trim()));
  if (canonical.length > 40) {
    problems.push({ path, message: 'must have at most 40 digits' });
    return null;
  }
  return canonical;
}

function isObject(value: ExactJson | undefined): value is ExactJsonObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof JsonNumber)
  );
}
