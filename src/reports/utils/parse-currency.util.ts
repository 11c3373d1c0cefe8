import { DomainError } from '../../common/errors/domain.error';
import { normalizeCurrencyCode } from '../../pricing/rate-cards/meta-csv.util';

/** An optional currency argument as an ISO 4217 code (upper case), or null when not given. */
export function parseCurrencyOption(currency: string | null | undefined): string | null {
  if (!currency) return null;
  const code = normalizeCurrencyCode(currency);
  if (code === null) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `currency must be a 3-letter ISO 4217 code such as "USD"; got ${JSON.stringify(currency)}`,
    );
  }
  return code;
}
