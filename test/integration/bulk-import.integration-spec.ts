import { writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { ChargeWriter } from '../../src/charging/services/charge-writer.service';
import { ChargingService } from '../../src/charging/services/charging.service';
import { BulkImportService } from '../../src/ingestion/services/bulk-import.service';
import { IngestionService } from '../../src/ingestion/services/ingestion.service';
import { PROVISIONAL_ID_BASE } from '../../src/messages/utils/pending-messages.util';
import { rollupsAndMessageSums } from '../utils/rollups.util';
import { useScratchDirectory } from '../utils/scratch-files.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';
import { echo, inbound, PHONE, status, WABA } from '../utils/webhook.util';

const CUSTOMERS = ['5511987654321', '919876543210', '12125550123', '51987654321', '34612345678'];

/** A deterministic month-spanning traffic file, as two imports: the second completes the first. */
function trafficFiles(): [string[], string[]] {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const at = (base: string, hours: number) =>
    new Date(Date.parse(base) + hours * 3600_000).toISOString();
  const first: string[] = [];
  const second: string[] = [];
  const line = (payload: unknown) =>
    (random() < 0.5 ? first : second).push(JSON.stringify(payload));
  const days = ['2026-07-30T20:00:00Z', '2026-08-14T10:00:00Z', '2026-08-31T22:00:00Z'];
  for (const [dayIndex, day] of days.entries()) {
    for (const [index, customer] of CUSTOMERS.entries()) {
      const id = `${dayIndex}.${index}`;
      if (random() < 0.7) line(inbound(`wamid.in.${id}`, customer, at(day, random() * 4)));
      const categories = ['marketing', 'utility', 'service', 'authentication'];
      for (let n = 0; n < 4; n += 1) {
        const wamid = `wamid.out.${id}.${n}`;
        const sent = at(day, random() * 30 - 6);
        const category = categories[Math.floor(random() * categories.length)];
        const pricing = {
          billable: category !== 'service',
          pricing_model: 'PMP',
          type: category === 'service' ? 'free_customer_service' : 'regular',
          category,
        };
        line(status(wamid, customer, 'sent', sent, pricing));
        const delivered = at(sent, random() * 3);
        line(status(wamid, customer, 'delivered', delivered, pricing));
        if (random() < 0.4) line(status(wamid, customer, 'read', at(delivered, 1), pricing));
        // The same status twice, in both files.
        if (random() < 0.2) {
          first.push(JSON.stringify(status(wamid, customer, 'delivered', delivered, pricing)));
          second.push(JSON.stringify(status(wamid, customer, 'delivered', delivered, pricing)));
        }
      }
      if (random() < 0.5) line(echo(`wamid.echo.${id}`, customer, at(day, random() * 10)));
    }
  }
  // Sent in July, delivered in August after more than 110 hours (a phone offline for days).
  first.push(
    JSON.stringify(
      status('wamid.late', CUSTOMERS[1], 'sent', '2026-07-25T08:00:00Z', {
        billable: true,
        pricing_model: 'PMP',
        type: 'regular',
        category: 'utility',
      }),
    ),
  );
  second.push(
    JSON.stringify(
      status('wamid.late', CUSTOMERS[1], 'delivered', '2026-08-02T09:00:00Z', {
        billable: true,
        pricing_model: 'PMP',
        type: 'regular',
        category: 'utility',
      }),
    ),
  );
  // Only ever failed: not delivered, never billed.
  second.push(
    JSON.stringify(status('wamid.failed', CUSTOMERS[0], 'failed', '2026-08-14T10:00:00Z')),
  );
  return [first, second];
}

const CHARGE_COLUMNS = `wamid, direction, origin, contact, sent_at, delivered_at, status,
  CASE WHEN charge_billable THEN 'yes' ELSE 'no' END AS billable, charge_reason, charge_pricing_category, charge_market, charge_tier, charge_rate, charge_amount,
  charge_amount_micros, charge_at, charge_month, charge_origin, sequence_group, sequence_ordinal,
  estimate_reason`;

describeEachDatabase('bulk import holds new messages and writes them once', (kind) => {
  const apps: TestApp[] = [];
  const scratch = useScratchDirectory('bulk-import-');

  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  /** Imports both files with the given limit of held messages; returns what was stored. */
  async function importWithLimit(limit: number) {
    const testApp = await createTestApp(kind);
    apps.push(testApp);
    const importer = testApp.app.get(BulkImportService);
    importer.heldMessagesLimit = limit;
    // Facts go one way or the other; none is left over for the one-by-one path.
    const applied = jest.spyOn(testApp.app.get(IngestionService), 'applyParsed');
    const summaries = [];
    for (const [index, lines] of trafficFiles().entries()) {
      const path = scratch.path(`bulk-${limit}-${index}.jsonl`);
      writeFileSync(path, `${lines.join('\n')}\n`);
      summaries.push(await importer.importFile(path));
    }
    const messages: Record<string, string | number | null>[] = await testApp.app
      .get(DataSource)
      .query(`SELECT ${CHARGE_COLUMNS} FROM messages ORDER BY wamid`);
    const normalized = messages.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [key, value === null ? null : String(value)]),
      ),
    );
    expect(applied.mock.calls.filter(([, mode]) => mode !== 'deferred')).toEqual([]);
    return { summaries, messages: normalized, sums: await rollupsAndMessageSums(testApp) };
  }

  it('charges exactly as storing every message first, whatever the limit', async () => {
    const storedFirst = await importWithLimit(0);
    const mixed = await importWithLimit(6);
    const allHeld = await importWithLimit(1_000_000);

    const wamids = new Set(
      trafficFiles()
        .flat()
        .flatMap((line) => [...line.matchAll(/"id":"(wamid\.[^"]+)"/g)].map((match) => match[1])),
    );
    expect(storedFirst.messages.map((row) => row.wamid)).toEqual([...wamids].sort());
    const reasons = new Set(storedFirst.messages.map((row) => row.charge_reason));
    expect(reasons).toContain('BILLED');
    expect(reasons).toContain('FREE_INBOUND');
    expect(reasons).not.toContain('PENDING');
    const late = storedFirst.messages.find((row) => row.wamid === 'wamid.late')!;
    expect(late).toMatchObject({ charge_month: '2026-08', charge_pricing_category: 'UTILITY' });
    const failed = storedFirst.messages.find((row) => row.wamid === 'wamid.failed')!;
    expect(failed).toMatchObject({
      status: 'failed',
      billable: 'no',
      charge_reason: 'NOT_DELIVERED',
    });

    for (const other of [mixed, allHeld]) {
      expect(other.summaries).toEqual(storedFirst.summaries);
      expect(other.messages).toEqual(storedFirst.messages);
      expect(other.sums.fromRollups).toEqual(storedFirst.sums.fromRollups);
    }
    for (const result of [storedFirst, mixed, allHeld]) {
      expect(result.sums.fromRollups).toEqual(result.sums.fromMessages);
    }
  });

  it('gives held messages their row ids as it writes them: a counter in its order', async () => {
    const testApp = await createTestApp(kind);
    apps.push(testApp);
    const lines = trafficFiles().flat();
    const path = scratch.path('bulk-order.jsonl');
    writeFileSync(path, `${lines.join('\n')}\n`);
    await testApp.app.get(BulkImportService).importFile(path);
    const rows: { id: number | string; wamid: string; group: string; ordinal: number | string }[] =
      await testApp.app
        .get(DataSource)
        .query(
          `SELECT id, wamid, sequence_group AS "group", sequence_ordinal AS ordinal FROM messages WHERE sequence_group IS NOT NULL ORDER BY sequence_group, sequence_ordinal`,
        );
    const ids = rows.map((row) => Number(row.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...ids)).toBeLessThan(PROVISIONAL_ID_BASE);
    const firstLine = (wamid: string) => lines.findIndex((line) => line.includes(`"${wamid}"`));
    const groups = new Map<string, typeof rows>();
    for (const row of rows) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);
    expect(groups.size).toBeGreaterThan(3);
    let fileOrderDiffers = false;
    for (const members of groups.values()) {
      const byId = [...members].sort((a, b) => Number(a.id) - Number(b.id));
      expect(byId.map((row) => Number(row.ordinal))).toEqual(members.map((_, index) => index + 1));
      const byFile = [...members].sort((a, b) => firstLine(a.wamid) - firstLine(b.wamid));
      if (byFile.some((row, index) => row !== members[index])) fileOrderDiffers = true;
    }
    // Ids given in file order (when the messages were first seen) would not pass.
    expect(fileOrderDiffers).toBe(true);
  });

  it.each([
    ['in a small write', 1_000],
    ['in a write that tries a plain insert first', 1],
  ])(
    'merges a held message that another writer stored meanwhile (%s), keeping rollups exact',
    async (_, plainInsertFrom) => {
      const testApp = await createTestApp(kind);
      apps.push(testApp);
      testApp.app.get(ChargeWriter).plainInsertFrom = plainInsertFrom;
      const customer = CUSTOMERS[0];
      const pricing = {
        billable: true,
        pricing_model: 'PMP',
        type: 'regular',
        category: 'utility',
      };
      const path = scratch.path('bulk-race.jsonl');
      writeFileSync(
        path,
        [
          status('wamid.race', customer, 'sent', '2026-08-10T09:00:00Z', pricing),
          status('wamid.race', customer, 'delivered', '2026-08-10T09:01:00Z', pricing),
          status('wamid.calm', customer, 'delivered', '2026-08-10T10:00:00Z', pricing),
        ]
          .map((payload) => JSON.stringify(payload))
          .join('\n'),
      );
      const charging = testApp.app.get(ChargingService);
      const repriceRange = charging.repriceRange.bind(charging);
      // Another writer stores the same message (with its read receipt) just before the charging.
      jest.spyOn(charging, 'repriceRange').mockImplementationOnce(async (scope, pending) => {
        await testApp.app.get(IngestionService).applyFacts(
          [
            {
              wamid: 'wamid.race',
              phoneNumberId: PHONE,
              wabaId: WABA,
              fact: {
                kind: 'status',
                status: 'read',
                contact: customer,
                at: new Date('2026-08-10T09:05:00Z'),
                errorCode: null,
                pricing: null,
              },
            },
          ],
          'incremental',
        );
        return repriceRange(scope, pending);
      });
      const applied = jest.spyOn(testApp.app.get(IngestionService), 'applyParsed');
      await testApp.app.get(BulkImportService).importFile(path);
      // The file is read again for the two facts of the message that could not be inserted.
      expect(applied.mock.calls.map(([events, mode]) => [events.length, mode])).toEqual([
        [3, 'deferred'],
        [2, 'incremental'],
      ]);
      const rows: { wamid: string; status: string; sent_at: string | number; reason: string }[] =
        await testApp.app
          .get(DataSource)
          .query(
            `SELECT wamid, status, sent_at, charge_reason || ' ' || charge_amount AS reason FROM messages ORDER BY wamid`,
          );
      // The send time comes from the import, the read receipt from the other writer.
      expect(rows.map((row) => [row.wamid, row.status, Number(row.sent_at), row.reason])).toEqual([
        ['wamid.calm', 'delivered', Date.parse('2026-08-10T10:00:00Z'), 'BILLED 0.0068'],
        ['wamid.race', 'read', Date.parse('2026-08-10T09:00:00Z'), 'BILLED 0.0068'],
      ]);
      const sums = await rollupsAndMessageSums(testApp);
      expect(sums.fromRollups).toEqual(sums.fromMessages);
    },
  );
});
