import type { RateCardData } from './rate-card.types';

/*
 * Partial Meta rate cards: only the rows reference/meta-pricing.md §5.3 gives with a source and
 * an effective date, exactly as printed there. Markets absent from a card have no rate on it
 * (NO_RATE), even when an older card had one. No volume-tier ladders: no market's ladder is
 * sourced in full (§3.2 has India's first boundaries only and one Rest of Africa step).
 * Confidence marks as in the reference: ✅ CONFIRMED (Meta page), 🟡 SECONDARY (third party
 * transcribing Meta), ⚠️ UNCERTAIN.
 */

const META_NON_TEMPLATE_PAGE =
  'https://developers.facebook.com/documentation/business-messaging/whatsapp/pricing/non-template-messages';
const GITHUB_NOTE_2026_10 =
  'public GitHub project note transcribing Meta’s rate-card XLSX eff. 2026-10-01 (checked 2026-10-03; repository not recorded)';
const SENT_DM = 'https://docs.sent.dm/docs/guides/whatsapp-pricing';

export const BUILT_IN_RATE_CARD_DATA: readonly RateCardData[] = [
  {
    name: 'Meta USD 2026-10-01 (partial, sourced rows only)',
    currency: 'USD',
    effectiveFrom: '2026-10-01',
    rates: {
      'North America': {
        MARKETING: '0.025',
        UTILITY: '0.0034',
        AUTHENTICATION: '0.0034',
        SERVICE: '0.0034',
      },
      Mexico: {
        MARKETING: '0.0397',
        UTILITY: '0.0085',
        AUTHENTICATION: '0.0085',
        SERVICE: '0.0085',
      },
      'Rest of Latin America': {
        MARKETING: '0.074',
        UTILITY: '0.0113',
        AUTHENTICATION: '0.0113',
        SERVICE: '0.0113',
      },
      Spain: { MARKETING: '0.0707', UTILITY: '0.02', AUTHENTICATION: '0.02', SERVICE: '0.02' },
      'Rest of Africa': {
        MARKETING: '0.0225',
        UTILITY: '0.004',
        AUTHENTICATION: '0.004',
        SERVICE: '0.004',
      },
      Peru: { MARKETING: '0.0703', UTILITY: '0.03', AUTHENTICATION: '0.03', SERVICE: '0.03' },
    },
    tiers: {},
    provenance: `reference/meta-pricing.md §5.3 A: ${GITHUB_NOTE_2026_10} 🟡 SECONDARY; service = utility rate per ${META_NON_TEMPLATE_PAGE} ✅ CONFIRMED`,
    rowProvenance: {
      'North America': `${GITHUB_NOTE_2026_10} 🟡 SECONDARY`,
      Mexico: `${GITHUB_NOTE_2026_10} 🟡 SECONDARY`,
      'Rest of Latin America': `${GITHUB_NOTE_2026_10} 🟡 SECONDARY`,
      Spain: `${GITHUB_NOTE_2026_10} 🟡 SECONDARY`,
      'Rest of Africa':
        'public GitHub project note quoting the raw XLSX row "Rest of Africa | USD | 0.0225 | 0.004 | 0.004 | n/a | 0.004" 🟡 SECONDARY',
      Peru: 'public GitHub project note on the USD and PEN sheets eff. 2026-10-01 🟡 SECONDARY',
    },
  },
  {
    name: 'Meta MXN 2026-10-01 (partial, sourced rows only)',
    currency: 'MXN',
    effectiveFrom: '2026-10-01',
    rates: { Mexico: { UTILITY: '0.1565' } },
    tiers: {},
    provenance: `reference/meta-pricing.md §5.3 A (Mexico row, "MXN card: utility MXN 0.1565") and §6: ${GITHUB_NOTE_2026_10} 🟡 SECONDARY`,
  },
  {
    name: 'Meta PEN 2026-10-01 (partial, sourced rows only)',
    currency: 'PEN',
    effectiveFrom: '2026-10-01',
    rates: { Peru: { MARKETING: '0.2339', UTILITY: '0.0998' } },
    tiers: {},
    provenance:
      'reference/meta-pricing.md §5.3 A (Peru row, "PEN 0.2339 / 0.0998"): public GitHub project note on the USD and PEN sheets eff. 2026-10-01 🟡 SECONDARY; ⚠️ UNCERTAIN column assignment: the note gives the two PEN figures in the order of the USD row’s marketing / utility (ratio 3.33 to both USD figures)',
  },
  {
    name: 'Meta USD 2026-07-01 (partial, sourced rows only)',
    currency: 'USD',
    effectiveFrom: '2026-07-01',
    rates: {
      'Rest of Africa': { MARKETING: '0.0225', UTILITY: '0.004', AUTHENTICATION: '0.004' },
      Peru: { MARKETING: '0.0703', UTILITY: '0.02', AUTHENTICATION: '0.02' },
      Brazil: { UTILITY: '0.0068', AUTHENTICATION: '0.0068' },
    },
    tiers: {},
    provenance:
      'reference/meta-pricing.md §5.3 B: public GitHub project notes 🟡 SECONDARY; Brazil from Meta’s non-template page ✅ CONFIRMED',
    rowProvenance: {
      'Rest of Africa':
        'public GitHub project note (card in force 2026-07-01..2026-09-30) 🟡 SECONDARY',
      Peru: 'public GitHub project note (card in force 2026-07-01..2026-09-30) 🟡 SECONDARY',
      Brazil: `${META_NON_TEMPLATE_PAGE} (copy fetched 2026-09-11): "0.68 cents … current published rate for utility and authentication messages to users in Brazil" ✅ CONFIRMED`,
    },
  },
  {
    name: 'Meta INR 2026-07-01 (partial, sourced rows only)',
    currency: 'INR',
    effectiveFrom: '2026-07-01',
    rates: {
      India: {
        MARKETING: '0.8631',
        UTILITY: '0.115',
        AUTHENTICATION: '0.115',
        AUTHENTICATION_INTERNATIONAL: '2.4971',
      },
    },
    tiers: {},
    provenance:
      'reference/meta-pricing.md §5.3 B and §4.3: third-party transcription of Meta’s INR card eff. 2026-07-01 🟡 SECONDARY',
  },
  {
    name: 'Meta EUR 2026-07-01 (partial, sourced rows only)',
    currency: 'EUR',
    effectiveFrom: '2026-07-01',
    rates: {
      Germany: { UTILITY: '0.0456', MARKETING: '0.1131' },
      France: { UTILITY: '0.0248', MARKETING: '0.0712' },
      Italy: { UTILITY: '0.0248', MARKETING: '0.0658' },
      Netherlands: { UTILITY: '0.0414', MARKETING: '0.1323' },
      Spain: { UTILITY: '0.0166', MARKETING: '0.0585' },
      Poland: { UTILITY: '0.0101', MARKETING: '0.0303' },
      Romania: { UTILITY: '0.0239', MARKETING: '0.0712' },
      Hungary: { UTILITY: '0.0289', MARKETING: '0.0712' },
      'Rest of Western Europe': { UTILITY: '0.0142', MARKETING: '0.049' },
      'Rest of Central & Eastern Europe': { UTILITY: '0.0175', MARKETING: '0.0712' },
      Brazil: { UTILITY: '0.0056', MARKETING: '0.0518' },
      Argentina: { UTILITY: '0.0216', MARKETING: '0.0512' },
      Chile: { UTILITY: '0.0166', MARKETING: '0.0736' },
      Peru: { UTILITY: '0.0166', MARKETING: '0.0582' },
      Colombia: { UTILITY: '0.0008', MARKETING: '0.0104' },
      'Rest of Latin America': { UTILITY: '0.0094', MARKETING: '0.0612' },
    },
    tiers: {},
    provenance:
      'reference/meta-pricing.md §5.3 B: EUR card eff. 2026-07-01 as republished in a public GitHub FAQ 🟡 SECONDARY; only its per-market numbers are used, its country grouping contradicts Meta’s map (e.g. Greece under Rest of Western Europe)',
    rowProvenance: {
      'Rest of Western Europe':
        'public GitHub FAQ 🟡 SECONDARY; ⚠️ UNCERTAIN: the FAQ’s own grouping of this region differs from Meta’s',
      'Rest of Central & Eastern Europe':
        'public GitHub FAQ 🟡 SECONDARY; ⚠️ UNCERTAIN: the FAQ’s own grouping of this region differs from Meta’s',
    },
  },
  {
    name: 'Meta USD 2026-01-01 (partial, sourced rows only)',
    currency: 'USD',
    effectiveFrom: '2026-01-01',
    rates: { 'North America': { UTILITY: '0.0034' } },
    tiers: {},
    provenance:
      'reference/meta-pricing.md §5.3 D: https://www.twilio.com/en-us/whatsapp/pricing as quoted in a GitHub note captured around 2026-09 🟡 SECONDARY; ⚠️ UNCERTAIN effective date: dated 2026-01-01 from Meta’s announced North America utility cut on that date (Meta pricing page ✅)',
  },
  {
    name: 'Meta INR 2026-01-01 (partial, sourced rows only)',
    currency: 'INR',
    effectiveFrom: '2026-01-01',
    rates: { India: { MARKETING: '0.8631', UTILITY: '0.115', AUTHENTICATION: '0.115' } },
    tiers: {},
    provenance:
      'reference/meta-pricing.md §5.3 D: https://whats91.com/pricing ; https://mindlytics.in/blog/whatsapp-business-api-pricing-india-2026 🟡 SECONDARY',
  },
  {
    name: 'Meta USD 2025-07-01 (partial, sourced rows only)',
    currency: 'USD',
    effectiveFrom: '2025-07-01',
    rates: {
      'Rest of Asia Pacific': { MARKETING: '0.0732', UTILITY: '0.0113', AUTHENTICATION: '0.0113' },
      'Rest of Central & Eastern Europe': {
        MARKETING: '0.086',
        UTILITY: '0.0212',
        AUTHENTICATION: '0.0212',
      },
      'Rest of Africa': { MARKETING: '0.0225', UTILITY: '0.004', AUTHENTICATION: '0.004' },
      'Rest of Western Europe': {
        MARKETING: '0.0592',
        UTILITY: '0.0171',
        AUTHENTICATION: '0.0171',
      },
      'Rest of Latin America': { MARKETING: '0.074', UTILITY: '0.0113', AUTHENTICATION: '0.0113' },
      Other: { MARKETING: '0.0604', UTILITY: '0.0077', AUTHENTICATION: '0.0077' },
      Argentina: { MARKETING: '0.0618', UTILITY: '0.0289', AUTHENTICATION: '0.0289' },
    },
    tiers: {},
    provenance: `reference/meta-pricing.md §5.3 E: first PMP card as published in a BSP country table, ${SENT_DM} 🟡 SECONDARY; per-region numbers only (the BSP’s country→region assignment differs from Meta’s for some territories)`,
  },
  {
    name: 'Meta INR 2025-07-01 (partial, sourced rows only)',
    currency: 'INR',
    effectiveFrom: '2025-07-01',
    rates: { India: { MARKETING: '0.7846', UTILITY: '0.115', AUTHENTICATION: '0.115' } },
    tiers: {},
    provenance:
      'reference/meta-pricing.md §5.3 E: https://www.nextwebi.com/blog/2025-whatsapp-api-pricing-overhaul:-costs,-categories-&-strategy-for-india ; https://allaboutbusinessmessaging.com/whatsapp-business-api-pricing-in-india-2025-everything-you-need-to-know/ 🟡 SECONDARY',
  },
];
