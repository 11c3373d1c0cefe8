import type Decimal from 'decimal.js';
import { toDecimalString } from '../../pricing/money';
import { MetaReconciliationCause as Cause } from '../enums/meta-reconciliation-cause.enum';

/** Meta's figures and ours for one WABA × day × country × category × pricing type × tier. */
export interface ReconciliationCell {
  wabaId: string;
  day: string;
  country: string | null;
  pricingCategory: string | null;
  pricingType: string | null;
  tier: string | null;
  metaVolume: number;
  metaCost: Decimal;
  /** How many of Meta's data points (each rounded by Meta) make the line. */
  metaPoints: number;
  ourVolume: number;
  ourCost: Decimal;
  /** Of ourVolume, the messages without a rate (NO_RATE). */
  ourUnpriced: number;
}

export interface CauseContext {
  /** Half the currency's minor unit: the most Meta's rounding of one data point can move it. */
  halfMinorUnit: Decimal;
  /** Whether a pull or import of Meta's analytics covers the WABA's local day. */
  covered(wabaId: string, day: string): boolean;
  /**
   * Our volume of the cell's key counted over Meta's own bucket for that day, when Meta's bucket
   * is not the WABA's local day; undefined when the day is aligned or its bucket unknown.
   */
  recount(cell: ReconciliationCell): number | undefined;
  /** Our messages of that WABA, day and country still pending delivery. */
  pending(wabaId: string, day: string, country: string | null): number;
}

export interface ReconciliationLineResult extends ReconciliationCell {
  cause: Cause;
  withinRounding: boolean;
  explanation: string;
}

/**
 * The cells where Meta and we differ, each with the likeliest cause we can name, tried in this
 * order: within Meta's rounding; Meta's data missing for the day; the same volume at another
 * cost (a rate card missing, else different); then for volumes: the timezone edge (counting over
 * Meta's own day gives Meta's volume), unpriced messages in a group whose volume agrees (a rate
 * card missing), and an opposite difference on the same day and country that explains it — in
 * another tier of the category (tier place), between REGULAR and FREE_ENTRY_POINT (free entry
 * point), in another pricing type of the category, or in another category of the type; last,
 * messages we have not seen (Meta counts more) or Meta does not count (we count more).
 */
