/**
 * The card in force on a local date for a currency: the latest effectiveFrom on or before the
 * date; on a tie the most recently imported (highest importedSeq).
 */
export function selectRateCard<
  T extends { currency: string; effectiveFrom: string; importedSeq: number },
>(cards: readonly T[], currency: string, localDate: string): T | null {
  let selected: T | null = null;
  for (const card of cards) {
    if (card.currency !== currency || card.effectiveFrom > localDate) {
      continue;
    }
    if (
      selected === null ||
      card.effectiveFrom > selected.effectiveFrom ||
      (card.effectiveFrom === selected.effectiveFrom && card.importedSeq > selected.importedSeq)
    ) {
      selected = card;
    }
  }
  return selected;
}
