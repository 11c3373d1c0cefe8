import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { demoCommand } from '../../../src/cli/demo.cli';
import { executeCli } from '../../../src/cli/run-cli.util';
import type { AppConfig } from '../../../src/config/app-config';
import { APP_CONFIG } from '../../../src/config/app-config.token';
import {
  buildDemoMonth,
  DEMO_MX_NUMBER,
  DEMO_US_NUMBER,
  DEMO_WABA_ID,
} from '../../../src/demo/build-demo-month.util';
import {
  DEMO_STATEMENT_QUERY,
  type DemoStatement,
} from '../../../src/demo/format-demo-statement.util';
import { loadDemoMonth } from '../../../src/demo/load-demo-month.util';
import { capturedIo } from '../../utils/captured-cli-io.util';
import { rollupsAndMessageSums } from '../../utils/rollups.util';
import {
  APP_SECRET,
  createTestApp,
  describeEachDatabase,
  type TestApp,
} from '../../utils/test-app.util';

const MONTH = '2026-11';

describeEachDatabase('npm run demo: a month through the webhook path', (kind) => {
  const demo = buildDemoMonth(MONTH);
  let testApp: TestApp;
  let port: number;
  let output: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    await testApp.app.listen(0, '127.0.0.1');
    port = ((testApp.app.getHttpServer() as Server).address() as AddressInfo).port;
    // The demo finds the service on PORT and issues itself a key in the same database.
    const config = testApp.app.get<AppConfig>(APP_CONFIG);
    const io = capturedIo(['--month', MONTH], {
      PORT: String(port),
      DATA_DIR: config.dataDir,
      WHATSAPP_APP_SECRET: APP_SECRET,
      LOG_LEVEL: 'silent',
      ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
    });
    const code = await executeCli(demoCommand, io);
    output = { code, stdout: io.stdout.text, stderr: io.stderr.text };
  }, 300_000);
  afterAll(() => testApp.close());

  async function count(where: string): Promise<number> {
    const rows: { n: string | number }[] = await testApp.app
      .get(DataSource)
      .query(`SELECT COUNT(*) AS n FROM messages WHERE charge_month = '${MONTH}' AND ${where}`);
    return Number(rows[0].n);
  }

  const reason = (value: string) => `charge_reason = '${value}'`;
  const billedOrUnpriced = `charge_reason IN ('BILLED', 'NO_RATE')`;

  it('loads, prints the statement and the next steps, revokes its key, exit 0', async () => {
    expect(output.code).toBe(0);
    expect(output.stdout).toContain(
      `Demo month ${MONTH} loaded into the service at http://127.0.0.1:${port}`,
    );
    expect(output.stdout).toContain(
      `Statement ST-W-${DEMO_WABA_ID}-${MONTH}-USD: Lumen Coffee Roasters, Inc., Lumen Coffee Roasters – Customer Care (${DEMO_WABA_ID})\n  ${MONTH} (America/New_York), USD\n`,
    );
    expect(output.stdout).toContain(`--kind statement --month ${MONTH} --waba ${DEMO_WABA_ID}`);
    expect(output.stderr).toContain(`posted ${demo.webhooks.length.toLocaleString('en-US')} of`);
    expect(output.stderr).toContain('applied and charged\n');
    const keys = await testApp.gql<{ apiKeys: { name: string; revokedAt: string | null }[] }>(
      '{ apiKeys { name revokedAt } }',
    );
    const demoKeys = keys.data!.apiKeys.filter((key) => key.name === 'demo (temporary)');
    expect(demoKeys).toHaveLength(1);
    expect(demoKeys[0].revokedAt).not.toBeNull();
  });

  it('charges every message as the story says', async () => {
    const { story } = demo;
    expect(await count(reason('FREE_INBOUND'))).toBe(story.inbound);
    expect(await count(reason('FREE_BUSINESS_APP'))).toBe(story.businessApp);
    expect(await count(reason('FREE_HISTORY_IMPORT'))).toBe(story.historyImport);
    expect(await count(reason('FREE_ENTRY_POINT'))).toBe(story.entryPoint);
    expect(await count(reason('NOT_DELIVERED'))).toBe(story.notDelivered);
    expect(await count(reason('PENDING'))).toBe(story.pending);
    // 1,000 free service replies per number and month, then the service rate.
    for (const number of [DEMO_US_NUMBER.id, DEMO_MX_NUMBER.id]) {
      const replies = story.serviceReplies[number];
      const free = Math.min(1_000, replies);
      const ofNumber = `phone_number_id = '${number}'`;
      expect(await count(`${reason('FREE_TIER')} AND ${ofNumber}`)).toBe(free);
      expect(
        await count(`${reason('BILLED')} AND charge_pricing_category = 'SERVICE' AND ${ofNumber}`),
      ).toBe(replies - free);
    }
    expect(await count(`${billedOrUnpriced} AND charge_pricing_category = 'UTILITY'`)).toBe(
      story.utility + story.inWindowUtility,
    );
    expect(
      await count(
        `charge_pricing_category = 'UTILITY' AND charge_explanation LIKE '%inside the customer service window, charged from 2026-10-01%'`,
      ),
    ).toBe(story.inWindowUtility);
    expect(await count(`${billedOrUnpriced} AND charge_pricing_category = 'MARKETING'`)).toBe(
      story.marketing - story.marketingLite,
    );
    expect(await count(`${billedOrUnpriced} AND charge_pricing_category = 'MARKETING_LITE'`)).toBe(
      story.marketingLite,
    );
    // Sent the month before, charged in the month of delivery.
    const monthStart = Date.parse(`${MONTH}-01T05:00:00Z`);
    expect(await count(`sent_at < ${monthStart} AND ${billedOrUnpriced}`)).toBe(
      story.lateDeliveries,
    );
  });

  it('keeps the rollups equal to the charged messages, and a second run changes nothing', async () => {
    const statement = async () =>
      (
        await testApp.gql<{ monthlyStatement: DemoStatement }>(DEMO_STATEMENT_QUERY, {
          input: { month: MONTH, wabaId: DEMO_WABA_ID },
        })
      ).data!.monthlyStatement;
    const first = await statement();
    expect(Number(first.exactTotal)).toBeGreaterThan(0);
    // India's authentication-international rate is on the built-in USD card of 2026-10-01.
    expect(new Set(first.lines.map((line) => line.pricingCategory))).toEqual(
      new Set([
        'MARKETING',
        'MARKETING_LITE',
        'UTILITY',
        'AUTHENTICATION',
        'AUTHENTICATION_INTERNATIONAL',
        'SERVICE',
      ]),
    );
    const { fromMessages, fromRollups } = await rollupsAndMessageSums(testApp);
    expect(fromRollups).toEqual(fromMessages);

    const again = await loadDemoMonth(
      { baseUrl: `http://127.0.0.1:${port}`, apiKey: testApp.keys.operator, appSecret: APP_SECRET },
      demo,
    );
    expect(again.failedBodies).toBe(0);
    expect(await statement()).toEqual(first);
  }, 300_000);

  it("bills authentication-international from the WABA's start, in a card with those rates", async () => {
    // Synthetic rates (not Meta's): a card with authentication-international for India and
    // Indonesia, in force for the month, re-rates it.
    const ratesCsv = [
      'Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service',
      'North America,$US,0.025,0.0034,0.0034,n/a,0.0034',
      'India,$US,0.0118,0.0014,0.0014,0.028,0.0014',
      'Indonesia,$US,0.0411,0.025,0.025,0.136,0.025',
    ].join('\n');
    const imported = await testApp.gql(
      `mutation($input: ImportRateCardInput!) { importRateCard(input: $input) { id } }`,
      {
        input: { name: 'test: auth-intl', currency: 'USD', effectiveFrom: `${MONTH}-01`, ratesCsv },
      },
      testApp.keys.operator,
    );
    expect(imported.errors).toBeUndefined();
    await testApp.settle();
    const { authentication } = demo.story;
    expect(
      await count(
        `${reason('BILLED')} AND charge_pricing_category = 'AUTHENTICATION_INTERNATIONAL' AND charge_country = 'IN'`,
      ),
    ).toBe(authentication.indiaFromStart);
    expect(
      await count(
        `${reason('BILLED')} AND charge_pricing_category = 'AUTHENTICATION_INTERNATIONAL' AND charge_country = 'ID'`,
      ),
    ).toBe(authentication.indonesia);
    // Before the start in India, and always in the primary business country: the domestic rate.
    expect(
      await count(
        `${reason('BILLED')} AND charge_pricing_category = 'AUTHENTICATION' AND charge_country = 'IN' AND charge_explanation LIKE '%no authentication-international start in IN%'`,
      ),
    ).toBe(authentication.indiaBeforeStart);
    expect(
      await count(
        `${reason('BILLED')} AND charge_pricing_category = 'AUTHENTICATION' AND charge_country = 'US'`,
      ),
    ).toBeGreaterThan(0);
  }, 300_000);
});

