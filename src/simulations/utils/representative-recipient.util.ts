import { getExampleNumber, type CountryCode } from 'libphonenumber-js';
import examples from 'libphonenumber-js/examples.mobile.json';
import metadata from 'libphonenumber-js/metadata.min.json';
import { marketMapVersion } from '../../pricing/markets/market-map';
import { resolveRecipient } from '../../pricing/markets/resolve-recipient.util';

export interface RepresentativeRecipient {
  /** wa_id digits the engine resolves to `country` and `market` on the date. */
  contact: string;
  country: string;
  market: string;
}

/** The main country of each calling code (US for +1, RU for +7). */
const MAIN_COUNTRIES = new Set(
  Object.values(metadata.country_calling_codes).map((countries): string => countries[0]),
);

const byCountry = new Map<string, RepresentativeRecipient | null>();
const byMarket = new Map<string, RepresentativeRecipient | null>();

/**
 * A phone number of a country (libphonenumber's example mobile number) that the engine's own
 * recipient resolution places in that country on the date, or null when the country is unknown.
 */
export function recipientOfCountry(
  country: string,
  onDate: string,
): RepresentativeRecipient | null {
  const code = country.toUpperCase();
  const version = marketMapVersion(onDate);
  const key = `${version.index}|${code}`;
  if (byCountry.has(key)) return byCountry.get(key) ?? null;
  let found: RepresentativeRecipient | null = null;
  if (version.countryMarkets.has(code)) {
    const example = getExampleNumber(code as CountryCode, examples);
    if (example !== undefined) {
      const contact = example.number.replace('+', '');
      const resolved = resolveRecipient(contact, onDate);
      if (resolved.valid && resolved.country === code) {
        found = { contact, country: code, market: resolved.market };
      }
    }
  }
  byCountry.set(key, found);
  return found;
}

/**
 * The market's representative recipient on a date: its first country whose example number
 * resolves back to it, main countries of a calling code first, then in ISO alphabetical order
 * (US for North America, RU for Russia, AO for Rest of Africa).
 */
export function recipientOfMarket(market: string, onDate: string): RepresentativeRecipient | null {
  const version = marketMapVersion(onDate);
  const key = `${version.index}|${market}`;
  if (byMarket.has(key)) return byMarket.get(key) ?? null;
  const countries = [...version.countryMarkets]
    .filter(([, countryMarket]) => countryMarket === market)
    .map(([country]) => country)
    .sort(
      (a, b) => Number(MAIN_COUNTRIES.has(b)) - Number(MAIN_COUNTRIES.has(a)) || a.localeCompare(b),
    );
  let found: RepresentativeRecipient | null = null;
  for (const country of countries) {
    const recipient = recipientOfCountry(country, onDate);
    if (recipient !== null && recipient.market === market) {
      found = recipient;
      break;
    }
  }
  byMarket.set(key, found);
  return found;
}
