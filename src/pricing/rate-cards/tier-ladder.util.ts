import type { RateCardIssue, TierBand } from './rate-card.types';

/** A band as written in Meta's tiers file: `from` is 0 or 1 first, then prev.to or prev.to + 1. */
export interface RawTierBand {
  from: number;
  to: number | null;
  rate: string;
  line: number;
}

export function tierLabel(from: number, to: number | null): string {
  return `${from === 0 ? 0 : from + 1}:${to ?? 'MAX'}`;
}

/**
 * Normalizes a ladder to lower-exclusive bounds (first band from 0, each next from = previous
 * to), pushing every gap, overlap, empty band and misplaced open band to `issues`.
 */
export function normalizeTierLadder(
  raw: readonly RawTierBand[],
  what: string,
  issues: RateCardIssue[],
): TierBand[] {
  const bands: TierBand[] = [];
  let lowerExclusive = 0;
  raw.forEach((band, index) => {
    const problem = (message: string) =>
      issues.push({ line: band.line, message: `${what}: ${message}` });
    if (index === 0 && band.from > 1) {
      problem(`the first band must start at 0 or 1, not ${band.from}`);
    } else if (index > 0) {
      const previous = raw[index - 1];
      const previousTo = previous.to;
      if (previousTo === null) {
        issues.push({ line: previous.line, message: `${what}: only the last band may be open` });
      } else if (band.from > previousTo + 1) {
        problem(`gap: band starts at ${band.from} but the previous band ends at ${previousTo}`);
      } else if (band.from < previousTo) {
        problem(`overlap: band starts at ${band.from} but the previous band ends at ${previousTo}`);
      }
    }
    if (band.to !== null && (band.to <= lowerExclusive || band.to < band.from)) {
      problem(`band ${band.from}:${band.to} is empty`);
    }
    bands.push({
      from: lowerExclusive,
      to: band.to,
      rate: band.rate,
      label: tierLabel(lowerExclusive, band.to),
    });
    lowerExclusive = band.to ?? lowerExclusive;
  });
  const last = raw[raw.length - 1];
  if (last !== undefined && last.to !== null) {
    issues.push({ line: last.line, message: `${what}: the last band must be open ("--")` });
  }
  return bands;
}
