import type Decimal from 'decimal.js';

export const BUDGET_THRESHOLDS = [50, 80, 100] as const;

/**
 * Whether a threshold (percent of the budget) is crossed, and on what: SPEND when the month's
 * spend has reached it, else FORECAST when the month's forecast has; null when neither.
 */
export function crossedThreshold(
  threshold: number,
  budget: Decimal,
  spend: Decimal,
  forecast: Decimal | null,
): 'SPEND' | 'FORECAST' | null {
  const limit = budget.times(threshold).dividedBy(100);
  if (spend.greaterThanOrEqualTo(limit)) return 'SPEND';
  if (forecast !== null && forecast.greaterThanOrEqualTo(limit)) return 'FORECAST';
  return null;
}
