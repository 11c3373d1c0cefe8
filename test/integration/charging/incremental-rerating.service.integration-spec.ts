import { DataSource } from 'typeorm';
import { IncrementalRerating } from '../../../src/charging/services/incremental-rerating.service';
import { PendingMessages } from '../../../src/messages/utils/pending-messages.util';
import { rollupsAndMessageSums } from '../../utils/rollups.util';
import {
  customerMessage,
  statusReported,
  storeFacts,
  templateSent,
} from '../../utils/stored-facts.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../../utils/test-app.util';

const [X, Y, Z, W, V, U] = [1, 2, 3, 4, 5, 6].map((n) => `5191100000${n}`);

/**
 * Each test goes on from the state the one before left: utility templates to Peru share one
 * volume-tier counter for the month.
 */
describeEachDatabase('IncrementalRerating', (kind) => {
  let testApp: TestApp;
  let rerating: IncrementalRerating;

  const charges = async () =>
    (
      (await testApp.app
        .get(DataSource)
        .query(
          `SELECT wamid, charge_reason, charge_amount, sequence_ordinal FROM messages ORDER BY wamid`,
        )) as {
        wamid: string;
        charge_reason: string;
        charge_amount: string;
        sequence_ordinal: number | null;
      }[]
    ).map(
      (row) =>
        `${row.wamid} ${row.charge_reason} ${row.charge_amount} ${row.sequence_ordinal ?? '-'}`,
    );

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    rerating = testApp.app.get(IncrementalRerating);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('numbers new members of a counter in delivery order', async () => {
    const ids = await storeFacts(testApp, [
      ...templateSent('wamid.x', X, '2026-08-10T10:00:00Z'),
      ...templateSent('wamid.z', Z, '2026-08-10T12:00:00Z'),
      ...templateSent('wamid.y', Y, '2026-08-10T11:00:00Z'),
    ]);
    expect(await rerating.rerateMessages(ids)).toBe(3);
    expect(await charges()).toEqual([
      'wamid.x BILLED 0.02 1',
      'wamid.y BILLED 0.02 2',
      'wamid.z BILLED 0.02 3',
    ]);
  });

  it('a late customer message frees the reply after it and renumbers the later places of its counter', async () => {
    const ids = await storeFacts(testApp, [
      customerMessage('wamid.x-inbound', X, '2026-08-10T09:00:00Z'),
    ]);
    // The customer message, the reply it frees, and the two members after the reply's place.
    expect(await rerating.rerateMessages(ids)).toBe(4);
    expect(await charges()).toEqual([
      'wamid.x FREE_CUSTOMER_SERVICE_WINDOW 0 -',
      'wamid.x-inbound FREE_INBOUND 0 -',
      'wamid.y BILLED 0.02 1',
      'wamid.z BILLED 0.02 2',
    ]);
  });

  it('a message charged before stored members moves them up', async () => {
    const ids = await storeFacts(testApp, templateSent('wamid.w', W, '2026-08-10T10:30:00Z'));
    expect(await rerating.rerateMessages(ids)).toBe(3);
    expect(await charges()).toEqual([
      'wamid.w BILLED 0.02 1',
      'wamid.x FREE_CUSTOMER_SERVICE_WINDOW 0 -',
      'wamid.x-inbound FREE_INBOUND 0 -',
      'wamid.y BILLED 0.02 2',
      'wamid.z BILLED 0.02 3',
    ]);
  });

  it('a fact that moves no charge re-rates the message where it stands', async () => {
    const ids = await storeFacts(testApp, [
      statusReported('wamid.y', Y, 'read', '2026-08-10T11:30:00Z'),
    ]);
    expect(await rerating.rerateMessages(ids)).toBe(1);
    expect(await charges()).toEqual([
      'wamid.w BILLED 0.02 1',
      'wamid.x FREE_CUSTOMER_SERVICE_WINDOW 0 -',
      'wamid.x-inbound FREE_INBOUND 0 -',
      'wamid.y BILLED 0.02 2',
      'wamid.z BILLED 0.02 3',
    ]);
  });

  it('charges a held message with the stored ones and writes it with its charge', async () => {
    const pending = new PendingMessages(5);
    const ids = await storeFacts(
      testApp,
      templateSent('wamid.v', V, '2026-08-10T10:45:00Z'),
      pending,
    );
    expect(pending.size).toBe(1);
    expect(await rerating.rerateMessages(ids, pending)).toBe(3);
    expect(pending.size).toBe(0);
    expect(pending.refused).toEqual([]);
    expect(await charges()).toEqual([
      'wamid.v BILLED 0.02 2',
      'wamid.w BILLED 0.02 1',
      'wamid.x FREE_CUSTOMER_SERVICE_WINDOW 0 -',
      'wamid.x-inbound FREE_INBOUND 0 -',
      'wamid.y BILLED 0.02 3',
      'wamid.z BILLED 0.02 4',
    ]);
    const sums = await rollupsAndMessageSums(testApp);
    expect(sums.fromRollups).toEqual(sums.fromMessages);
  });

  it('places a new last member after a member re-rated where it stands in the same batch', async () => {
    const ids = await storeFacts(testApp, [
      statusReported('wamid.z', Z, 'read', '2026-08-10T12:30:00Z'),
      ...templateSent('wamid.u', U, '2026-08-10T13:00:00Z'),
    ]);
    expect(await rerating.rerateMessages(ids)).toBe(2);
    expect(await charges()).toEqual([
      'wamid.u BILLED 0.02 5',
      'wamid.v BILLED 0.02 2',
      'wamid.w BILLED 0.02 1',
      'wamid.x FREE_CUSTOMER_SERVICE_WINDOW 0 -',
      'wamid.x-inbound FREE_INBOUND 0 -',
      'wamid.y BILLED 0.02 3',
      'wamid.z BILLED 0.02 4',
    ]);
  });
});
