/**
 * The card in force on a local date for a currency: the latest effectiveFrom on or before the
 * date; on a tie an imported card beats a built-in one, then the most recently imported (highest
 * importedSeq) wins.
 */
export function selectRateCard<
  T extends { currency: string; effectiveFrom: string; importedSeq: number; builtIn?: boolean },
>(cards: readonly T[], currency: string, localDate: string): T | null {
  let selected: T | null = null;
  for (const card of cards) {
    if (card.currency !== currency || card.effectiveFrom > localDate) {
      continue;
    }
    if (selected === null || outranks(card, selected)) selected = card;
  }
  return selected;
}

function outranks(
  card: { effectiveFrom: string; importedSeq: number; builtIn?: boolean },
  other: { effectiveFrom: string; importedSeq: number; builtIn?: boolean },
): boolean {
  if (card.effectiveFrom !== other.effectiveFrom) return card.effectiveFrom > other.effectiveFrom;
  const imported = card.builtIn !== true;
  if (imported !== (other.builtIn !== true)) return imported;
  return card.importedSeq > other.importedSeq;
}
