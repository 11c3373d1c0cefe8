import { observe } from './assemble-built-in-cards.util';
import type { RateObservation } from './built-in-card.types';
import { M, M_U_A, M_U_A_AI, M_U_A_AI_S, M_U_A_S } from './rate-columns.data';

/**
 * What public sources say about Meta's USD cards, as printed (trailing zeros dropped). Which
 * source is which: built-in-sources.data.ts. Utility, authentication and (from 2026-10-01) service
 * are printed per column even where Meta gives them one rate.
 */
export const USD_OBSERVATIONS: readonly RateObservation[] = [
  // Meta USD card eff. 2026-10-01: the whole list-rate sheet (no authentication-international).
  ...observe('usd-card-2026-10-01', 'USD', '2026-10-01', M_U_A_S, [
    ['Argentina', '0.0618', '0.026', '0.026', '0.026'],
    ['Bangladesh', '0.0732', '0.0037', '0.0037', '0.0037'],
    ['Brazil', '0.0625', '0.0068', '0.0068', '0.0068'],
    ['Chile', '0.0889', '0.02', '0.02', '0.02'],
    ['Colombia', '0.0125', '0.0008', '0.0008', '0.0008'],
    ['Egypt', '0.0644', '0.0036', '0.0036', '0.0036'],
    ['France', '0.0859', '0.03', '0.03', '0.03'],
    ['Germany', '0.1365', '0.055', '0.055', '0.055'],
    ['Hong Kong', '0.0732', '0.026', '0.026', '0.026'],
    ['Hungary', '0.086', '0.035', '0.035', '0.035'],
    ['India', '0.0118', '0.0014', '0.0014', '0.0014'],
    ['Indonesia', '0.0411', '0.025', '0.025', '0.025'],
    ['Iraq', '0.0341', '0.0079', '0.0079', '0.0079'],
    ['Israel', '0.0353', '0.0053', '0.0053', '0.0053'],
    ['Italy', '0.0795', '0.03', '0.03', '0.03'],
    ['Kazakhstan', '0.0604', '0.018', '0.018', '0.018'],
    ['Kuwait', '0.0792', '0.044', '0.044', '0.044'],
    ['Malaysia', '0.086', '0.014', '0.014', '0.014'],
    ['Mexico', '0.0397', '0.0085', '0.0085', '0.0085'],
    ['Morocco', '0.0414', '0.023', '0.023', '0.023'],
    ['Netherlands', '0.1597', '0.05', '0.05', '0.05'],
    ['Nepal', '0.0732', '0.0034', '0.0034', '0.0034'],
    ['Nigeria', '0.0516', '0.0067', '0.0067', '0.0067'],
    ['Oman', '0.0341', '0.0247', '0.0247', '0.0247'],
    ['Pakistan', '0.0473', '0.015', '0.015', '0.015'],
    ['Peru', '0.0703', '0.03', '0.03', '0.03'],
    ['Poland', '0.0366', '0.0122', '0.0122', '0.0122'],
    ['Qatar', '0.0341', '0.012', '0.012', '0.012'],
    ['Romania', '0.086', '0.029', '0.029', '0.029'],
    ['Russia', '0.0802', '0.04', '0.04', '0.04'],
    ['Saudi Arabia', '0.0576', '0.0107', '0.0107', '0.0107'],
    ['Singapore', '0.0732', '0.016', '0.016', '0.016'],
    ['South Africa', '0.0379', '0.0095', '0.0095', '0.0095'],
    ['Spain', '0.0707', '0.02', '0.02', '0.02'],
    ['Sri Lanka', '0.0732', '0.002', '0.002', '0.002'],
    ['Turkey', '0.0109', '0.0009', '0.0009', '0.0009'],
    ['Ukraine', '0.086', '0.0298', '0.0298', '0.0298'],
    ['United Arab Emirates', '0.0576', '0.0157', '0.0157', '0.0157'],
    ['United Kingdom', '0.0635', '0.022', '0.022', '0.022'],
    ['North America', '0.025', '0.0034', '0.0034', '0.0034'],
    ['Rest of Africa', '0.0225', '0.004', '0.004', '0.004'],
    ['Rest of Asia Pacific', '0.0842', '0.0113', '0.0113', '0.0113'],
    ['Rest of Central & Eastern Europe', '0.086', '0.0212', '0.0212', '0.0212'],
    ['Rest of Latin America', '0.074', '0.0113', '0.0113', '0.0113'],
    ['Rest of Middle East', '0.0392', '0.0091', '0.0091', '0.0091'],
    ['Rest of Western Europe', '0.0592', '0.0171', '0.0171', '0.0171'],
    ['Other', '0.0604', '0.0077', '0.0077', '0.0077'],
  ]),
  // Authentication-international rates of the 2026-10-01 card that other sources quote.
  ...observe('kazakhstan-note', 'USD', '2026-10-01', M_U_A_AI_S, [
    ['Kazakhstan', '0.0604', '0.018', '0.018', '0.16', '0.018'],
  ]),
  ...observe('india-cost-ledger', 'USD', '2026-10-01', M_U_A_AI_S, [
    ['India', '0.0118', '0.0014', '0.0014', '0.0304', '0.0014'],
  ]),
  ...observe('usd-2026-10-authentication-sheet', 'USD', '2026-10-01', M_U_A_AI, [
    ['Nigeria', null, null, null, '0.075'],
    ['Morocco', null, null, null, '0.0811'],
    ['South Africa', null, null, null, '0.02'],
    ['Rest of Africa', '0.0225', '0.004', '0.004', null],
    ['France', '0.0859', '0.03', '0.03', null],
  ]),
  ...observe('usd-2026-rest-of-africa', 'USD', '2026-10-01', M_U_A_S, [
    ['Rest of Africa', '0.0225', '0.004', '0.004', '0.004'],
  ]),
  ...observe('usd-2026-10-mexico', 'USD', '2026-10-01', M_U_A_S, [
    ['Mexico', '0.0397', '0.0085', '0.0085', '0.0085'],
    ['North America', '0.025', '0.0034', '0.0034', '0.0034'],
    ['Rest of Latin America', '0.074', '0.0113', '0.0113', '0.0113'],
    ['Spain', '0.0707', '0.02', '0.02', '0.02'],
  ]),
  ...observe('usd-brl-2026-brazil', 'USD', '2026-10-01', M_U_A_S, [
    ['Brazil', '0.0625', '0.0068', '0.0068', '0.0068'],
  ]),
  ...observe('usd-pen-2026-peru', 'USD', '2026-10-01', M_U_A_S, [
    ['Peru', '0.0703', '0.03', '0.03', '0.03'],
  ]),
  {
    ...observe('usd-2026-10-rest-of-africa-tiers', 'USD', '2026-10-01', M_U_A_S, [
      ['Rest of Africa', '0.0225', '0.004', '0.004', '0.004'],
    ])[0],
    ladders: {
      UTILITY: [
        [100_000, '0.004'],
        [1_000_000, '0.0038'],
        [4_500_000, '0.0036'],
        [40_000_000, '0.0034'],
        [80_000_000, '0.0032'],
        [null, '0.003'],
      ],
    },
  },
  // Meta USD card eff. 2026-07-01: the rows sources quote from Meta's CSV.
  ...observe('usd-2026-07-csv-eleven-rows', 'USD', '2026-07-01', M_U_A, [
    ['North America', '0.025', '0.0034', '0.0034'],
    ['United Kingdom', '0.0635', '0.022', '0.022'],
    ['Germany', '0.1365', '0.055', '0.055'],
    ['Netherlands', '0.1597', '0.05', '0.05'],
    ['Italy', '0.0795', '0.03', '0.03'],
    ['Spain', '0.0707', '0.02', '0.02'],
    ['Brazil', '0.0625', '0.0068', '0.0068'],
    ['India', '0.0118', '0.0014', '0.0014'],
    ['Mexico', '0.0305', '0.0085', '0.0085'],
    ['Rest of Western Europe', '0.0592', '0.0171', '0.0171'],
    ['Other', '0.0604', '0.0077', '0.0077'],
  ]),
  ...observe('usd-2026-07-csv-middle-east', 'USD', '2026-07-01', M_U_A, [
    ['Saudi Arabia', '0.0501', '0.0107', '0.0107'],
    ['United Arab Emirates', '0.0499', '0.0157', '0.0157'],
    ['Egypt', '0.0644', '0.0036', '0.0036'],
    ['Qatar', '0.0341', '0.012', '0.012'],
    ['Rest of Middle East', '0.0341', '0.0091', '0.0091'],
    ['Rest of Africa', '0.0225', '0.004', '0.004'],
  ]),
  ...observe('usd-clp-2026-07-chile', 'USD', '2026-07-01', M_U_A, [
    ['Chile', '0.0889', '0.02', '0.02'],
    ['Rest of Latin America', '0.074', '0.0113', '0.0113'],
  ]),
  ...observe('kazakhstan-note', 'USD', '2026-07-01', M_U_A, [
    ['Rest of Central & Eastern Europe', '0.086', '0.0212', '0.0212'],
  ]),
  ...observe('usd-2026-rest-of-africa', 'USD', '2026-07-01', M_U_A, [
    ['Rest of Africa', '0.0225', '0.004', '0.004'],
  ]),
  ...observe('usd-brl-2026-brazil', 'USD', '2026-07-01', M_U_A, [
    ['Brazil', '0.0625', '0.0068', '0.0068'],
  ]),
  ...observe('usd-pen-2026-peru', 'USD', '2026-07-01', M_U_A, [['Peru', '0.0703', '0.02', '0.02']]),
  // Meta USD card eff. 2025-10-01 (in force in November 2025).
  ...observe('usd-2025-10-latin-america', 'USD', '2025-10-01', M_U_A, [
    ['Peru', '0.0703', '0.02', '0.02'],
    ['Colombia', '0.0125', '0.0008', '0.0008'],
    ['Mexico', '0.0305', '0.0085', '0.0085'],
    ['Brazil', '0.0625', '0.0068', '0.0068'],
    ['Argentina', '0.0618', '0.026', '0.026'],
    ['Chile', '0.0889', '0.02', '0.02'],
    ['Rest of Latin America', '0.074', '0.0113', '0.0113'],
  ]),
  ...observe('usd-2025-france-marketing', 'USD', '2025-10-01', M, [['France', '0.1432']]),
  // Meta USD card eff. 2025-07-01, the first per-message card.
  ...observe('usd-2025-07-sent-dm', 'USD', '2025-07-01', M_U_A, [
    ['Rest of Asia Pacific', '0.0732', '0.0113', '0.0113'],
    ['Rest of Central & Eastern Europe', '0.086', '0.0212', '0.0212'],
    ['Rest of Africa', '0.0225', '0.004', '0.004'],
    ['Rest of Western Europe', '0.0592', '0.0171', '0.0171'],
    ['Rest of Latin America', '0.074', '0.0113', '0.0113'],
    ['Other', '0.0604', '0.0077', '0.0077'],
    ['Argentina', '0.0618', '0.0289', '0.0289'],
  ]),
];
