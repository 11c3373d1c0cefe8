export type RegimeId = 'CONVERSATION_BASED' | 'PER_MESSAGE' | 'PER_MESSAGE_SERVICE_CHARGED';

export interface Regime {
  id: RegimeId;
  /** First local date (WABA timezone) the regime applies to. */
  from: string;
  chargesInWindowUtility: boolean;
  chargesService: boolean;
  description: string;
}

/** Meta's pricing regimes by delivery date in the WABA's timezone (docs/charging-rules.md, "Regimes"). */
export const REGIMES: readonly Regime[] = [
  {
    id: 'CONVERSATION_BASED',
    from: '0000-01-01',
    chargesInWindowUtility: false,
    chargesService: false,
    description: 'conversation-based pricing (until 2025-06-30)',
  },
  {
    id: 'PER_MESSAGE',
    from: '2025-07-01',
    chargesInWindowUtility: false,
    chargesService: false,
    description: 'per-message pricing (from 2025-07-01)',
  },
  {
    id: 'PER_MESSAGE_SERVICE_CHARGED',
    from: '2026-10-01',
    chargesInWindowUtility: true,
    chargesService: true,
    description: 'per-message pricing with service and in-window utility charged (from 2026-10-01)',
  },
];

/**
 * Free service messages per phone number per month while service is charged, unless a WABA sets
 * its own (docs/charging-rules.md; the figure is not confirmed by Meta).
 */
export const DEFAULT_FREE_SERVICE_ALLOWANCE = 1000;

export function regimeOn(localDate: string): Regime {
  let current = REGIMES[0];
  for (const regime of REGIMES) if (regime.from <= localDate) current = regime;
  return current;
}
