import { createHash } from 'node:crypto';

/**
 * Identifies a charge and where it is summed, from its charge facts (as the charge writer lists
 * them, Dates and booleans included); equal fingerprints mean nothing to rewrite.
 */
export function fingerprintOf(chargeFacts: readonly unknown[]): string {
  return createHash('md5').update(JSON.stringify(chargeFacts)).digest('hex');
}
