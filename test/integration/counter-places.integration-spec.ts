import { DataSource } from 'typeorm';
import { ChargingService } from '../../src/charging/services/charging.service';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';
import { postWebhook, status } from '../utils/webhook.util';

const UTILITY = { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' };

/** Deliveries posted one webhook at a time, out of time order, some in one conversation. */
const DELIVERIES: [wamid: string, to: string, at: string][] = [
  ['wamid.a1', '5215511110001', '2026-08-10T10:00:00Z'],
  ['wamid.b1', '5215511110002', '2026-08-10T11:00:00Z'],
  ['wamid.c1', '5215511110003', '2026-08-10T12:00:00Z'],
  // Same conversation as a1, after everything: a1 is re-classified with it, before its point.
  ['wamid.a2', '5215511110001', '2026-08-10T13:00:00Z'],
  // Before everything stored: every place moves up by one.
  ['wamid.b0', '5215511110002', '2026-08-10T09:00:00Z'],
  // Between c1 and a2, in c1's conversation.
  ['wamid.c2', '5215511110003', '2026-08-10T12:30:00Z'],
  // Two at the same instant: the wamid orders them.
  ['wamid.e1', '5215511110005', '2026-08-10T12:15:00Z'],
  ['wamid.d1', '5215511110004', '2026-08-10T12:15:00Z'],
  ['wamid.a3', '5215511110001', '2026-08-10T14:00:00Z'],
];

function statusesOf(body: ReturnType<typeof status>): unknown[] {
  return (body.entry[0].changes[0].value as unknown as { statuses: unknown[] }).statuses;
}

describeEachDatabase('volume-tier counter places', (kind) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('numbers a counter 1..n in delivery order, webhook by webhook as a whole-month re-rate does', async () => {
    for (const [wamid, to, at] of DELIVERIES)
      await postWebhook(testApp, status(wamid, to, 'delivered', at, UTILITY));
    // One body: a1 read (re-classified where it stands, before the point) and a new last member.
    const both = status('wamid.a1', '5215511110001', 'read', '2026-08-10T15:00:00Z', UTILITY);
    statusesOf(both).push(
      ...statusesOf(
        status('wamid.f1', '5215511110006', 'delivered', '2026-08-10T15:00:00Z', UTILITY),
      ),
    );
    await postWebhook(testApp, both);
    const dataSource = testApp.app.get(DataSource);
    const places = async () =>
      (
        (await dataSource.query(
          `SELECT wamid, sequence_group, sequence_ordinal FROM messages ORDER BY sequence_ordinal, wamid`,
        )) as { wamid: string; sequence_group: string | null; sequence_ordinal: number | string }[]
      ).map((row) => ({
        wamid: row.wamid,
        group: row.sequence_group,
        place: Number(row.sequence_ordinal),
      }));
    const incremental = await places();
    expect(new Set(incremental.map((row) => row.group)).size).toBe(1);
    expect(incremental[0].group).not.toBeNull();
    expect(incremental.map((row) => [row.wamid, row.place])).toEqual([
      ['wamid.b0', 1],
      ['wamid.a1', 2],
      ['wamid.b1', 3],
      ['wamid.c1', 4],
      ['wamid.d1', 5],
      ['wamid.e1', 6],
      ['wamid.c2', 7],
      ['wamid.a2', 8],
      ['wamid.a3', 9],
      ['wamid.f1', 10],
    ]);
    // A month re-rate numbers every counter from its first member: the same places.
    await dataSource.query(
      `UPDATE messages SET sequence_ordinal = NULL, charge_fingerprint = NULL`,
    );
    await testApp.app.get(ChargingService).repriceRange({
      wabaIds: null,
      from: new Date('2026-08-01T00:00:00Z'),
      to: new Date('2026-09-01T00:00:00Z'),
    });
    expect(await places()).toEqual(incremental);
  });
});
