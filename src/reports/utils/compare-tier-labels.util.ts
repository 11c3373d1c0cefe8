import { compareNullableText } from './compare-nullable-text.util';

/** Tier bands ("0:750000", "750001:15000000", "15000001:MAX") by their lower bound; none first. */
export function compareTierLabels(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const lowerA = Number.parseInt(a, 10);
  const lowerB = Number.parseInt(b, 10);
  if (Number.isFinite(lowerA) && Number.isFinite(lowerB) && lowerA !== lowerB) {
    return lowerA - lowerB;
  }
  return compareNullableText(a, b);
}
