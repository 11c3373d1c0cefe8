import { hash } from 'node:crypto';

/**
 * Identifies a charge and where it is summed, from its charge facts (as the charge writer lists
 * them, Dates and booleans included); equal fingerprints mean nothing to rewrite.
 */
export function fingerprintOf(chargeFacts: readonly unknown[]): string {
  return hash('md5', JSON.stringify(chargeFacts), 'hex');
}
