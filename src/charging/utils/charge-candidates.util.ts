import type { PendingMessage, PendingMessages } from '../../messages/utils/pending-messages.util';
import type { Charge } from '../../pricing/engine/engine.types';
import type { PricingPlace } from '../../pricing/engine/price-classified';
import {
  chargeFingerprint,
  type ChargeWrite,
  type ChargeWriter,
} from '../services/charge-writer.service';
import type { Classified } from '../services/message-classifier.service';

/** A charge ready to write, with the stored one's fingerprint to skip unchanged writes. */
export interface ChargeCandidate extends ChargeWrite {
  stored: string | null;
}

/** A classified message's place: `ordinal` in its counter (null outside any counter). */
export function placeOf(entry: Classified, ordinal: number | null): PricingPlace {
  return { ordinal, freeServiceAllowance: entry.account.freeServiceAllowance };
}

export function candidateOf(entry: Classified, charge: Charge): ChargeCandidate {
  return {
    id: entry.row.id,
    charge,
    wabaId: entry.row.waba_id,
    portfolioId: entry.account.portfolioId,
    phoneNumberId: entry.row.phone_number_id,
    origin: entry.row.origin,
    stored: entry.row.charge_fingerprint,
  };
}

/**
 * Writes the charges that differ from what is stored (unchanged ones cost nothing), and held
 * messages whole with their charge (the candidates are ours: they are completed in place). A
 * held message another writer stored meanwhile stays out of the pending set's hold and is
 * listed in its `refused`.
 */
export async function writeChangedCharges(
  writer: ChargeWriter,
  candidates: ChargeCandidate[],
  pending?: PendingMessages,
): Promise<void> {
  const writes: ChargeWrite[] = [];
  const held = new Map<number, PendingMessage>();
  for (const candidate of candidates) {
    const message = pending?.byId(candidate.id);
    if (message !== undefined) {
      held.set(message.id, message);
      candidate.newMessage = message.facts;
      candidate.rowIdOnWrite = pending!.provisionalIds;
      writes.push(candidate);
    } else if (candidate.stored === null || candidate.stored !== chargeFingerprint(candidate)) {
      writes.push(candidate);
    }
  }
  const refused = new Set(await writer.write(writes));
  for (const message of held.values()) pending!.release(message, refused.has(message.id));
}
