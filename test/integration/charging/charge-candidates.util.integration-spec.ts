import { DataSource } from 'typeorm';
import { ChargeWriter } from '../../../src/charging/services/charge-writer.service';
import { IncrementalRerating } from '../../../src/charging/services/incremental-rerating.service';
import {
  MessageClassifier,
  type Classified,
} from '../../../src/charging/services/message-classifier.service';
import { MessageRowReader } from '../../../src/charging/services/message-row-reader.service';
import {
  candidateOf,
  placeOf,
  writeChangedCharges,
} from '../../../src/charging/utils/charge-candidates.util';
import { PendingMessages } from '../../../src/messages/utils/pending-messages.util';
import { priceClassified } from '../../../src/pricing/engine/price-classified';
import { rollupsAndMessageSums } from '../../utils/rollups.util';
import { idsByWamid, storeFacts, templateSent } from '../../utils/stored-facts.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../../utils/test-app.util';

const [X, Y, Z] = [1, 2, 3].map((n) => `5191100000${n}`);

describeEachDatabase('writeChangedCharges', (kind) => {
  let testApp: TestApp;
  let writer: ChargeWriter;
  let dataSource: DataSource;

  const classified = async (ids: number[], pending?: PendingMessages): Promise<Classified[]> =>
    testApp.app
      .get(MessageClassifier)
      .classifyRows(await testApp.app.get(MessageRowReader).rowsByIds(ids, pending), null);
  const stored = async (wamid: string) =>
    (
      (await dataSource.query(
        `SELECT charge_reason, sequence_ordinal, charge_explanation FROM messages WHERE wamid = '${wamid}'`,
      )) as { charge_reason: string; sequence_ordinal: number | null; charge_explanation: string }[]
    ).map((row) => `${row.charge_reason} ${row.sequence_ordinal ?? '-'} ${row.charge_explanation}`);

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    writer = testApp.app.get(ChargeWriter);
    dataSource = testApp.app.get(DataSource);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('writes only the charges that differ from the stored ones', async () => {
    await testApp.app
      .get(IncrementalRerating)
      .rerateMessages(
        await storeFacts(testApp, templateSent('wamid.x', X, '2026-08-10T10:00:00Z')),
      );
    // Only the explanation is touched: a write would put it back.
    await dataSource.query(`UPDATE messages SET charge_explanation = 'untouched'`);
    const [entry] = await classified([(await idsByWamid(testApp)).get('wamid.x')!]);
    const charged = (ordinal: number) =>
      priceClassified(entry.classification, placeOf(entry, ordinal));
    const write = jest.spyOn(writer, 'write');

    await writeChangedCharges(writer, [candidateOf(entry, charged(1))]);
    expect(write.mock.calls.map(([writes]) => writes.length)).toEqual([0]);
    expect(await stored('wamid.x')).toEqual(['BILLED 1 untouched']);

    await writeChangedCharges(writer, [candidateOf(entry, charged(7))]);
    expect(await stored('wamid.x')).toEqual([expect.stringMatching(/^BILLED 7 (?!untouched)/)]);

    // A charge never fingerprinted is written even when equal.
    await dataSource.query(`UPDATE messages SET charge_explanation = 'untouched'`);
    await writeChangedCharges(writer, [{ ...candidateOf(entry, charged(7)), stored: null }]);
    expect(await stored('wamid.x')).toEqual([expect.stringMatching(/^BILLED 7 (?!untouched)/)]);
    expect(write.mock.calls.map(([writes]) => writes.length)).toEqual([0, 1, 1]);
    const sums = await rollupsAndMessageSums(testApp);
    expect(sums.fromRollups).toEqual(sums.fromMessages);
  });

  it('writes held messages whole with their charge; one another writer stored meanwhile is refused', async () => {
    const pending = new PendingMessages(5, true);
    const ids = await storeFacts(
      testApp,
      [
        ...templateSent('wamid.held', Y, '2026-08-11T10:00:00Z'),
        ...templateSent('wamid.raced', Z, '2026-08-12T10:00:00Z'),
      ],
      pending,
    );
    const entries = await classified(ids, pending);
    const raced = pending.get(entries[0].row.phone_number_id, 'wamid.raced')!;
    // Another process stores the same message before the charge is written.
    await storeFacts(testApp, templateSent('wamid.raced', Z, '2026-08-12T10:00:00Z'));

    await writeChangedCharges(
      writer,
      entries.map((entry) =>
        candidateOf(entry, priceClassified(entry.classification, placeOf(entry, 2))),
      ),
      pending,
    );
    expect(pending.size).toBe(0);
    expect(pending.refused).toEqual([raced]);
    expect(await stored('wamid.held')).toEqual([expect.stringMatching(/^BILLED 2 /)]);
    expect(await stored('wamid.raced')).toEqual(['PENDING - ']);
    const sums = await rollupsAndMessageSums(testApp);
    expect(sums.fromRollups).toEqual(sums.fromMessages);
  });
});
