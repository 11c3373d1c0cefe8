import type { RateColumn } from '../../pricing.types';

/** Column orders of the source tables (Meta's own order: marketing, utility, authentication, ...). */
export const M: readonly RateColumn[] = ['MARKETING'];
export const M_U: readonly RateColumn[] = ['MARKETING', 'UTILITY'];
export const M_U_A: readonly RateColumn[] = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];
export const M_U_A_S: readonly RateColumn[] = [...M_U_A, 'SERVICE'];
export const M_U_A_AI: readonly RateColumn[] = [...M_U_A, 'AUTHENTICATION_INTERNATIONAL'];
export const M_U_A_AI_S: readonly RateColumn[] = [...M_U_A_AI, 'SERVICE'];
