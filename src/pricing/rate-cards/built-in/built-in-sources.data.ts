import type { RateSource } from './built-in-card.types';

/**
 * Every public source the built-in cards use. Meta publishes its rate cards only as downloadable
 * files (CSV/XLSX/PDF per currency) linked from
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/pricing; the copies
 * used here are transcriptions of those files in public code and notes, each named by the id of
 * its stored public copy. Numbers are transcribed, never computed.
 */
export const BUILT_IN_SOURCES: readonly RateSource[] = [
  {
    id: 'meta-pricing-page-2026-09-11',
    closeness: 1,
    cite: 'Meta pricing page (developers.facebook.com/documentation/business-messaging/whatsapp/pricing), verbatim public copy fetched 2026-09-11, stored copy id 69045470357',
    ref: 'stored copy id 69045470357',
  },
  {
    id: 'meta-pricing-page-2026-03-02',
    closeness: 1,
    cite: 'Meta pricing page, public copy "Updated: Mar 2, 2026", stored copy id 52047799940',
    ref: 'stored copy id 52047799940',
  },
  {
    id: 'usd-card-2026-10-01',
    closeness: 1,
    cite: 'Meta USD rate card eff. 2026-10-01 ("Cost per message in USD on the WhatsApp Business Platform, effective October 1, 2026", downloaded 2026-10-09), all 47 rows, no authentication-international column, transcribed in a public GitHub repository (stored copy id 70856709963)',
    ref: 'stored copy id 70856709963',
  },
  {
    id: 'eur-card-2026-07-01',
    closeness: 1,
    cite: 'Meta EUR rate card eff. 2026-07-01, all 38 rows (marketing, utility, authentication, authentication-international), seeded in a public GitHub repository (stored copy id 69014075277)',
    ref: 'stored copy id 69014075277',
  },
  {
    id: 'inr-card-2025-10-01',
    closeness: 1,
    cite: 'Meta INR rate card "Cost per message in INR on the WhatsApp Business Platform, effective October 1, 2025", all 32 rows, transcribed in a public GitHub repository web page (stored copy id 21180047369)',
    ref: 'stored copy id 21180047369',
  },
  {
    id: 'inr-card-2026-10-01',
    closeness: 1,
    cite: 'Meta INR list-rate and volume-tier workbooks eff. 2026-10-01 (verified 2026-09-29), all 47 rows and ladders, transcribed in public GitHub repository whats91/whats91.com path src/lib/meta-pricing.ts (commit baf3b75a03264ad0a357459fcf049e07620db19a, stored copy id 70861393111)',
    ref: 'whats91/whats91.com src/lib/meta-pricing.ts (stored copy id 70861393111)',
  },
  {
    id: 'kazakhstan-note',
    closeness: 2,
    cite: 'public GitHub project note (2026-10-01) quoting the Meta USD rate-card row "Kazakhstan, USD, 0.0604, 0.018, 0.018, 0.16, 0.018" (eff. 2026-10-01) and the Rest of Central & Eastern Europe row of the card eff. 2026-07-01 (stored copy id 71395996636)',
    ref: 'stored copy id 71395996636',
  },
  {
    id: 'india-cost-ledger',
    closeness: 2,
    cite: 'public GitHub project cost ledger (retrieved 2026-10-10) quoting the India rows of the Meta USD and INR rate cards eff. 2026-10-01 (stored copy id 70464847943)',
    ref: 'stored copy id 70464847943',
  },
  {
    id: 'usd-2026-10-authentication-sheet',
    closeness: 2,
    cite: 'public GitHub project fact sheet (2026-10-09) on the Meta USD card eff. 2026-10-01: authentication-international rates of Nigeria, Morocco and South Africa, Rest of Africa and France rows (stored copy id 70147906444)',
    ref: 'stored copy id 70147906444',
  },
  {
    id: 'usd-2025-france-marketing',
    closeness: 3,
    cite: 'public GitHub project fact sheet (2026-10-09) stating that France marketing fell on 2026-01-01 "from $0.1432 to $0.0859" (stored copy id 70147906444)',
    ref: 'stored copy id 70147906444',
  },
  {
    id: 'usd-2026-10-rest-of-africa-tiers',
    closeness: 2,
    cite: 'public GitHub project analysis (2026-09-24) of the Meta USD rate card eff. 2026-10-01 (Excel and PDF with volume-tier pages): Rest of Africa rates and utility volume tiers (stored copy id 71176599289)',
    ref: 'stored copy id 71176599289',
  },
  {
    id: 'usd-2026-rest-of-africa',
    closeness: 2,
    cite: 'public GitHub project note (verified 2026-09-20) quoting the raw row "Rest of Africa | USD | 0.0225 | 0.004 | 0.004 | n/a | 0.004" of the Meta USD XLSX eff. 2026-10-01 and the Rest of Africa rates in force from 2026-07-01 (stored copy id 69691400405)',
    ref: 'stored copy id 69691400405',
  },
  {
    id: 'usd-2026-10-mexico',
    closeness: 2,
    cite: 'public GitHub project research notes (checked 2026-10-03) quoting the Meta USD rate card eff. 2026-10-01 (Mexico, North America, Rest of Latin America, Spain) and the MXN card (Mexico utility) (stored copy id 70069700886)',
    ref: 'stored copy id 70069700886',
  },
  {
    id: 'usd-2026-07-csv-eleven-rows',
    closeness: 2,
    cite: 'public GitHub research document (facts gathered 2026-08-24) quoting 11 rows of the Meta "USD rates" CSV eff. 2026-07-01 (stored copy id 57658455399)',
    ref: 'stored copy id 57658455399',
  },
  {
    id: 'usd-2026-07-csv-middle-east',
    closeness: 2,
    cite: 'public GitHub research record quoting the Meta USD rate-card CSV eff. 2026-07-01 (downloaded 2026-08-22): Saudi Arabia, United Arab Emirates, Egypt, Qatar, Rest of Middle East, Rest of Africa (stored copy id 62352398615)',
    ref: 'stored copy id 62352398615',
  },
  {
    id: 'usd-clp-2026-07-chile',
    closeness: 2,
    cite: 'public GitHub note (2026-07-23) reading the Meta USD and CLP rate-card CSVs eff. 2026-07-01: Chile and Rest of Latin America (stored copy id 56025517130)',
    ref: 'stored copy id 56025517130',
  },
  {
    id: 'usd-brl-2026-brazil',
    closeness: 2,
    cite: 'public GitHub research note (2026-09-26) reading the Meta USD and BRL rate cards eff. 2026-07-01 and 2026-10-01: Brazil rows (stored copy id 70724340121)',
    ref: 'stored copy id 70724340121',
  },
  {
    id: 'usd-pen-2026-peru',
    closeness: 2,
    cite: 'public GitHub project note reading the Peru row of the Meta PEN and USD rate sheets eff. 2026-10-01 and the rates in force until 2026-09-30 (stored copy id 71597173094)',
    ref: 'stored copy id 71597173094',
  },
  {
    id: 'idr-2026-indonesia',
    closeness: 2,
    cite: 'public GitHub research note (2026-09-25) reading the Meta IDR rate files eff. 2026-07-01 (CSV) and 2026-10-01 (PDF): Indonesia row (stored copy id 70929950981)',
    ref: 'stored copy id 70929950981',
  },
  {
    id: 'mxn-2026-10-mexico',
    closeness: 2,
    cite: 'public GitHub project plan citing the Meta MXN rate card eff. 2026-10-01 for Mexico: marketing MXN 0.7298, utility MXN 0.1565 (stored copy id 71270671047)',
    ref: 'stored copy id 71270671047',
  },
  {
    id: 'brl-2026-10-brazil-tiers',
    closeness: 2,
    cite: 'public GitHub project module citing the Meta BRL rate card PDF eff. 2026-10-01: Brazil rates and utility volume tiers (stored copy id 69119156404)',
    ref: 'stored copy id 69119156404',
  },
  {
    id: 'brl-2026-07-test-fixture',
    closeness: 3,
    cite: 'test fixture in a public GitHub project reproducing rows of the Meta BRL rates CSV eff. 2026-07-01 (Brazil, Argentina) (stored copy id 59798159530)',
    ref: 'stored copy id 59798159530',
  },
  {
    id: 'usd-2025-10-latin-america',
    closeness: 3,
    cite: 'public GitHub research document (March 2026) quoting Latin American USD rates "via Flowcall (Nov 2025)", i.e. the card eff. 2025-10-01 (stored copy id 51906869710)',
    ref: 'stored copy id 51906869710',
  },
  {
    id: 'usd-2025-07-sent-dm',
    closeness: 3,
    cite: 'BSP country table https://docs.sent.dm/docs/guides/whatsapp-pricing for the first per-message card (eff. 2025-07-01); per-region rows only, its country-to-region assignment differs from Meta for some territories',
    ref: 'https://docs.sent.dm/docs/guides/whatsapp-pricing',
  },
  {
    id: 'inr-2026-01-whats91-page',
    closeness: 3,
    cite: 'BSP page https://whats91.com/pricing ("Official Meta Rates (India), Effective January 1, 2026", INR billing; stored web copy)',
    ref: 'https://whats91.com/pricing',
  },
];
