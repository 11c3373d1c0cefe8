/**
 * Meta's "country calling code → market" mapping (docs/pricing-data.md, "Market map"), as data.
 * Market names are spelled exactly as Meta prints them on its rate cards.
 */

export type SourceConfidence = 'CONFIRMED' | 'SECONDARY' | 'UNCERTAIN';

export const OTHER_MARKET = 'Other';

/**
 * The mapping in force before the first dated change below. Source: Meta pricing page, version of
 * 2026-03-02 (✅ CONFIRMED), with Zimbabwe removed (it joined Rest of Africa on 2025-10-01).
 * Countries not listed here map to "Other".
 */
export const BASE_COUNTRY_MARKETS: Readonly<Record<string, string>> = {
  AR: 'Argentina',
  BR: 'Brazil',
  CL: 'Chile',
  CO: 'Colombia',
  EG: 'Egypt',
  FR: 'France',
  DE: 'Germany',
  IN: 'India',
  ID: 'Indonesia',
  IL: 'Israel',
  IT: 'Italy',
  MY: 'Malaysia',
  MX: 'Mexico',
  NL: 'Netherlands',
  NG: 'Nigeria',
  PK: 'Pakistan',
  PE: 'Peru',
  RU: 'Russia',
  SA: 'Saudi Arabia',
  ZA: 'South Africa',
  ES: 'Spain',
  TR: 'Turkey',
  AE: 'United Arab Emirates',
  GB: 'United Kingdom',

  CA: 'North America',
  US: 'North America',

  DZ: 'Rest of Africa',
  AO: 'Rest of Africa',
  BJ: 'Rest of Africa',
  BW: 'Rest of Africa',
  BF: 'Rest of Africa',
  BI: 'Rest of Africa',
  CM: 'Rest of Africa',
  TD: 'Rest of Africa',
  CG: 'Rest of Africa',
  ER: 'Rest of Africa',
  ET: 'Rest of Africa',
  GA: 'Rest of Africa',
  GM: 'Rest of Africa',
  GH: 'Rest of Africa',
  GW: 'Rest of Africa',
  CI: 'Rest of Africa',
  KE: 'Rest of Africa',
  LS: 'Rest of Africa',
  LR: 'Rest of Africa',
  LY: 'Rest of Africa',
  MG: 'Rest of Africa',
  MW: 'Rest of Africa',
  ML: 'Rest of Africa',
  MR: 'Rest of Africa',
  MA: 'Rest of Africa',
  MZ: 'Rest of Africa',
  NA: 'Rest of Africa',
  NE: 'Rest of Africa',
  RW: 'Rest of Africa',
  SN: 'Rest of Africa',
  SL: 'Rest of Africa',
  SO: 'Rest of Africa',
  SS: 'Rest of Africa',
  SD: 'Rest of Africa',
  SZ: 'Rest of Africa',
  TZ: 'Rest of Africa',
  TG: 'Rest of Africa',
  TN: 'Rest of Africa',
  UG: 'Rest of Africa',
  ZM: 'Rest of Africa',

  AF: 'Rest of Asia Pacific',
  AU: 'Rest of Asia Pacific',
  BD: 'Rest of Asia Pacific',
  KH: 'Rest of Asia Pacific',
  CN: 'Rest of Asia Pacific',
  HK: 'Rest of Asia Pacific',
  JP: 'Rest of Asia Pacific',
  LA: 'Rest of Asia Pacific',
  MN: 'Rest of Asia Pacific',
  NP: 'Rest of Asia Pacific',
  NZ: 'Rest of Asia Pacific',
  PG: 'Rest of Asia Pacific',
  PH: 'Rest of Asia Pacific',
  SG: 'Rest of Asia Pacific',
  LK: 'Rest of Asia Pacific',
  TW: 'Rest of Asia Pacific',
  TJ: 'Rest of Asia Pacific',
  TH: 'Rest of Asia Pacific',
  TM: 'Rest of Asia Pacific',
  UZ: 'Rest of Asia Pacific',
  VN: 'Rest of Asia Pacific',

  AL: 'Rest of Central & Eastern Europe',
  AM: 'Rest of Central & Eastern Europe',
  AZ: 'Rest of Central & Eastern Europe',
  BY: 'Rest of Central & Eastern Europe',
  BG: 'Rest of Central & Eastern Europe',
  HR: 'Rest of Central & Eastern Europe',
  CZ: 'Rest of Central & Eastern Europe',
  GE: 'Rest of Central & Eastern Europe',
  GR: 'Rest of Central & Eastern Europe',
  HU: 'Rest of Central & Eastern Europe',
  LV: 'Rest of Central & Eastern Europe',
  LT: 'Rest of Central & Eastern Europe',
  MD: 'Rest of Central & Eastern Europe',
  MK: 'Rest of Central & Eastern Europe',
  PL: 'Rest of Central & Eastern Europe',
  RO: 'Rest of Central & Eastern Europe',
  RS: 'Rest of Central & Eastern Europe',
  SK: 'Rest of Central & Eastern Europe',
  SI: 'Rest of Central & Eastern Europe',
  UA: 'Rest of Central & Eastern Europe',

  AT: 'Rest of Western Europe',
  BE: 'Rest of Western Europe',
  DK: 'Rest of Western Europe',
  FI: 'Rest of Western Europe',
  IE: 'Rest of Western Europe',
  NO: 'Rest of Western Europe',
  PT: 'Rest of Western Europe',
  SE: 'Rest of Western Europe',
  CH: 'Rest of Western Europe',

  BO: 'Rest of Latin America',
  CR: 'Rest of Latin America',
  DO: 'Rest of Latin America',
  EC: 'Rest of Latin America',
  SV: 'Rest of Latin America',
  GT: 'Rest of Latin America',
  HT: 'Rest of Latin America',
  HN: 'Rest of Latin America',
  JM: 'Rest of Latin America',
  NI: 'Rest of Latin America',
  PA: 'Rest of Latin America',
  PY: 'Rest of Latin America',
  PR: 'Rest of Latin America',
  UY: 'Rest of Latin America',
  VE: 'Rest of Latin America',

  BH: 'Rest of Middle East',
  IQ: 'Rest of Middle East',
  JO: 'Rest of Middle East',
  KW: 'Rest of Middle East',
  LB: 'Rest of Middle East',
  OM: 'Rest of Middle East',
  QA: 'Rest of Middle East',
  YE: 'Rest of Middle East',

  // Not listed by Meta, so "Other", although it shares +7 with Russia: Meta's list names only
  // Russia under 7, and Kazakhstan's move to a standalone market on 2026-10-01 is described as
  // higher utility rates, which fits Other (0.0077 → 0.018 USD) and not Russia (0.04).
  KZ: OTHER_MARKET,
};

