import type { MetaRateCardUpdate } from './built-in-card.types';

const SEPTEMBER_COPY = 'meta-pricing-page-2026-09-11';
const MARCH_COPY = 'meta-pricing-page-2026-03-02';

/**
 * Meta's "Previous rate card updates" (pricing page, copies of 2026-09-11 and 2026-03-02): what
 * changed on each effective date of a per-message card. A market and column not named on a date
 * did not change on it. Markets marked * by Meta left a "Rest of" region that day (all columns new).
 */
export const META_RATE_CARD_UPDATES: readonly MetaRateCardUpdate[] = [
  {
    effectiveFrom: '2025-10-01',
    listed: true,
    changes: [
      {
        markets: ['Colombia'],
        columns: ['UTILITY', 'AUTHENTICATION'],
        text: 'Higher utility and authentication rates.',
      },
      { markets: ['Mexico'], columns: ['MARKETING'], text: 'Lower marketing rates.' },
      {
        markets: ['United Arab Emirates'],
        columns: ['MARKETING'],
        text: 'Higher marketing message rate.',
      },
      {
        markets: ['Argentina', 'Egypt', 'Saudi Arabia'],
        columns: ['UTILITY', 'AUTHENTICATION'],
        text: 'Lower utility and authentication rates.',
      },
    ],
    sources: [SEPTEMBER_COPY, MARCH_COPY],
  },
  {
    effectiveFrom: '2026-01-01',
    listed: true,
    changes: [
      { markets: ['India'], columns: ['MARKETING'], text: 'Higher marketing rate.' },
      { markets: ['France', 'Egypt'], columns: ['MARKETING'], text: 'Lower marketing rates.' },
      {
        markets: ['North America'],
        columns: ['UTILITY', 'AUTHENTICATION'],
        text: 'Lower utility and authentication rates.',
      },
    ],
    sources: [SEPTEMBER_COPY, MARCH_COPY],
  },
  {
    effectiveFrom: '2026-04-01',
    listed: true,
    changes: [
      { markets: ['Saudi Arabia'], columns: ['MARKETING'], text: 'Higher marketing message rate.' },
      {
        markets: ['India'],
        columns: ['AUTHENTICATION_INTERNATIONAL'],
        text: 'Higher authentication-international rate.',
      },
      {
        markets: ['Pakistan'],
        columns: ['UTILITY', 'AUTHENTICATION'],
        text: 'Higher utility and authentication rates. No change to the authentication-international rate.',
        authenticationInternationalUnchanged: true,
      },
      {
        markets: ['Turkey'],
        columns: ['UTILITY', 'AUTHENTICATION'],
        text: 'Lower utility and authentication rates.',
      },
    ],
    sources: [SEPTEMBER_COPY, MARCH_COPY],
  },
  {
    effectiveFrom: '2026-07-01',
    listed: true,
    changes: [
      {
        markets: ['Hong Kong', 'Hungary', 'Qatar', 'Romania', 'Singapore'],
        columns: ['MARKETING', 'UTILITY', 'AUTHENTICATION', 'AUTHENTICATION_INTERNATIONAL'],
        text: 'Standalone market (*), higher utility and authentication rates.',
      },
      {
        markets: ['Poland'],
        columns: ['MARKETING', 'UTILITY', 'AUTHENTICATION', 'AUTHENTICATION_INTERNATIONAL'],
        text: 'Standalone market (*), lower marketing, utility and authentication rates.',
      },
      {
        markets: ['Italy', 'Spain', 'United Kingdom'],
        columns: ['MARKETING'],
        text: 'Higher marketing message rate.',
      },
    ],
    sources: [SEPTEMBER_COPY],
  },
  {
    // Announced before the date (Meta: "at least the markets Meta will move out"); no stored copy
    // lists what changed on it, and other markets' rates did change, so nothing crosses it.
    effectiveFrom: '2026-10-01',
    listed: false,
    changes: [
      {
        markets: ['Bangladesh', 'Iraq', 'Nepal', 'Sri Lanka'],
        columns: ['MARKETING', 'UTILITY', 'AUTHENTICATION', 'AUTHENTICATION_INTERNATIONAL'],
        text: 'Standalone market (*), lower utility and authentication rates, new authentication-international rate.',
      },
      {
        markets: ['Kazakhstan', 'Kuwait', 'Morocco', 'Oman', 'Ukraine'],
        columns: ['MARKETING', 'UTILITY', 'AUTHENTICATION', 'AUTHENTICATION_INTERNATIONAL'],
        text: 'Standalone market (*), higher utility and authentication rates, new authentication-international rate.',
      },
    ],
    sources: [SEPTEMBER_COPY],
  },
];
