/**
 * Money and counts for the user's locale. Amounts arrive as exact decimal strings and are
 * formatted from the string itself (Intl.NumberFormat formats a decimal string exactly), never
 * through a JS number, with at least the currency's minor digits and every digit the value has:
 * nothing is rounded away, so shown figures add up as the service's do.
 */
export function formatMoney(
  amount: string,
  currency: string,
  locale?: string,
  /** At least this many decimals: a column shows the digits its most precise value needs. */
  columnDigits = 0,
): string {
  const minor = minorDigits(currency, locale);
  const digits = Math.max(minor, fractionDigits(amount), columnDigits);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount as unknown as number);
}

/** Decimals of an exact decimal string ("0.0625" → 4, "5" → 0). */
export function fractionDigits(amount: string): number {
  return amount.includes('.') ? amount.split('.')[1].length : 0;
}

export function formatCount(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

function minorDigits(currency: string, locale?: string): number {
  return (
    new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** Sums exact decimal strings without a JS number (scaled BigInt). */
export function addDecimals(values: readonly string[]): string {
  const scale = Math.max(0, ...values.map((value) => (value.split('.')[1] ?? '').length));
  const total = values.reduce((sum, value) => sum + scaled(value, scale), 0n);
  return unscaled(total, scale);
}

function scaled(value: string, scale: number): bigint {
  const negative = value.startsWith('-');
  const [whole, fraction = ''] = value.replace('-', '').split('.');
  const digits = BigInt(whole + fraction.padEnd(scale, '0'));
  return negative ? -digits : digits;
}

function unscaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? digits.slice(digits.length - scale).replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

const LABELS: Record<string, string> = {
  BILLED: 'Billed',
  NO_RATE: 'Unpriced (no rate)',
  FREE_INBOUND: 'Free: inbound message',
  FREE_BUSINESS_APP: 'Free: sent from the WhatsApp Business app',
  FREE_HISTORY_IMPORT: 'Free: imported chat history',
  FREE_CUSTOMER_SERVICE_WINDOW: 'Free: customer service window',
  FREE_ENTRY_POINT: 'Free: free entry point window',
  FREE_TIER: 'Free: monthly free service messages',
  FREE_CBP_CONVERSATION: 'Free: conversation (conversation-based pricing)',
  PENDING: 'Not billed: pending delivery (provisional)',
  NOT_DELIVERED: 'Not billed: not delivered',
  REJECTED_OUTSIDE_WINDOW: 'Not billed: rejected outside the customer service window',
  MARKETING: 'Marketing',
  MARKETING_LITE: 'Marketing (MM API)',
  UTILITY: 'Utility',
  AUTHENTICATION: 'Authentication',
  AUTHENTICATION_INTERNATIONAL: 'Authentication-international',
  SERVICE: 'Service',
  CLOUD_API: 'Cloud API',
  BUSINESS_APP: 'Business app',
  HISTORY_IMPORT: 'Imported history',
};

/** A readable label for a reason, pricing category or origin code. */
export function label(code: string | null | undefined): string {
  if (!code) return '—';
  return LABELS[code] ?? code;
}

/** "0:750000" → "Tier 1–750,000"; no band → "All volumes". */
export function tierLabel(tier: string | null | undefined, locale?: string): string {
  if (!tier || tier === '0:MAX') return 'All volumes';
  const [from, to] = tier.split(':');
  const start = formatCount(from === '0' ? 1 : Number(from), locale);
  return to === 'MAX'
    ? `Tier ${start} and above`
    : `Tier ${start}–${formatCount(Number(to), locale)}`;
}
