import metadata from 'libphonenumber-js/metadata.min.json';
import { assertLocalDate } from './local-date.util';
import { BASE_COUNTRY_MARKETS, MARKET_MAP_CHANGES, OTHER_MARKET } from './market-map.data';

export interface MarketMapVersion {
  /** Index in the ascending list of versions; 0 is the base mapping. */
  readonly index: number;
  /** null for the base mapping, in force before the first dated change. */
  readonly effectiveFrom: string | null;
  /** Every libphonenumber country → market on this version. */
  readonly countryMarkets: ReadonlyMap<string, string>;
  /** Non-NANP calling code → market of the calling code's main country. */
  readonly callingCodeMarkets: ReadonlyMap<string, string>;
  readonly markets: readonly string[];
}

const NANP_CALLING_CODE = '1';

export const MARKET_MAP_EFFECTIVE_DATES: readonly string[] = MARKET_MAP_CHANGES.map(
  (change) => change.effectiveFrom,
);

function callingCodeOfCountries(): Map<string, string> {
  const result = new Map<string, string>();
  for (const [callingCode, countries] of Object.entries(metadata.country_calling_codes)) {
    for (const country of countries) {
      result.set(country, callingCode);
    }
  }
  return result;
}

function buildVersion(
  index: number,
  effectiveFrom: string | null,
  listed: Readonly<Record<string, string>>,
  callingCodes: ReadonlyMap<string, string>,
): MarketMapVersion {
  // Meta bills by calling code, so a territory sharing a (non-NANP) code with a listed country is
  // billed as that country (Vatican → Italy, Jersey → United Kingdom); Kazakhstan, a country Meta
  // does not list, is listed as Other explicitly. NANP territories are listed by area code instead, so unlisted ones → Other.
  const callingCodeMarkets = new Map<string, string>();
  for (const [callingCode, countries] of Object.entries(metadata.country_calling_codes)) {
    const mainMarket = listed[countries[0]];
    if (callingCode !== NANP_CALLING_CODE && mainMarket !== undefined) {
      callingCodeMarkets.set(callingCode, mainMarket);
    }
  }
  const countryMarkets = new Map<string, string>();
  for (const [country, callingCode] of callingCodes) {
    countryMarkets.set(
      country,
      listed[country] ?? callingCodeMarkets.get(callingCode) ?? OTHER_MARKET,
    );
  }
  const markets = [...new Set([...Object.values(listed), OTHER_MARKET])].sort();
  return { index, effectiveFrom, countryMarkets, callingCodeMarkets, markets };
}

function buildVersions(): MarketMapVersion[] {
  const callingCodes = callingCodeOfCountries();
  let listed: Readonly<Record<string, string>> = BASE_COUNTRY_MARKETS;
  const versions = [buildVersion(0, null, listed, callingCodes)];
  const changes = [...MARKET_MAP_CHANGES].sort((a, b) =>
    a.effectiveFrom.localeCompare(b.effectiveFrom),
  );
  for (const change of changes) {
    listed = { ...listed, ...change.countries };
    versions.push(buildVersion(versions.length, change.effectiveFrom, listed, callingCodes));
  }
  return versions;
}

const VERSIONS = buildVersions();
let lastCheckedDate = '';

/** The mapping in force on a local date (YYYY-MM-DD in the WABA's timezone). */
export function marketMapVersion(onDate: string): MarketMapVersion {
  if (onDate !== lastCheckedDate) {
    assertLocalDate(onDate, 'onDate');
    lastCheckedDate = onDate;
  }
  for (let i = VERSIONS.length - 1; i > 0; i--) {
    if ((VERSIONS[i].effectiveFrom as string) <= onDate) {
      return VERSIONS[i];
    }
  }
  return VERSIONS[0];
}

export function marketOfCountry(country: string, onDate: string): string {
  return marketMapVersion(onDate).countryMarkets.get(country.toUpperCase()) ?? OTHER_MARKET;
}

export function listMarkets(onDate: string): string[] {
  return [...marketMapVersion(onDate).markets];
}

function marketNameKey(name: string): string {
  return name.toLowerCase().replace(/&/g, ' and ').replace(/\s+/g, ' ').trim();
}

const CANONICAL_MARKET_NAMES = new Map<string, string>(
  VERSIONS.flatMap((version) => version.markets).map((name) => [marketNameKey(name), name]),
);

/** Meta's spelling of a market name from a CSV cell, or null when no market has that name. */
export function normalizeMarketName(name: string): string | null {
  return CANONICAL_MARKET_NAMES.get(marketNameKey(name)) ?? null;
}