export function assignReconciliationCauses(
  cells: readonly ReconciliationCell[],
  context: CauseContext,
): ReconciliationLineResult[] {
  const differing = cells.filter(
    (cell) => cell.metaVolume !== cell.ourVolume || !cell.metaCost.equals(cell.ourCost),
  );
  const volumeDelta = (cell: ReconciliationCell) => cell.metaVolume - cell.ourVolume;
  const sameDayCountry = (a: ReconciliationCell, b: ReconciliationCell) =>
    a.wabaId === b.wabaId && a.day === b.day && a.country === b.country;
  const opposite = (cell: ReconciliationCell, matches: (other: ReconciliationCell) => boolean) =>
    differing.some(
      (other) =>
        other !== cell &&
        sameDayCountry(cell, other) &&
        matches(other) &&
        Math.sign(volumeDelta(other)) === -Math.sign(volumeDelta(cell)),
    );
  return differing.map((cell) => {
    const [cause, explanation] = causeOf(cell);
    return { ...cell, cause, withinRounding: cause === Cause.WITHIN_META_ROUNDING, explanation };
  });

  function causeOf(cell: ReconciliationCell): [Cause, string] {
    const delta = volumeDelta(cell);
    if (delta === 0) {
      const tolerance = context.halfMinorUnit.times(Math.max(cell.metaPoints, 1));
      if (cell.metaCost.minus(cell.ourCost).abs().lessThanOrEqualTo(tolerance)) {
        return [
          Cause.WITHIN_META_ROUNDING,
          `Meta's cost ${toDecimalString(cell.metaCost)} is ours, ${toDecimalString(cell.ourCost)}, rounded by Meta: within its rounding, not a difference.`,
        ];
      }
    }
    if (!context.covered(cell.wabaId, cell.day)) {
      return [
        Cause.META_DATA_MISSING,
        `No pull or import of Meta's analytics covers ${cell.day}: pull or import that day.`,
      ];
    }
    if (delta === 0) {
      return cell.ourUnpriced > 0
        ? [
            Cause.RATE_CARD_MISSING,
            `${cell.ourUnpriced} of our messages are unpriced: the rate card in force has no rate for them.`,
          ]
        : [
            Cause.RATE_DIFFERS,
            `Same volume, another cost: the rate Meta applied (${perMessage(cell.metaCost, cell.metaVolume)} a message) is not our card's (${perMessage(cell.ourCost, cell.ourVolume)}).`,
          ];
    }
    const recounted = context.recount(cell);
    if (recounted !== undefined && recounted === cell.metaVolume) {
      return [
        Cause.TIMEZONE_EDGE,
        `Meta's day is not the WABA's local day: counted over Meta's own day our volume is ${recounted}, as Meta's.`,
      ];
    }
    if (cell.pricingType === 'REGULAR') {
      const group = differing.filter(
        (other) =>
          sameDayCountry(cell, other) &&
          other.pricingType === 'REGULAR' &&
          other.pricingCategory === cell.pricingCategory,
      );
      const unpriced = group.reduce((sum, other) => sum + other.ourUnpriced, 0);
      const groupDelta = group.reduce((sum, other) => sum + volumeDelta(other), 0);
      if (unpriced > 0 && groupDelta === 0) {
        return [
          Cause.RATE_CARD_MISSING,
          `${unpriced} of our messages in this category are unpriced, so have no tier band: the rate card in force has no rate for them.`,
        ];
      }
      if (
        opposite(
          cell,
          (other) =>
            other.pricingType === 'REGULAR' &&
            other.pricingCategory === cell.pricingCategory &&
            other.tier !== cell.tier,
        )
      ) {
        return [
          Cause.TIER_PLACE,
          'Meta placed these messages in another volume tier band of the same category: its counter and ours differ.',
        ];
      }
    }
    const entryPointPair = ['REGULAR', 'FREE_ENTRY_POINT'];
    if (
      entryPointPair.includes(cell.pricingType ?? '') &&
      opposite(
        cell,
        (other) =>
          entryPointPair.includes(other.pricingType ?? '') &&
          other.pricingType !== cell.pricingType,
      )
    ) {
      return [
        Cause.FREE_ENTRY_POINT,
        'Meta and we disagree on a free entry point window: an ad or Page referral one side did not see, or a window timed differently.',
      ];
    }
    if (
      opposite(
        cell,
        (other) =>
          other.pricingCategory === cell.pricingCategory && other.pricingType !== cell.pricingType,
      )
    ) {
      return [
        Cause.PRICING_TYPE_DIFFERS,
        'Meta and we disagree on whether these messages were free (a customer service window) or billed.',
      ];
    }
    if (
      opposite(
        cell,
        (other) =>
          other.pricingType === cell.pricingType && other.pricingCategory !== cell.pricingCategory,
      )
    ) {
      return [
        Cause.CATEGORY_DIFFERS,
        'Meta counted these messages under another pricing category (a template recategorised, or a category we estimated).',
      ];
    }
    if (delta > 0) {
      const pending = context.pending(cell.wabaId, cell.day, cell.country);
      return [
        Cause.MESSAGES_NOT_SEEN,
        `Meta counts ${delta} more delivered message(s) than we recorded: webhooks we did not receive${
          pending > 0 ? `, or deliveries not reported (${pending} of ours are still pending)` : ''
        }.`,
      ];
    }
    return [
      Cause.NOT_IN_META,
      `We count ${-delta} more delivered message(s) than Meta: Meta's analytics may still be settling for recent days, or Meta did not count them.`,
    ];
  }
}

function perMessage(cost: Decimal, volume: number): string {
  return volume === 0 ? '0' : toDecimalString(cost.dividedBy(volume).toDecimalPlaces(6));
}
