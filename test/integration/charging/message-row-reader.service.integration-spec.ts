import { DataSource } from 'typeorm';
import {
  MessageRowReader,
  type MessageRow,
} from '../../../src/charging/services/message-row-reader.service';
import { PendingMessages } from '../../../src/messages/utils/pending-messages.util';
import { idsByWamid, storeFacts, templateSent, type Sender } from '../../utils/stored-facts.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../../utils/test-app.util';
import { WABA } from '../../utils/webhook.util';

const OTHER: Sender = { phoneNumberId: 'phone-other', wabaId: 'waba-other' };
const [C1, C2, C3, C4, C5, C6, C7] = [1, 2, 3, 4, 5, 6, 7].map((n) => `5191100000${n}`);
const HOUR = 3_600_000;

const wamidsOf = (rows: MessageRow[]) => rows.map((row) => row.wamid).sort();

describeEachDatabase('MessageRowReader', (kind) => {
  let testApp: TestApp;
  let reader: MessageRowReader;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    reader = testApp.app.get(MessageRowReader);
  });
  afterEach(() => {
    reader.conversationChunkRows = 20_000;
  });
  afterAll(async () => {
    await testApp.close();
  });

  const chunksOf = async (
    wabaIds: string[] | null,
    from: string,
    to: string,
    pending?: PendingMessages,
  ) => {
    const chunks: string[][] = [];
    for await (const rows of reader.monthChunks(wabaIds, Date.parse(from), Date.parse(to), pending))
      chunks.push(wamidsOf(rows));
    return chunks;
  };

  describe('a month in chunks', () => {
    beforeAll(async () => {
      await storeFacts(testApp, [
        ...templateSent('wamid.a1', C1, '2026-08-10T10:00:00Z'),
        ...templateSent('wamid.a2', C1, '2026-08-10T11:00:00Z'),
        ...templateSent('wamid.a3', C1, '2026-08-11T10:00:00Z'),
        ...templateSent('wamid.b0', C2, '2026-07-20T10:00:00Z'),
        ...templateSent('wamid.b1', C2, '2026-08-12T10:00:00Z'),
        ...templateSent('wamid.c1', C3, '2026-08-13T10:00:00Z'),
        ...templateSent('wamid.c2', C3, '2026-08-14T10:00:00Z'),
        ...templateSent('wamid.d1', C4, '2026-08-15T10:00:00Z'),
        ...templateSent('wamid.o1', C2, '2026-08-12T10:00:00Z', { from: OTHER }),
      ]);
    });

    it.each([
      [
        2,
        [
          ['wamid.a1', 'wamid.a2', 'wamid.a3'],
          ['wamid.b1'],
          ['wamid.c1', 'wamid.c2'],
          ['wamid.d1'],
        ],
      ],
      [
        3,
        [
          ['wamid.a1', 'wamid.a2', 'wamid.a3'],
          ['wamid.b1'],
          ['wamid.c1', 'wamid.c2'],
          ['wamid.d1'],
        ],
      ],
      [
        4,
        [['wamid.a1', 'wamid.a2', 'wamid.a3'], ['wamid.b1', 'wamid.c1', 'wamid.c2'], ['wamid.d1']],
      ],
      [
        20_000,
        [['wamid.a1', 'wamid.a2', 'wamid.a3', 'wamid.b1', 'wamid.c1', 'wamid.c2', 'wamid.d1']],
      ],
    ])(
      'reads whole conversations of the WABA sent in the range, %d rows a read',
      async (rows, expected) => {
        reader.conversationChunkRows = rows;
        expect(await chunksOf([WABA], '2026-08-01T00:00:00Z', '2026-09-01T00:00:00Z')).toEqual(
          expected,
        );
      },
    );

    it('reads every WABA when none is named: another phone number is another conversation', async () => {
      reader.conversationChunkRows = 2;
      expect(await chunksOf(null, '2026-08-01T00:00:00Z', '2026-09-01T00:00:00Z')).toEqual([
        ['wamid.a1', 'wamid.a2', 'wamid.a3'],
        ['wamid.b1'],
        ['wamid.c1', 'wamid.c2'],
        ['wamid.d1'],
        ['wamid.o1'],
      ]);
    });

    it('gives every row a numeric id and place', async () => {
      await testApp.app
        .get(DataSource)
        .query(
          `UPDATE messages SET sequence_group = 'G', sequence_ordinal = 3 WHERE wamid = 'wamid.a2'`,
        );
      const ids = await idsByWamid(testApp);
      const rows: MessageRow[] = [];
      for await (const chunk of reader.monthChunks(
        [WABA],
        Date.parse('2026-08-01T00:00:00Z'),
        Date.parse('2026-09-01T00:00:00Z'),
        undefined,
      ))
        rows.push(...chunk);
      expect(rows.map((row) => [row.wamid, row.id, row.sequence_ordinal]).sort()).toEqual([
        ['wamid.a1', ids.get('wamid.a1'), null],
        ['wamid.a2', ids.get('wamid.a2'), 3],
        ['wamid.a3', ids.get('wamid.a3'), null],
        ['wamid.b1', ids.get('wamid.b1'), null],
        ['wamid.c1', ids.get('wamid.c1'), null],
        ['wamid.c2', ids.get('wamid.c2'), null],
        ['wamid.d1', ids.get('wamid.d1'), null],
      ]);
    });
  });

  it("adds held messages to their stored conversation's chunk, then chunks the conversations only held messages make up", async () => {
    await storeFacts(testApp, templateSent('wamid.e1', C1, '2026-09-10T10:00:00Z'));
    const pending = new PendingMessages(10, true);
    await storeFacts(
      testApp,
      [
        ...templateSent('wamid.e2', C1, '2026-09-11T10:00:00Z'),
        ...templateSent('wamid.f1', C5, '2026-09-12T10:00:00Z'),
        ...templateSent('wamid.g1', C6, '2026-09-12T11:00:00Z'),
        ...templateSent('wamid.h1', C7, '2026-09-13T10:00:00Z'),
        // Sent after the range, and from another WABA: left out.
        ...templateSent('wamid.f2', C5, '2026-10-20T10:00:00Z'),
        ...templateSent('wamid.o2', C6, '2026-09-12T10:00:00Z', { from: OTHER }),
      ],
      pending,
    );
    expect(pending.size).toBe(6);
    reader.conversationChunkRows = 2;
    expect(await chunksOf([WABA], '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z', pending)).toEqual(
      [['wamid.e1', 'wamid.e2'], ['wamid.f1', 'wamid.g1'], ['wamid.h1']],
    );
  });

  it('reads stored and held rows by id, with numeric ids and places', async () => {
    await storeFacts(testApp, [
      ...templateSent('wamid.n1', C1, '2026-11-10T10:00:00Z'),
      ...templateSent('wamid.n2', C2, '2026-11-10T11:00:00Z'),
    ]);
    const ids = await idsByWamid(testApp);
    await testApp.app
      .get(DataSource)
      .query(
        `UPDATE messages SET sequence_group = 'G', sequence_ordinal = 7, charge_at = 1 WHERE wamid = 'wamid.n1'`,
      );
    const pending = new PendingMessages(10, true);
    const [heldId] = await storeFacts(
      testApp,
      templateSent('wamid.n3', C3, '2026-11-10T12:00:00Z'),
      pending,
    );
    const rows = await reader.rowsByIds(
      [ids.get('wamid.n1')!, ids.get('wamid.n2')!, heldId, 999_999],
      pending,
    );
    expect(
      rows
        .map((row) => [row.wamid, row.id, row.sequence_group, row.sequence_ordinal, row.sent_at])
        .sort(),
    ).toEqual([
      ['wamid.n1', ids.get('wamid.n1'), 'G', 7, expect.anything()],
      ['wamid.n2', ids.get('wamid.n2'), null, null, expect.anything()],
      ['wamid.n3', heldId, null, null, Date.parse('2026-11-10T12:00:00Z')],
    ]);
    expect(Number(rows.find((row) => row.wamid === 'wamid.n1')!.sent_at)).toBe(
      Date.parse('2026-11-10T10:00:00Z'),
    );
    // Ids are read 500 at a time.
    const stored = (
      (await testApp.app.get(DataSource).query(`SELECT id FROM messages`)) as { id: unknown }[]
    ).map((row) => Number(row.id));
    const many = Array.from({ length: Math.max(...stored) + 600 }, (_, index) => index + 1);
    expect((await reader.rowsByIds(many)).map((row) => row.id).sort((a, b) => a - b)).toEqual(
      stored.sort((a, b) => a - b),
    );
  });

  it("reads a conversation's messages from 96 h before the rows' earliest to 96 h after their latest, held ones included", async () => {
    const at = (hours: number) =>
      new Date(Date.parse('2026-12-10T00:00:00Z') + hours * HOUR).toISOString();
    await storeFacts(testApp, [
      ...templateSent('wamid.k1', C4, at(-97)),
      ...templateSent('wamid.k2', C4, at(-96)),
      ...templateSent('wamid.k3', C4, at(0)),
      ...templateSent('wamid.k4', C4, at(96)),
      ...templateSent('wamid.k5', C4, at(97)),
      ...templateSent('wamid.k6', C5, at(0)),
    ]);
    const pending = new PendingMessages(10, true);
    await storeFacts(
      testApp,
      [...templateSent('wamid.k7', C4, at(1)), ...templateSent('wamid.k8', C4, at(100))],
      pending,
    );
    const ids = await idsByWamid(testApp);
    const context = async (wamids: string[]) =>
      wamidsOf(
        await reader.conversationContext(
          await reader.rowsByIds(wamids.map((wamid) => ids.get(wamid)!)),
          pending,
        ),
      );
    expect(await context(['wamid.k3'])).toEqual(['wamid.k2', 'wamid.k3', 'wamid.k4', 'wamid.k7']);
    expect(await context(['wamid.k3', 'wamid.k4'])).toEqual([
      'wamid.k2',
      'wamid.k3',
      'wamid.k4',
      'wamid.k5',
      'wamid.k7',
      'wamid.k8',
    ]);
    expect(await context(['wamid.k3', 'wamid.k6'])).toEqual([
      'wamid.k2',
      'wamid.k3',
      'wamid.k4',
      'wamid.k6',
      'wamid.k7',
    ]);
  });

  it('reads messages sent before the window but delivered in the month, held ones included', async () => {
    const start = Date.parse('2027-02-01T00:00:00Z');
    const end = Date.parse('2027-03-01T00:00:00Z');
    await storeFacts(testApp, [
      ...templateSent('wamid.l1', C1, '2027-01-20T10:00:00Z', {
        deliveredAt: '2027-02-03T10:00:00Z',
      }),
      // Delivered before the month, sent inside the window, never delivered, delivered after.
      ...templateSent('wamid.l2', C2, '2027-01-20T10:00:00Z', {
        deliveredAt: '2027-01-25T10:00:00Z',
      }),
      ...templateSent('wamid.l3', C3, '2027-01-31T10:00:00Z', {
        deliveredAt: '2027-02-02T10:00:00Z',
      }),
      ...templateSent('wamid.l4', C4, '2027-01-20T10:00:00Z', { deliveredAt: null }),
      ...templateSent('wamid.l7', C7, '2027-01-20T10:00:00Z', {
        deliveredAt: '2027-03-03T10:00:00Z',
      }),
    ]);
    const pending = new PendingMessages(10, true);
    await storeFacts(
      testApp,
      [
        ...templateSent('wamid.l5', C5, '2027-01-18T10:00:00Z', {
          deliveredAt: '2027-02-05T10:00:00Z',
        }),
        ...templateSent('wamid.l6', C6, '2027-01-18T10:00:00Z', {
          deliveredAt: '2027-02-05T10:00:00Z',
          from: OTHER,
        }),
      ],
      pending,
    );
    const late = async (wabaIds: string[] | null) =>
      wamidsOf(
        await reader.lateDeliveries(
          wabaIds,
          start - 110 * HOUR,
          start - 14 * HOUR,
          end + 14 * HOUR,
          pending,
        ),
      );
    expect(await late([WABA])).toEqual(['wamid.l1', 'wamid.l5']);
    expect(await late(null)).toEqual(['wamid.l1', 'wamid.l5', 'wamid.l6']);
  });
});
