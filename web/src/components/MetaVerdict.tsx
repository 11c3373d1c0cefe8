import { label } from '../lib/format';

interface VerdictCharge {
  source: string;
  reason: string;
  pricingCategory?: string | null;
  estimateReason?: string | null;
  estimatePricingCategory?: string | null;
}

/** Meta's verdict beside our estimate, when Meta priced the message and decided otherwise. */
export function MetaVerdict({ charge }: { charge: VerdictCharge }) {
  const differs =
    charge.source === 'META' &&
    (charge.estimateReason !== charge.reason ||
      charge.estimatePricingCategory !== charge.pricingCategory);
  if (!differs) return null;
  return (
    <p className="meta-verdict">
      Meta&apos;s verdict: {label(charge.reason)} ({label(charge.pricingCategory)}); our estimate
      was {label(charge.estimateReason)} ({label(charge.estimatePricingCategory)}).
    </p>
  );
}