describe('npm run demo on its own', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'demo-own-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a bad month or --url without --key in one line, exit 2', async () => {
    for (const [argv, message] of [
      [['--month', '2026-13'], 'demo: --month must be YYYY-MM; got "2026-13"'],
      [['--month', '2026-09'], 'demo: --month must be 2026-10 or later'],
      [['--url', 'http://localhost:3000'], 'demo: --url needs --key'],
    ] as const) {
      const io = capturedIo(argv, { DATA_DIR: dataDir });
      expect(await executeCli(demoCommand, io)).toBe(2);
      expect(io.stderr.text.split('\n')[0]).toContain(message);
      expect(io.stderr.text).toContain(demoCommand.synopsis);
    }
  });

  it('starts the service itself when none answers, and shows the admin key it generated once', async () => {
    // Port 1 never answers: no service is found, the demo starts its own.
    const io = capturedIo(['--month', MONTH, '--quiet'], {
      DATA_DIR: dataDir,
      PORT: '1',
      LOG_LEVEL: 'silent',
    });
    expect(await executeCli(demoCommand, io)).toBe(0);
    const key = /\n {2}(wbk_\S+)\n/.exec(`\n${io.stdout.text}`)?.[1];
    expect(key).toBeDefined();
    expect(io.stdout.text.split(key!).length - 1).toBe(1);
    expect(io.stdout.text).toContain('loaded into the service started for the demo (SQLite');
    expect(io.stdout.text).toContain('  npm start ');
    expect(io.stderr.text).toBe('');
  }, 300_000);
});