/** NANP (+1) area codes Meta lists outside North America (Meta pricing page ✅). */
export const NANP_LISTED_AREA_CODES: Readonly<Record<string, string>> = {
  '809': 'DO',
  '829': 'DO',
  '849': 'DO',
  '658': 'JM',
  '876': 'JM',
  '787': 'PR',
  '939': 'PR',
};

export interface MarketMapChange {
  /** First local date (YYYY-MM-DD, 12am WABA time) on which the change applies. */
  effectiveFrom: string;
  /** ISO 3166 alpha-2 → market from that date on. */
  countries: Readonly<Record<string, string>>;
  source: string;
  confidence: SourceConfidence;
  note: string;
}

export const MARKET_MAP_CHANGES: readonly MarketMapChange[] = [
  {
    effectiveFrom: '2025-10-01',
    countries: { ZW: 'Rest of Africa' },
    source: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/pricing',
    confidence: 'CONFIRMED',
    note: 'Zimbabwe (+263) moved from "Other" to "Rest of Africa".',
  },
  {
    effectiveFrom: '2026-07-01',
    countries: {
      HK: 'Hong Kong',
      SG: 'Singapore',
      HU: 'Hungary',
      PL: 'Poland',
      RO: 'Romania',
      QA: 'Qatar',
    },
    source: 'https://www.unifyport.ai/blog/whatsapp-july-2026-rate-card-inbound-only-teams/',
    confidence: 'SECONDARY',
    note: 'Six new standalone markets with the rate cards effective July 1, 2026 (BSP report of Meta announcement).',
  },
  {
    effectiveFrom: '2026-10-01',
    countries: {
      BD: 'Bangladesh',
      IQ: 'Iraq',
      NP: 'Nepal',
      LK: 'Sri Lanka',
      KZ: 'Kazakhstan',
      KW: 'Kuwait',
      MA: 'Morocco',
      OM: 'Oman',
      UA: 'Ukraine',
    },
    source:
      'Public GitHub project notes quoting the Meta pricing page; https://huggingface.co/datasets/WhaTools/whatsapp-open-data',
    confidence: 'SECONDARY',
    note: 'Nine markets leave their regional groups for standalone rates (all gain an authentication-international rate).',
  },
];

/**
 * Markets with an authentication-international rate, by the local date from which Meta lists one:
 * Indonesia (2024-06-01) and India (2024-07-01), then seven more ("seven new markets",
 * 2025-02-01; Meta's authentication-international rates page); from 2026-10-01 the nine markets
 * that became standalone that day each gain one (Meta's INR card of 2026-10-01 prints 18).
 */
export const AUTH_INTERNATIONAL_MARKETS: readonly { from: string; markets: readonly string[] }[] = [
  { from: '2024-06-01', markets: ['Indonesia'] },
  { from: '2024-07-01', markets: ['India'] },
  {
    from: '2025-02-01',
    markets: [
      'Egypt',
      'Malaysia',
      'Nigeria',
      'Pakistan',
      'Saudi Arabia',
      'South Africa',
      'United Arab Emirates',
    ],
  },
  {
    from: '2026-10-01',
    markets: [
      'Bangladesh',
      'Iraq',
      'Kazakhstan',
      'Kuwait',
      'Morocco',
      'Nepal',
      'Oman',
      'Sri Lanka',
      'Ukraine',
    ],
  },
];
