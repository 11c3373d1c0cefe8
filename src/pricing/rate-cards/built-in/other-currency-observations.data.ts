import { observe } from './assemble-built-in-cards.util';
import type { RateObservation } from './built-in-card.types';
import { M_U_A, M_U_A_AI, M_U_A_AI_S, M_U_A_S, M_U } from './rate-columns.data';

/** Rows of Meta's cards in the other billing currencies that public sources quote. */
export const OTHER_CURRENCY_OBSERVATIONS: readonly RateObservation[] = [
  ...observe('usd-brl-2026-brazil', 'BRL', '2026-07-01', M_U_A, [
    ['Brazil', '0.3217', '0.035', '0.035'],
  ]),
  ...observe('brl-2026-07-test-fixture', 'BRL', '2026-07-01', M_U_A, [
    ['Brazil', '0.3217', '0.035', '0.035'],
    ['Argentina', '0.3181', '0.1338', '0.1338'],
  ]),
  ...observe('usd-brl-2026-brazil', 'BRL', '2026-10-01', M_U_A_S, [
    ['Brazil', '0.3217', '0.035', '0.035', '0.035'],
  ]),
  {
    ...observe('brl-2026-10-brazil-tiers', 'BRL', '2026-10-01', M_U_A_S, [
      ['Brazil', '0.3217', '0.035', '0.035', '0.035'],
    ])[0],
    ladders: {
      UTILITY: [
        [250_000, '0.035'],
        [2_000_000, '0.0333'],
        [17_000_000, '0.0315'],
        [35_000_000, '0.0298'],
        [70_000_000, '0.028'],
        [null, '0.0263'],
      ],
    },
  },
  ...observe('usd-clp-2026-07-chile', 'CLP', '2026-07-01', M_U_A, [
    ['Chile', '78.4917', '17.6584', '17.6584'],
  ]),
  ...observe('idr-2026-indonesia', 'IDR', '2026-07-01', M_U_A_AI, [
    ['Indonesia', '586.33', '356.65', '356.65', '1940.13'],
  ]),
  ...observe('idr-2026-indonesia', 'IDR', '2026-10-01', M_U_A_AI_S, [
    ['Indonesia', '586.33', '356.65', '356.65', '1940.13', '356.65'],
  ]),
  ...observe('mxn-2026-10-mexico', 'MXN', '2026-10-01', M_U, [['Mexico', '0.7298', '0.1565']]),
  ...observe('usd-pen-2026-peru', 'PEN', '2026-07-01', M_U_A, [
    ['Peru', '0.2339', '0.0665', '0.0665'],
  ]),
  ...observe('usd-pen-2026-peru', 'PEN', '2026-10-01', M_U_A_S, [
    ['Peru', '0.2339', '0.0998', '0.0998', '0.0998'],
  ]),
];
