import { BillingMetrics } from '../../observability/metrics/billing-metrics.service';
import { Injectable } from '@nestjs/common';
import { yieldToEventLoop } from '../../common/utils/yield-to-event-loop.util';
import type { PendingMessages } from '../../messages/utils/pending-messages.util';
import { compareInSequence } from '../../pricing/engine/charge-messages';
import type { Charge } from '../../pricing/engine/engine.types';
import { priceClassified } from '../../pricing/engine/price-classified';
import { candidateOf, placeOf, writeChangedCharges } from '../utils/charge-candidates.util';
import { toMillis } from '../utils/engine-message-row.util';
import { ChargeWriter } from './charge-writer.service';
import { CounterPlaces, pointKey, type SequencePoint } from './counter-places.service';
import { MessageClassifier, type Classified } from './message-classifier.service';
import { MessageRowReader } from './message-row-reader.service';

/**
 * Re-rates changed messages and only what they can affect: the rest of their conversations
 * within the 96-hour window horizon, and the later places in the volume-tier and free-allowance
 * counters they moved in or out of.
 */
@Injectable()
export class IncrementalRerating {
  constructor(
    private readonly reader: MessageRowReader,
    private readonly classifier: MessageClassifier,
    private readonly counterPlaces: CounterPlaces,
    private readonly writer: ChargeWriter,
    private readonly metrics: BillingMetrics,
  ) {}

  /**
   * Re-rates the given messages and everything their change can affect. Messages held in
   * `pending` (new, not stored yet) are charged with the stored ones and written with their
   * charge; one that another writer stored meanwhile is listed in `pending.refused`.
   */
  async rerateMessages(ids: readonly number[], pending?: PendingMessages): Promise<number> {
    if (ids.length === 0) return 0;
    return this.metrics.time(this.metrics.rerateDuration, { kind: 'incremental' }, async () => {
      const changed = await this.reader.rowsByIds(ids, pending);
      await yieldToEventLoop();
      const classified = await this.classifier.classifyWithContext(changed, pending);
      await yieldToEventLoop();
      return this.sequenceAndStore(classified, pending);
    });
  }

  private async sequenceAndStore(
    classified: Classified[],
    pending: PendingMessages | undefined,
  ): Promise<number> {
    const reclassified = new Map(classified.map((entry) => [entry.row.id, entry]));
    const dirty = new Map<string, SequencePoint>();
    const markDirty = (group: string | null, at: number | null, wamid: string, id: number) => {
      if (group === null || at === null) return;
      const current = dirty.get(group);
      if (!current || compareInSequence(pointKey({ at, wamid, id }), pointKey(current)) < 0) {
        dirty.set(group, { at, wamid, id });
      }
    };
    for (const entry of classified) {
      const newGroup = entry.classification.sequence?.group ?? null;
      const storedAt = toMillis(entry.row.charge_at);
      const newAt = entry.classification.chargeAt.getTime();
      const moved = newGroup !== entry.row.sequence_group || storedAt !== newAt;
      if (moved || (newGroup !== null && entry.row.sequence_ordinal === null)) {
        markDirty(entry.row.sequence_group, storedAt, entry.row.wamid, entry.row.id);
        markDirty(newGroup, newAt, entry.row.wamid, entry.row.id);
      }
    }
    // Later members of a dirty counter may shift place: load and re-classify them too.
    const laterIds: number[] = [];
    for (const [group, point] of dirty) {
      for (const id of await this.counterPlaces.membersFrom(group, point))
        if (!reclassified.has(id)) laterIds.push(id);
    }
    if (laterIds.length > 0) {
      const later = await this.classifier.classifyWithContext(
        await this.reader.rowsByIds(laterIds),
        pending,
      );
      for (const entry of later)
        if (!reclassified.has(entry.row.id)) reclassified.set(entry.row.id, entry);
    }
    const charges = new Map<number, Charge>();
    const byGroup = new Map<string, Classified[]>();
    for (const entry of reclassified.values()) {
      const group = entry.classification.sequence?.group ?? null;
      if (group === null) {
        charges.set(entry.row.id, priceClassified(entry.classification, placeOf(entry, null)));
      } else if (dirty.has(group)) {
        const members = byGroup.get(group);
        if (members) members.push(entry);
        else byGroup.set(group, [entry]);
      } else {
        charges.set(
          entry.row.id,
          priceClassified(entry.classification, placeOf(entry, entry.row.sequence_ordinal ?? 1)),
        );
      }
    }
    for (const [group, members] of byGroup) {
      const point = dirty.get(group)!;
      const before = await this.counterPlaces.countBefore(
        group,
        point,
        members.map((entry) => entry.row),
      );
      const earlierReclassified = members.filter(
        (entry) => compareInSequence(entry.classification, pointKey(point)) < 0,
      ).length;
      const ordered = members
        .filter((entry) => compareInSequence(entry.classification, pointKey(point)) >= 0)
        .sort((a, b) => compareInSequence(a.classification, b.classification));
      let ordinal = before + earlierReclassified;
      for (const entry of members) {
        if (compareInSequence(entry.classification, pointKey(point)) < 0) {
          charges.set(
            entry.row.id,
            priceClassified(entry.classification, placeOf(entry, entry.row.sequence_ordinal ?? 1)),
          );
        }
      }
      for (const entry of ordered) {
        ordinal += 1;
        charges.set(entry.row.id, priceClassified(entry.classification, placeOf(entry, ordinal)));
      }
    }
    const entries = [...reclassified.values()];
    await writeChangedCharges(
      this.writer,
      entries.map((entry) => candidateOf(entry, charges.get(entry.row.id)!)),
      pending,
    );
    return entries.length;
  }
}
