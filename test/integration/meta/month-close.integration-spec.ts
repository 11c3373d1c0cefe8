import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { MonthCloseService } from '../../../src/month-close/services/month-close.service';
import { NotificationsService } from '../../../src/notifications/services/notifications.service';
import { startCallbackReceiver, type CallbackReceiver } from '../../utils/callback-receiver.util';
import {
  mimeParts,
  startSmtpTestServer,
  type SmtpTestServer,
} from '../../utils/smtp-test-server.util';
import {
  createSecondTestApp,
  createTestApp,
  describeEachDatabase,
  type TestApp,
} from '../../utils/test-app.util';
import { postWebhook, status, WABA } from '../../utils/webhook.util';
import { local, TIMEZONE } from './meta-month.fixture';

const SECRET = 'callback-secret-0123456789';
const MARKETING = { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' };
const NUMBER = `ST-W-${WABA}-2026-03-USD`;
/** 1 April 00:00 in São Paulo is 03:00 UTC; with the default 72 hours the month closes at 4 April 03:00 UTC. */
const BEFORE_DUE = new Date('2026-04-04T02:59:00Z');
const DUE = new Date('2026-04-04T03:00:00Z');

const count = async (testApp: TestApp, sql: string): Promise<number> =>
  Number((await testApp.app.get(DataSource).query(sql))[0].n);

describeEachDatabase('The month that closes itself', (kind) => {
  let receiver: CallbackReceiver;
  let smtp: SmtpTestServer;
  let first: TestApp;
  /** A second service process on the same database (PostgreSQL); on SQLite, the same process. */
  let second: TestApp;

  beforeAll(async () => {
    receiver = await startCallbackReceiver();
    smtp = await startSmtpTestServer();
    first = await createTestApp(kind, {
      callback: { url: receiver.url, secret: SECRET },
      smtp: { url: smtp.url, from: 'billing@example.test', to: ['finance@example.test'] },
      notifyRetryBaseSeconds: 60,
    });
    second = kind === 'postgres' ? await createSecondTestApp(first) : first;
    const upserted = await first.gql(
      `mutation { upsertWaba(input: { wabaId: "${WABA}", timezone: "${TIMEZONE}", name: "Acme Brasil" }) { wabaId } }`,
      {},
      first.keys.operator,
    );
    expect(upserted.errors).toBeUndefined();
    for (const [index, day] of [2, 9, 16].entries()) {
      await postWebhook(
        first,
        status(
          `wamid.close.${index}`,
          `551199000000${index}`,
          'delivered',
          local(day, '12:00'),
          MARKETING,
        ),
      );
    }
  });
  afterAll(async () => {
    if (second !== first) await second.close();
    await first.close();
    await receiver.close();
    await smtp.close();
  });

  it('closes the month once, after its local end and the delay, whichever process asks', async () => {
    const closes = (testApp: TestApp, now: Date) =>
      testApp.app.get(MonthCloseService).closeDueMonths(now);
    expect(await closes(first, BEFORE_DUE)).toEqual([]);
    const results = await Promise.all([
      closes(first, DUE),
      closes(second, DUE),
      closes(second, DUE),
      closes(first, DUE),
    ]);
    const closed = results.flat();
    expect(
      closed.map((close) => [
        close.wabaId,
        close.month,
        close.status,
        close.revision,
        close.statementNumber,
      ]),
    ).toEqual([[WABA, '2026-03', 'DONE', 1, NUMBER]]);
    // Asked again later, on both processes: nothing more.
    const later = new Date('2026-04-20T00:00:00Z');
    expect((await Promise.all([closes(first, later), closes(second, later)])).flat()).toEqual([]);
    expect(await count(first, 'SELECT COUNT(*) AS n FROM month_closes')).toBe(1);
    expect(await count(first, 'SELECT COUNT(*) AS n FROM statement_revisions')).toBe(1);
    expect(
      await first.app
        .get(DataSource)
        .query(
          `SELECT format, status, file_name FROM exports WHERE kind = 'STATEMENT' ORDER BY format`,
        ),
    ).toEqual([
      { format: 'CSV', status: 'DONE', file_name: `statement-${WABA}-2026-03.csv` },
      { format: 'PDF', status: 'DONE', file_name: `statement-${WABA}-2026-03.pdf` },
      { format: 'XLSX', status: 'DONE', file_name: `statement-${WABA}-2026-03.xlsx` },
    ]);
    const listed = await first.gql<{ monthCloses: Record<string, unknown>[] }>(
      `{ monthCloses(wabaId: "${WABA}") { month status revision statementNumber revisions { revision statementNumber exactTotal total documents { format url } } } }`,
      {},
      first.keys.finance,
    );
    expect(listed.data!.monthCloses).toEqual([
      {
        month: '2026-03',
        status: 'DONE',
        revision: 1,
        statementNumber: NUMBER,
        revisions: [
          {
            revision: 1,
            statementNumber: NUMBER,
            exactTotal: '0.1875',
            total: '0.19',
            documents: [
              expect.objectContaining({ format: 'PDF' }),
              expect.objectContaining({ format: 'XLSX' }),
              expect.objectContaining({ format: 'CSV' }),
            ],
          },
        ],
      },
    ]);
  });

  it('signs the callback, retries it after a failure, and never sends it twice', async () => {
    receiver.answer(500, 200);
    const dispatch = (testApp: TestApp, now: Date) =>
      testApp.app.get(NotificationsService).dispatchDue(now);
    await Promise.all([dispatch(first, DUE), dispatch(second, DUE)]);
    expect(receiver.received).toHaveLength(1);
    // Not due again until the backoff (60 s) has passed, whoever asks.
    await Promise.all([dispatch(first, DUE), dispatch(second, new Date(DUE.getTime() + 59_000))]);
    expect(receiver.received).toHaveLength(1);
    const retryAt = new Date(DUE.getTime() + 60_000);
    await Promise.all([dispatch(first, retryAt), dispatch(second, retryAt)]);
    expect(receiver.received).toHaveLength(2);
    await Promise.all([
      dispatch(first, new Date(DUE.getTime() + 3_600_000)),
      dispatch(second, new Date(DUE.getTime() + 86_400_000)),
    ]);
    expect(receiver.received).toHaveLength(2);

    const [failed, delivered] = receiver.received;
    expect(delivered.body).toBe(failed.body);
    for (const callback of receiver.received) {
      expect(callback.headers['x-billing-signature-256']).toBe(
        `sha256=${createHmac('sha256', SECRET).update(callback.body).digest('hex')}`,
      );
      expect(callback.headers['x-billing-event-id']).toBe(`statement:${NUMBER}`);
      expect(callback.headers['x-billing-event']).toBe('statement.issued');
      expect(callback.headers['content-type']).toBe('application/json');
    }
    const body = JSON.parse(delivered.body);
    expect(body).toMatchObject({
      id: `statement:${NUMBER}`,
      type: 'statement.issued',
      data: {
        wabaId: WABA,
        wabaName: 'Acme Brasil',
        month: '2026-03',
        timezone: TIMEZONE,
        statementNumber: NUMBER,
        revision: 1,
        currency: 'USD',
        total: '0.19',
        exactTotal: '0.1875',
        billedMessages: 3,
      },
    });
    expect(body.data.exports.map((entry: { format: string }) => entry.format)).toEqual([
      'PDF',
      'XLSX',
      'CSV',
    ]);

    const log = await first.gql<{
      notificationDeliveries: { edges: { node: Record<string, any> }[] };
    }>(
      `{ notificationDeliveries { edges { node { eventKey eventType channel status attempts lastStatusCode log { attempt succeeded statusCode error } } } } }`,
      {},
      first.keys.operator,
    );
    const deliveries = log.data!.notificationDeliveries.edges.map((edge) => edge.node);
    expect(deliveries.find((entry) => entry.channel === 'WEBHOOK')).toEqual({
      eventKey: `statement:${NUMBER}`,
      eventType: 'STATEMENT_ISSUED',
      channel: 'WEBHOOK',
      status: 'DELIVERED',
      attempts: 2,
      lastStatusCode: 200,
      log: [
        { attempt: 1, succeeded: false, statusCode: 500, error: 'the callback answered HTTP 500' },
        { attempt: 2, succeeded: true, statusCode: 200, error: null },
      ],
    });
    const forbidden = await first.gql(
      `{ notificationDeliveries { totalCount } }`,
      {},
      first.keys.finance,
    );
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('e-mails the statement once, with its PDF attached', async () => {
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.from).toBe('billing@example.test');
    expect(mail.to).toEqual(['finance@example.test']);
    const parts = mimeParts(mail.raw);
    const pdf = parts.find((part) =>
      (part.headers['content-type'] ?? '').startsWith('application/pdf'),
    );
    expect(pdf?.headers['content-disposition']).toContain(`statement-${WABA}-2026-03.pdf`);
    const [stored] = await first.app
      .get(DataSource)
      .query(`SELECT id FROM exports WHERE kind = 'STATEMENT' AND format = 'PDF'`);
    expect(
      pdf!.body.equals(readFileSync(join(first.config.dataDir, 'exports', `${stored.id}.pdf`))),
    ).toBe(true);
    expect(pdf!.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = parts.find((part) =>
      (part.headers['content-type'] ?? '').startsWith('text/plain'),
    );
    expect(text!.body.toString('utf8')).toContain(
      `Total: USD 0.19 (exact 0.1875), 3 billed messages.`,
    );
  });

  it('issues revision 2, with the same number and -R2, once a late fact changes the month', async () => {
    const revise = (testApp: TestApp) =>
      testApp.app.get(MonthCloseService).reviseClosedMonths(new Date('2026-04-10T00:00:00Z'));
    expect(await revise(first)).toEqual([]);
    await postWebhook(
      first,
      status('wamid.close.late', '5511990000009', 'delivered', local(30, '12:00'), MARKETING),
    );
    const revised = (await Promise.all([revise(first), revise(second)])).flat();
    expect(revised.map((close) => [close.revision, close.statementNumber])).toEqual([
      [2, `${NUMBER}-R2`],
    ]);
    expect(await revise(first)).toEqual([]);
    const revisions = await first.app
      .get(DataSource)
      .query(
        'SELECT revision, statement_number, exact_total FROM statement_revisions ORDER BY revision',
      );
    expect(revisions).toEqual([
      { revision: 1, statement_number: NUMBER, exact_total: '0.1875' },
      { revision: 2, statement_number: `${NUMBER}-R2`, exact_total: '0.25' },
    ]);
    expect(
      await count(first, `SELECT COUNT(*) AS n FROM exports WHERE file_name LIKE '%-r2.%'`),
    ).toBe(3);
    await first.app.get(NotificationsService).dispatchDue(new Date('2026-04-10T00:00:00Z'));
    const last = JSON.parse(receiver.received.at(-1)!.body);
    expect(last).toMatchObject({
      id: `statement:${NUMBER}-R2`,
      type: 'statement.revised',
      data: { statementNumber: `${NUMBER}-R2`, revision: 2, exactTotal: '0.25', total: '0.25' },
    });
    expect(smtp.received).toHaveLength(2);
  });

  it('lets an operator close a month through closeMonth: refused before it ends, unchanged when closed', async () => {
    const CLOSE = `mutation($month: String!) { closeMonth(wabaId: "${WABA}", month: $month) { month status revision statementNumber } }`;
    const notEnded = await first.gql(CLOSE, { month: '2099-01' }, first.keys.operator);
    expect(notEnded.errors?.[0]).toMatchObject({
      message: `2099-01 has not ended yet in ${TIMEZONE}`,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const closed = await first.gql(CLOSE, { month: '2026-03' }, first.keys.operator);
    expect(closed.data).toEqual({
      closeMonth: {
        month: '2026-03',
        status: 'DONE',
        revision: 2,
        statementNumber: `${NUMBER}-R2`,
      },
    });
    const forbidden = await first.gql(CLOSE, { month: '2026-03' }, first.keys.finance);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
