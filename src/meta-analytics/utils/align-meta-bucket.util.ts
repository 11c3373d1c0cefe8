import { localDate, startOfLocalDate } from '../../pricing/time/local-time.util';

export interface AlignedBucket {
  /** The WABA's local day the bucket is compared with. */
  day: string;
  /** True when the bucket is exactly that local day, 12am to 12am in the WABA's timezone. */
  aligned: boolean;
}

/**
 * Places one of Meta's DAILY buckets ([start, end), Unix seconds) on the WABA's local calendar:
 * the local day that holds the bucket's middle instant. Meta does not document the timezone of
 * its day buckets (its own example starts them at 07:00 UTC, midnight in California in June);
 * when they are not the WABA's local days, the bucket is reported as not aligned and the messages
 * of the hours in between are the "timezone edge" of the comparison.
 */
export function alignMetaBucket(start: number, end: number, timeZone: string): AlignedBucket {
  const middle = new Date(((start + end) / 2) * 1000);
  const day = localDate(middle, timeZone).date;
  const nextDay = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const aligned =
    startOfLocalDate(day, timeZone).getTime() === start * 1000 &&
    startOfLocalDate(nextDay, timeZone).getTime() === end * 1000;
  return { day, aligned };
}
