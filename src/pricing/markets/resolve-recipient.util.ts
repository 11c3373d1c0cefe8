import { Metadata, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import metadata from 'libphonenumber-js/metadata.min.json';
import { marketMapVersion, type MarketMapVersion } from './market-map';
import { NANP_LISTED_AREA_CODES, OTHER_MARKET } from './market-map.data';

export interface RecipientInfo {
  readonly valid: boolean;
  readonly callingCode: string | null;
  /** ISO 3166 alpha-2. */
  readonly country: string | null;
  /** 'Other' when unknown. */
  readonly market: string;
  readonly problem?: string;
}

/** What the digits say, independent of the date; the market is derived per map version. */
interface NumberProfile {
  readonly callingCode: string;
  readonly country: string | null;
  readonly problem: string | null;
  readonly infos: RecipientInfo[];
}

const NANP = '1';
const RUSSIA_KAZAKHSTAN = '7';
const MEXICO = '52';
const NANP_NATIONAL_LENGTH = 10;
// E.164 allows 15 digits; longer input is garbage, and refusing it bounds the prefix caches.
const MAX_DIGITS = 17;
const FULL_NUMBER_CACHE_LIMIT = 100_000;
// Exchanges tried when asking libphonenumber which NANP territory owns an area code.
const REPRESENTATIVE_EXCHANGES = [
  '234',
  '555',
  '200',
  '300',
  '400',
  '500',
  '600',
  '700',
  '800',
  '900',
];

const ONLY_DIGITS = /^\d+$/;
const PHONE_CHARACTERS = /^\+?[\d\s\-().]+$/;
const NON_DIGITS = /\D/g;

const countriesByCallingCode: Readonly<Record<string, readonly string[]>> =
  metadata.country_calling_codes;
const callingCodes = new Set([
  ...Object.keys(countriesByCallingCode),
  ...Object.keys(metadata.nonGeographic),
]);

const possibleLengthsCache = new Map<string, readonly number[]>();
const nanpAreaCodeCountries = new Map<string, string | null>();
/** Keyed by calling code + deciding prefix + length: bounded by the numbering plans. */
const prefixProfiles = new Map<string, NumberProfile>();
/** Keyed by the full digits, for shared calling codes libphonenumber splits by full pattern. */
const fullNumberProfiles = new Map<string, NumberProfile>();

function leadingDigitsPattern(country: CountryCode): RegExp {
  const plan = new Metadata();
  plan.selectNumberingPlan(country);
  return new RegExp(`^(?:${plan.numberingPlan?.leadingDigits() ?? '$^'})`);
}

const KAZAKHSTAN_LEADING_DIGITS = leadingDigitsPattern('KZ');
const RUSSIA_LEADING_DIGITS = leadingDigitsPattern('RU');

function possibleLengths(country: string): readonly number[] {
  let lengths = possibleLengthsCache.get(country);
  if (lengths === undefined) {
    const plan = new Metadata();
    plan.selectNumberingPlan(country as CountryCode);
    lengths = plan.numberingPlan?.possibleLengths() ?? [];
    possibleLengthsCache.set(country, lengths);
  }
  return lengths;
}

function profile(
  callingCode: string,
  country: string | null,
  problem: string | null,
): NumberProfile {
  return { callingCode, country, problem, infos: [] };
}

function lengthProblem(nationalLength: number, what: string): string {
  return `${nationalLength} national digits is not a possible length for ${what}`;
}

function nanpAreaCodeCountry(areaCode: string): string | null {
  let country = nanpAreaCodeCountries.get(areaCode);
  if (country === undefined) {
    country = NANP_LISTED_AREA_CODES[areaCode] ?? null;
    for (const exchange of REPRESENTATIVE_EXCHANGES) {
      if (country !== null) {
        break;
      }
      country = parsePhoneNumberFromString(`+1${areaCode}${exchange}4567`)?.country ?? null;
    }
    nanpAreaCodeCountries.set(areaCode, country);
  }
  return country;
}

function nanpProfile(national: string): NumberProfile {
  const areaCode = national.slice(0, 3);
  const country = nanpAreaCodeCountry(areaCode);
  if (country === null) {
    return profile(NANP, null, `unknown NANP area code ${areaCode}`);
  }
  const problem =
    national.length === NANP_NATIONAL_LENGTH ? null : lengthProblem(national.length, country);
  return profile(NANP, country, problem);
}

function russiaKazakhstanProfile(national: string): NumberProfile {
  const country = KAZAKHSTAN_LEADING_DIGITS.test(national)
    ? 'KZ'
    : RUSSIA_LEADING_DIGITS.test(national)
      ? 'RU'
      : null;
  if (country === null) {
    return profile(RUSSIA_KAZAKHSTAN, null, 'no territory of calling code +7 matches the number');
  }
  const possible = possibleLengths(country).includes(national.length);
  return profile(
    RUSSIA_KAZAKHSTAN,
    country,
    possible ? null : lengthProblem(national.length, country),
  );
}

function singleCountryProfile(callingCode: string, country: string, nationalLength: number) {
  const possible = possibleLengths(country).includes(nationalLength);
  return profile(callingCode, country, possible ? null : lengthProblem(nationalLength, country));
}

function fullNumberProfile(callingCode: string, digits: string): NumberProfile | null {
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  if (parsed === undefined) {
    return null;
  }
  const country = parsed.country ?? null;
  const geographic = countriesByCallingCode[callingCode] !== undefined;
  let problem: string | null = null;
  if (!parsed.isPossible()) {
    problem = lengthProblem(parsed.nationalNumber.length, country ?? `+${callingCode}`);
  } else if (country === null && geographic) {
    problem = `no territory of calling code +${callingCode} matches the number`;
  }
  return profile(callingCode, country, problem);
}

function cached(cache: Map<string, NumberProfile>, key: string, build: () => NumberProfile) {
  let found = cache.get(key);
  if (found === undefined) {
    found = build();
    cache.set(key, found);
  }
  return found;
}

// WhatsApp still reports Mexican mobile wa_ids with the "1" Mexico dropped in 2019 (521 + 10 digits).
function withoutWaIdMobilePrefix(callingCode: string, national: string): string {
  return callingCode === MEXICO && national.length === 11 && national.startsWith('1')
    ? national.slice(1)
    : national;
}

function profileOf(digits: string): NumberProfile | null {
  let callingCode: string | undefined;
  for (let length = 1; length <= 3 && callingCode === undefined; length++) {
    const candidate = digits.slice(0, length);
    if (callingCodes.has(candidate)) {
      callingCode = candidate;
    }
  }
  if (
    callingCode === undefined ||
    digits.length <= callingCode.length ||
    digits.length > MAX_DIGITS
  ) {
    return null;
  }
  const code = callingCode;
  const national = withoutWaIdMobilePrefix(code, digits.slice(code.length));
  const countries = countriesByCallingCode[code];
  if (code === NANP) {
    return cached(prefixProfiles, `1${national.slice(0, 3)}:${national.length}`, () =>
      nanpProfile(national),
    );
  }
  const byPrefix =
    code === RUSSIA_KAZAKHSTAN
      ? cached(prefixProfiles, `7${national.slice(0, 2)}:${national.length}`, () =>
          russiaKazakhstanProfile(national),
        )
      : countries?.length === 1
        ? cached(prefixProfiles, `${code}:${national.length}`, () =>
            singleCountryProfile(code, countries[0], national.length),
          )
        : null;
  if (byPrefix?.problem === null) {
    return byPrefix;
  }
  // libphonenumber strips some national prefixes even after the calling code (Mexican wa_ids
  // "521…"), so a length the quick check refuses gets a full parse before being flagged.
  return fullNumberProfileCached(code, digits) ?? byPrefix;
}

function fullNumberProfileCached(callingCode: string, digits: string): NumberProfile | null {
  let found = fullNumberProfiles.get(digits);
  if (found === undefined) {
    const built = fullNumberProfile(callingCode, digits);
    if (built === null) {
      return null;
    }
    if (fullNumberProfiles.size >= FULL_NUMBER_CACHE_LIMIT) {
      fullNumberProfiles.clear();
    }
    fullNumberProfiles.set(digits, built);
    found = built;
  }
  return found;
}

function infoFor(numberProfile: NumberProfile, version: MarketMapVersion): RecipientInfo {
  let info = numberProfile.infos[version.index];
  if (info === undefined) {
    const { callingCode, country, problem } = numberProfile;
    const market =
      (country === null
        ? version.callingCodeMarkets.get(callingCode)
        : version.countryMarkets.get(country)) ?? OTHER_MARKET;
    info = Object.freeze(
      problem === null
        ? { valid: true, callingCode, country, market }
        : { valid: false, callingCode, country, market, problem },
    );
    numberProfile.infos[version.index] = info;
  }
  return info;
}

/**
 * Calling code, country and Meta market of a recipient (wa_id digits, or E.164 with '+', spaces,
 * dashes). Problems are reported in the result, never thrown.
 */
export function resolveRecipient(phone: string, onDate: string): RecipientInfo {
  const version = marketMapVersion(onDate);
  const digits = ONLY_DIGITS.test(phone)
    ? phone
    : PHONE_CHARACTERS.test(phone)
      ? phone.replace(NON_DIGITS, '')
      : '';
  const numberProfile = digits === '' ? null : profileOf(digits);
  if (numberProfile === null) {
    return {
      valid: false,
      callingCode: null,
      country: null,
      market: OTHER_MARKET,
      problem: `unparseable phone number "${phone}"`,
    };
  }
  return infoFor(numberProfile, version);
}
