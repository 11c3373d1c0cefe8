import { DataSource } from 'typeorm';
import { AccountsService } from '../../../src/accounts/services/accounts.service';
import { IncrementalRerating } from '../../../src/charging/services/incremental-rerating.service';
import { MonthRerating } from '../../../src/charging/services/month-rerating.service';
import type { KeyedFact } from '../../../src/messages/services/message-store.service';
import { PendingMessages } from '../../../src/messages/utils/pending-messages.util';
import { rollupsAndMessageSums } from '../../utils/rollups.util';
import {
  customerMessage,
  storeFacts,
  templateSent,
  type Sender,
} from '../../utils/stored-facts.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../../utils/test-app.util';
import { WABA } from '../../utils/webhook.util';

/** WABA B shares the default WABA's portfolio (and its volume-tier counters); C has its own. */
const B: Sender = { phoneNumberId: 'phone-b', wabaId: 'waba-b' };
const C: Sender = { phoneNumberId: 'phone-c', wabaId: 'waba-c' };
const [X, Y, Z, W, V, U] = [1, 2, 3, 4, 5, 6].map((n) => `5191100000${n}`);
const COUNTER = `T|${WABA}|Peru|UTILITY|2026-08`;

/** Arrive one message at a time, out of time order. */
const ARRIVALS: KeyedFact[][] = [
  templateSent('wamid.b2', W, '2026-08-13T10:00:00Z', { from: B }),
  templateSent('wamid.a1', X, '2026-08-10T10:00:00Z'),
  templateSent('wamid.a2', Y, '2026-08-12T10:00:00Z'),
  templateSent('wamid.c1', X, '2026-08-11T11:00:00Z', { from: C }),
  templateSent('wamid.b1', Z, '2026-08-11T10:00:00Z', { from: B }),
  [customerMessage('wamid.y-inbound', Y, '2026-08-12T09:00:00Z')],
  templateSent('wamid.j1', X, '2026-07-15T10:00:00Z'),
  // Sent in July, delivered in August after the phone was offline for two weeks.
  templateSent('wamid.late', V, '2026-07-20T10:00:00Z', {
    deliveredAt: '2026-08-03T10:00:00Z',
    from: B,
  }),
];

describeEachDatabase('MonthRerating', (kind) => {
  let testApp: TestApp;
  let months: MonthRerating;
  let dataSource: DataSource;

  const charges = async (): Promise<Record<string, string>> => {
    const rows: Record<string, string | number | null>[] = await dataSource.query(
      `SELECT wamid, charge_reason, charge_amount, charge_month, sequence_group, sequence_ordinal,
              charge_explanation FROM messages ORDER BY wamid`,
    );
    return Object.fromEntries(
      rows.map(({ wamid, ...charge }) => [
        wamid,
        Object.values(charge)
          .map((value) => String(value ?? '-'))
          .join(' | '),
      ]),
    );
  };
  const places = async () =>
    Object.fromEntries(
      Object.entries(await charges()).map(([wamid, charge]) => {
        const [reason, , month, group, place] = charge.split(' | ');
        return [wamid, `${reason} ${month} ${group} ${place}`];
      }),
    );
  const makeStale = () =>
    dataSource.query(
      `UPDATE messages SET charge_explanation = 'stale', charge_fingerprint = NULL, sequence_ordinal = NULL`,
    );

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    months = testApp.app.get(MonthRerating);
    dataSource = testApp.app.get(DataSource);
    await testApp.app.get(AccountsService).upsertWaba({ wabaId: B.wabaId, portfolioId: WABA });
    // The WABA edit queues a re-rate job; let it finish before re-rating by hand, without the
    // locks the service's own entry points take.
    await testApp.settle();
    const incremental = testApp.app.get(IncrementalRerating);
    for (const facts of ARRIVALS)
      await incremental.rerateMessages(await storeFacts(testApp, facts));
  });
  afterAll(async () => {
    await testApp.close();
  });

  it("re-rates the month of a portfolio's WABAs to the charges incremental re-rating gave, the late delivery included", async () => {
    const incremental = await charges();
    expect(await places()).toEqual({
      'wamid.a1': `BILLED 2026-08 ${COUNTER} 2`,
      'wamid.a2': 'FREE_CUSTOMER_SERVICE_WINDOW 2026-08 - -',
      'wamid.b1': `BILLED 2026-08 ${COUNTER} 3`,
      'wamid.b2': `BILLED 2026-08 ${COUNTER} 4`,
      'wamid.c1': 'BILLED 2026-08 T|waba-c|Peru|UTILITY|2026-08 1',
      'wamid.j1': `BILLED 2026-07 T|${WABA}|Peru|UTILITY|2026-07 1`,
      'wamid.late': `BILLED 2026-08 ${COUNTER} 1`,
      'wamid.y-inbound': 'FREE_INBOUND 2026-08 - -',
    });
    await makeStale();
    // WABA B asked for; the default WABA shares its counters; C is left alone. The months
    // around August (the timezone margin) are re-rated whole: July's message counts too.
    expect(
      await months.repriceRange({
        wabaIds: [B.wabaId],
        from: new Date('2026-08-01T00:00:00Z'),
        to: new Date('2026-09-01T00:00:00Z'),
      }),
    ).toBe(7);
    const repriced = await charges();
    expect(repriced['wamid.c1']).toContain('stale');
    expect({ ...repriced, 'wamid.c1': incremental['wamid.c1'] }).toEqual(incremental);
    const sums = await rollupsAndMessageSums(testApp);
    expect(sums.fromRollups).toEqual(sums.fromMessages);
  });

  it('without bounds, re-rates every month the WABAs have messages in', async () => {
    expect(await months.repriceRange({ wabaIds: [C.wabaId], from: null, to: null })).toBe(1);
    expect((await charges())['wamid.c1']).not.toContain('stale');
    expect(await months.repriceRange({ wabaIds: ['waba-unknown'], from: null, to: null })).toBe(0);
  });

  it('charges held messages with the stored ones and writes them with their charge', async () => {
    const pending = new PendingMessages(10, true);
    await storeFacts(testApp, templateSent('wamid.held', U, '2026-08-10T12:00:00Z'), pending);
    expect(pending.size).toBe(1);
    expect(
      await months.repriceRange(
        {
          wabaIds: null,
          from: new Date('2026-08-01T00:00:00Z'),
          to: new Date('2026-09-01T00:00:00Z'),
        },
        pending,
      ),
    ).toBe(9);
    expect(pending.size).toBe(0);
    expect(await places()).toMatchObject({
      'wamid.late': `BILLED 2026-08 ${COUNTER} 1`,
      'wamid.a1': `BILLED 2026-08 ${COUNTER} 2`,
      'wamid.held': `BILLED 2026-08 ${COUNTER} 3`,
      'wamid.b1': `BILLED 2026-08 ${COUNTER} 4`,
      'wamid.b2': `BILLED 2026-08 ${COUNTER} 5`,
    });
    const sums = await rollupsAndMessageSums(testApp);
    expect(sums.fromRollups).toEqual(sums.fromMessages);
  });

  it('after a rate card import, re-rates the WABAs billed in its currency from its first day', async () => {
    expect(await months.repriceForRateCard({ currency: 'EUR', effectiveFrom: '2026-08-01' })).toBe(
      0,
    );
    await makeStale();
    expect(await months.repriceForRateCard({ currency: 'USD', effectiveFrom: '2026-08-01' })).toBe(
      9,
    );
    expect(Object.values(await charges()).filter((charge) => charge.includes('stale'))).toEqual([]);
  });
});
