import { BudgetsService } from '../../../src/budgets/services/budgets.service';
import { NotificationsService } from '../../../src/notifications/services/notifications.service';
import { SchedulerService } from '../../../src/scheduler/scheduler.service';
import { startCallbackReceiver, type CallbackReceiver } from '../../utils/callback-receiver.util';
import {
  createSecondTestApp,
  createTestApp,
  describeEachDatabase,
  type TestApp,
} from '../../utils/test-app.util';
import { postWebhook, status, WABA } from '../../utils/webhook.util';

const MARKETING = { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' };
const SET = `mutation($input: BudgetInput!) { setBudget(input: $input) { scope wabaId portfolioId amount currency month spend forecast alerts { threshold basis } } }`;
const BUDGETS = `{ budgets { scope wabaId amount currency month spend forecast alerts { month threshold basis spend forecast } } }`;
/** Brazil's marketing rate on the built-in USD card of March 2026. */
const NOW = new Date('2026-03-20T12:00:00Z');

let sequence = 0;
/** n marketing messages to Brazil delivered on 10 March 2026 (UTC WABA), 0.0625 each. */
async function deliver(testApp: TestApp, count: number, day = '2026-03-10') {
  for (let index = 0; index < count; index += 1) {
    sequence += 1;
    await postWebhook(
      testApp,
      status(
        `wamid.budget.${sequence}`,
        `55119900${String(sequence).padStart(5, '0')}`,
        'delivered',
        `${day}T12:00:00Z`,
        MARKETING,
      ),
    );
  }
}

describeEachDatabase('Monthly budgets', (kind) => {
  let receiver: CallbackReceiver;
  let first: TestApp;
  let second: TestApp;

  const evaluate = (testApp: TestApp, now = NOW) => testApp.app.get(BudgetsService).evaluate(now);
  const thresholdsSent = () =>
    receiver.received
      .map((callback) => JSON.parse(callback.body))
      .filter((body) => body.type === 'budget.threshold')
      .map((body) => [
        body.data.threshold,
        body.data.basis,
        body.data.spend,
        body.data.spendPercent,
      ]);

  beforeAll(async () => {
    receiver = await startCallbackReceiver();
    first = await createTestApp(kind, {
      callback: { url: receiver.url, secret: 'budget-callback-secret' },
    });
    second = kind === 'postgres' ? await createSecondTestApp(first) : first;
    await deliver(first, 8);
  });
  afterAll(async () => {
    if (second !== first) await second.close();
    await first.close();
    await receiver.close();
  });

  it('refuses a budget without a scope, with a bad amount or another currency (client errors)', async () => {
    const codes = async (input: Record<string, unknown>) =>
      (await first.gql(SET, { input }, first.keys.operator)).errors?.map((error) => [
        error.extensions?.code,
        error.message,
      ]);
    expect(await codes({ amount: '10' })).toEqual([
      ['BAD_USER_INPUT', 'give exactly one of wabaId or portfolioId'],
    ]);
    expect(await codes({ wabaId: WABA, amount: '0' })).toEqual([
      [
        'BAD_USER_INPUT',
        'amount must be a positive decimal with at most 6 decimals, e.g. "1500.00"; got "0"',
      ],
    ]);
    expect(await codes({ wabaId: WABA, amount: '10', currency: 'EUR' })).toEqual([
      ['BAD_USER_INPUT', 'the WABA bills in USD; a budget is in that one currency'],
    ]);
    expect(await codes({ wabaId: 'nobody', amount: '10' })).toEqual([
      ['NOT_FOUND', 'unknown WABA "nobody"'],
    ]);
    expect(
      (await first.gql(SET, { input: { wabaId: WABA, amount: '1' } }, first.keys.finance))
        .errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('fires 50% and 80% once when the spend crosses them, then 100% once', async () => {
    const set = await first.gql(
      SET,
      { input: { wabaId: WABA, amount: '0.6' } },
      first.keys.operator,
    );
    expect(set.errors).toBeUndefined();
    // 8 × 0.0625 = 0.5 of 0.6: 83%.
    const fired = (await Promise.all([evaluate(first), evaluate(second), evaluate(first)])).flat();
    expect(fired.map((alert) => [alert.threshold, alert.basis, alert.spend]).sort()).toEqual([
      [50, 'SPEND', '0.5'],
      [80, 'SPEND', '0.5'],
    ]);
    expect((await Promise.all([evaluate(first), evaluate(second)])).flat()).toEqual([]);

    await deliver(first, 2); // 0.625: 104%
    const more = (await Promise.all([evaluate(second), evaluate(first)])).flat();
    expect(more.map((alert) => [alert.threshold, alert.basis, alert.spend])).toEqual([
      [100, 'SPEND', '0.625'],
    ]);
    // The scheduler's whole tick, on both processes: no alert again, the notifications sent once.
    await Promise.all([
      first.app.get(SchedulerService).tick(NOW),
      second.app.get(SchedulerService).tick(NOW),
    ]);
    await Promise.all([
      first.app.get(NotificationsService).dispatchDue(NOW),
      second.app.get(NotificationsService).dispatchDue(NOW),
    ]);
    expect(thresholdsSent().sort()).toEqual([
      [100, 'SPEND', '0.625', '104'],
      [50, 'SPEND', '0.5', '83'],
      [80, 'SPEND', '0.5', '83'],
    ]);
    const listed = await first.gql<{ budgets: Record<string, unknown>[] }>(
      BUDGETS,
      {},
      first.keys.finance,
    );
    expect(listed.data!.budgets).toEqual([
      {
        scope: 'WABA',
        wabaId: WABA,
        amount: '0.6',
        currency: 'USD',
        month: expect.any(String),
        spend: expect.any(String),
        forecast: null,
        alerts: expect.any(Array),
      },
    ]);
    const statuses = await first.app.get(BudgetsService).statuses(NOW);
    expect(
      statuses.map((entry) => [
        entry.month,
        entry.spend.toFixed(),
        entry.alerts.map((alert) => alert.threshold),
      ]),
    ).toEqual([['2026-03', '0.625', [50, 80, 100]]]);
  });

  it("fires on the forecast when this month's spend is still low, once", async () => {
    // The month's forecast prices the average of the three months before it: 10 messages in
    // March give April a forecast of round(10 / 3) = 3 messages, 0.1875.
    const april = new Date('2026-04-02T12:00:00Z');
    await first.gql(SET, { input: { wabaId: WABA, amount: '0.3' } }, first.keys.operator);
    const fired = (await Promise.all([evaluate(first, april), evaluate(second, april)])).flat();
    expect(
      fired.map((alert) => [
        alert.month,
        alert.threshold,
        alert.basis,
        alert.spend,
        alert.forecast,
      ]),
    ).toEqual([['2026-04', 50, 'FORECAST', '0', '0.1875']]);
    expect(await evaluate(first, april)).toEqual([]);
  });

  it('removes a budget', async () => {
    const removed = await first.gql(
      `mutation { removeBudget(input: { wabaId: "${WABA}" }) }`,
      {},
      first.keys.operator,
    );
    expect(removed.data).toEqual({ removeBudget: true });
    expect(
      (await first.gql<{ budgets: unknown[] }>(BUDGETS, {}, first.keys.finance)).data!.budgets,
    ).toEqual([]);
  });
});
