import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AccountsService } from '../../../src/accounts/services/accounts.service';
import { ConfigModule } from '../../../src/config/config.module';
import { DatabaseModule } from '../../../src/database/database.module';
import { IngestionModule } from '../../../src/ingestion/ingestion.module';
import { IngestionService } from '../../../src/ingestion/services/ingestion.service';
import { SendLogService } from '../../../src/ingestion/services/send-log.service';
import { DomainError } from '../../../src/common/errors/domain.error';
import { fromMicros, toDecimalString } from '../../../src/pricing/money';
import { RateCardsService } from '../../../src/rate-cards/services/rate-cards.service';
import { ReportsModule } from '../../../src/reports/reports.module';
import { StatementService } from '../../../src/reports/services/statement.service';
import { ForecastService } from '../../../src/simulations/services/forecast.service';
import { RecordedTrafficService } from '../../../src/simulations/services/recorded-traffic.service';
import { SavedScenariosService } from '../../../src/simulations/services/saved-scenarios.service';
import { SimulationService } from '../../../src/simulations/services/simulation.service';
import { SimulationsModule } from '../../../src/simulations/simulations.module';
import { createScratchDatabase } from '../../utils/scratch-database.util';
import { describeEachDatabase, type DatabaseKind } from '../../utils/test-app.util';
import { inbound, PHONE, status, WABA } from '../../utils/webhook.util';

const RATES = [
  'Market,Currency,Marketing,Utility,Authentication,"Authentication-\nInternational",Service',
  'India,USD,0.0107,0.0014,0.0014,0.028,0.0009',
  'North America,USD,0.025,0.0034,0.0034,n/a,0.0034',
].join('\n');
const TIERS = [
  'Market,Currency,Utility,,,,,Authentication,,,,,Authentication-International,,,,',
  'India,USD,0,5,List,0.0014,--,n/a,,,,,n/a,,,,',
  ',,6,--,Tier,0.001,-29%,,,,,,,,,,',
].join('\n');

const INDIA = (n: number) => `9198765${String(43200 + n).padStart(5, '0')}`;
const US = '12125551234';

interface Context {
  module: TestingModule;
  close(): Promise<void>;
}

async function createContext(kind: DatabaseKind): Promise<Context> {
  const scratch = await createScratchDatabase(kind);
  const module = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(scratch.config),
      DatabaseModule,
      IngestionModule,
      ReportsModule,
      SimulationsModule,
    ],
  }).compile();
  module.useLogger(false);
  await module.init();
  return {
    module,
    async close() {
      await module.close();
      await scratch.dispose();
    },
  };
}

describeEachDatabase('simulations on recorded traffic', (kind) => {
  let context: Context;
  let simulations: SimulationService;

  const webhook = async (body: unknown) => {
    const ingestion = context.module.get(IngestionService);
    await ingestion.applyParsed(ingestion.parseEvents(body).events, 'incremental');
  };
  const send = async (
    wamid: string,
    to: string,
    at: string,
    template?: { category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION'; name: string },
  ) => {
    const result = await context.module.get(SendLogService).record(
      [
        {
          wamid,
          phoneNumberId: PHONE,
          to,
          sentAt: new Date(at),
          templateName: template?.name,
          templateLanguage: template ? 'en' : undefined,
          templateCategory: template?.category as never,
        },
      ],
      'incremental',
    );
    expect(result.summary.rejected).toEqual([]);
  };
  const delivered = (wamid: string, to: string, at: string) =>
    webhook(status(wamid, to, 'delivered', at));

  beforeAll(async () => {
    context = await createContext(kind);
    simulations = context.module.get(SimulationService);
    const accounts = context.module.get(AccountsService);
    await accounts.upsertWaba({ wabaId: WABA, freeServiceAllowance: 2 });
    await accounts.upsertPhoneNumber({ phoneNumberId: PHONE, wabaId: WABA });
    await context.module.get(RateCardsService).import({
      name: 'Test USD 2026-10',
      currency: 'USD',
      effectiveFrom: '2026-10-01',
      ratesCsv: RATES,
      volumeTiersCsv: TIERS,
    });
    // 2026-09-30: an entry point opened then still covers 10-01 (96 h of context are loaded).
    await webhook(inbound('wamid.ctx-in', INDIA(90), '2026-09-30T20:00:00Z', true));
    await send('wamid.ctx-reply', INDIA(90), '2026-09-30T21:00:00Z');
    await delivered('wamid.ctx-reply', INDIA(90), '2026-09-30T21:00:01Z');
    await send('wamid.ctx-util', INDIA(90), '2026-10-01T09:00:00Z', {
      category: 'UTILITY',
      name: 'order_update',
    });
    await delivered('wamid.ctx-util', INDIA(90), '2026-10-01T09:00:01Z');
    // eight utility templates outside windows: five in the first band, three in the second
    for (let i = 0; i < 8; i++) {
      const at = `2026-10-0${2 + (i % 5)}T10:0${i}:00Z`;
      await send(`wamid.util-${i}`, INDIA(i), at, { category: 'UTILITY', name: 'order_update' });
      await delivered(`wamid.util-${i}`, INDIA(i), at.replace(':00Z', ':05Z'));
    }
    // four customers write; five replies inside the window (allowance 2 → three billed)
    for (let i = 0; i < 4; i++) {
      await webhook(inbound(`wamid.in-${i}`, INDIA(20 + i), `2026-10-10T08:0${i}:00Z`));
    }
    for (let i = 0; i < 5; i++) {
      const to = INDIA(20 + (i % 4));
      await send(`wamid.reply-${i}`, to, `2026-10-10T09:0${i}:00Z`);
      await delivered(`wamid.reply-${i}`, to, `2026-10-10T09:0${i}:02Z`);
    }
    // marketing, one failed marketing, one pending, one to North America with Meta's verdict
    await send('wamid.mkt-1', INDIA(40), '2026-10-12T12:00:00Z', {
      category: 'MARKETING',
      name: 'promo',
    });
    await delivered('wamid.mkt-1', INDIA(40), '2026-10-12T12:00:03Z');
    await send('wamid.mkt-failed', INDIA(41), '2026-10-12T12:01:00Z', {
      category: 'MARKETING',
      name: 'promo',
    });
    await webhook(status('wamid.mkt-failed', INDIA(41), 'failed', '2026-10-12T12:01:03Z'));
    await send('wamid.mkt-pending', INDIA(42), '2026-10-12T12:02:00Z', {
      category: 'MARKETING',
      name: 'promo',
    });
    await send('wamid.us-auth', US, '2026-10-13T12:00:00Z', {
      category: 'AUTHENTICATION',
      name: 'otp',
    });
    await webhook(
      status('wamid.us-auth', US, 'delivered', '2026-10-13T12:00:02Z', {
        billable: true,
        pricing_model: 'PMP',
        type: 'regular',
        category: 'authentication',
      }),
    );
    // November traffic, for the forecast and to check months are kept apart
    await send('wamid.nov-util', INDIA(1), '2026-11-03T10:00:00Z', {
      category: 'UTILITY',
      name: 'order_update',
    });
    await delivered('wamid.nov-util', INDIA(1), '2026-11-03T10:00:05Z');
  });

  afterAll(async () => {
    await context.close();
  });

  it("simulating the recorded traffic of a month under its own rate card gives exactly that month's statement total", async () => {
    const statement = await context.module
      .get(StatementService)
      .monthlyStatement({ month: '2026-10', wabaId: WABA });
    const rows: { micros: string | number | null }[] = await context.module
      .get(DataSource)
      .query(
        `SELECT SUM(charge_amount_micros) AS micros FROM messages WHERE waba_id = '${WABA}' AND charge_month = '2026-10' AND charge_reason = 'BILLED'`,
      );
    const summed = toDecimalString(fromMicros(String(rows[0].micros)));
    const result = await simulations.simulate({
      scenarios: [{ name: 'own card', fromWabaId: WABA, fromMonth: '2026-10' }],
    });
    const [own] = result.scenarios;
    // The engine is shared, not copied: the replay equals what charging stored.
    expect(own.total).toBe(toDecimalString(statement.exactTotal));
    expect(own.total).toBe(summed);
    expect(own.currency).toBe('USD');
    expect(statement.billedMessages).toBeGreaterThan(10);
    const utility = own.lines.find(
      (line) => line.market === 'India' && line.pricingCategory === 'UTILITY',
    );
    expect(utility?.tiers).toEqual(['0:5', '6:MAX']);
    const service = own.lines.find((line) => line.pricingCategory === 'SERVICE');
    expect(service).toMatchObject({ messages: 5, billableMessages: 3, freeMessages: 2 });
  });

  it('moves recorded replies to the Business app: the saving is their billed amount', async () => {
    const result = await simulations.simulate({
      baseline: 'recorded',
      scenarios: [
        { name: 'recorded', fromWabaId: WABA, fromMonth: '2026-10' },
        { name: 'app', fromWabaId: WABA, fromMonth: '2026-10', movedToAppPercent: '40' },
      ],
    });
    const app = result.scenarios[1];
    // 40% of 5 replies = 2 replies moved, the last two, both billed at 0.0009
    expect(app.deltaFromBaseline).toBe('-0.0018');
    expect(app.lines.find((line) => line.pricingCategory === 'SERVICE')).toMatchObject({
      messages: 3,
      billableMessages: 1,
    });
    expect(app.uncategorized).toContainEqual({ reason: 'FREE_BUSINESS_APP', messages: 2 });
  });

  it('stores, lists, reruns and deletes saved scenarios', async () => {
    const saved = context.module.get(SavedScenariosService);
    await saved.save({
      name: 'Q1 plan',
      currency: 'USD',
      volumes: [{ month: '2026-10', country: 'IN', pricingCategory: 'UTILITY', messages: 7 }],
    });
    expect((await saved.list()).map((entry) => entry.name)).toEqual(['Q1 plan']);
    const result = await simulations.simulate({
      baseline: 'Q1 plan',
      scenarios: [
        { name: 'Q1 plan', savedName: 'Q1 plan' },
        { name: 'Q1 plan, no replies moved', savedName: 'Q1 plan', movedToAppPercent: '0' },
      ],
    });
    // the card in force on 2026-10-01 is the imported one: 5 × 0.0014 + 2 × 0.001
    expect(result.scenarios[0].total).toBe('0.009');
    expect(result.scenarios[1].deltaFromBaseline).toBe('0');
    expect(await saved.delete('Q1 plan')).toBe(true);
    expect(await saved.delete('Q1 plan')).toBe(false);
    await expect(
      simulations.simulate({ scenarios: [{ name: 'x', savedName: 'Q1 plan' }] }),
    ).rejects.toThrow('no saved scenario named "Q1 plan"');
  });

  it('reads recorded traffic in chunks of whole conversations with the same results as in one', async () => {
    const recorded = context.module.get(RecordedTrafficService);
    const scenarios = [
      { name: 'recorded', fromWabaId: WABA, fromMonth: '2026-10', toMonth: '2026-11' },
      { name: 'app', fromWabaId: WABA, fromMonth: '2026-10', movedToAppPercent: '40' },
      { name: 'growth', fromWabaId: WABA, fromMonth: '2026-10', growthPercent: '5' },
      { name: 'regime', fromWabaId: WABA, fromMonth: '2026-10', regimeDate: '2026-09-15' },
    ];
    const run = async () => ({
      simulation: await simulations.simulate({ baseline: 'recorded', scenarios }),
      forecast: await context.module
        .get(ForecastService)
        .forecast({ wabaId: WABA, months: 2 }, new Date('2026-12-15T12:00:00Z')),
    });
    const whole = await run();
    const defaultRows = recorded.chunkRows;
    // Two rows a chunk: every conversation in a chunk of its own (or with one other).
    recorded.chunkRows = 2;
    try {
      expect(await run()).toEqual(whole);
    } finally {
      recorded.chunkRows = defaultRows;
    }
    // October and November; two replies moved to the app leave the lines (uncategorized).
    expect(whole.simulation.scenarios.map((scenario) => scenario.messages)).toEqual([
      17, 14, 17, 17,
    ]);
  });

  it('refuses a recorded range beyond 24 months or outside 2000-01..2099-12', async () => {
    const refusal = async (fromMonth: string, toMonth: string) => {
      try {
        await simulations.simulate({
          scenarios: [{ name: 'range', fromWabaId: WABA, fromMonth, toMonth }],
        });
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        return { code: (error as DomainError).code, message: (error as DomainError).message };
      }
      throw new Error('the simulation was not refused');
    };
    expect(await refusal('1000-01', '9999-12')).toEqual({
      code: 'BAD_USER_INPUT',
      message:
        'scenario "range": fromMonth: fromMonth must be YYYY-MM from 2000-01 to 2099-12, e.g. "2026-03"; got "1000-01"; toMonth: toMonth must be YYYY-MM from 2000-01 to 2099-12, e.g. "2026-03"; got "9999-12"',
    });
    expect(await refusal('2026-01', '2028-01')).toEqual({
      code: 'BAD_USER_INPUT',
      message:
        'scenario "range": toMonth: recorded traffic spans at most 24 months; 2026-01 to 2028-01 is 25',
    });
    const longest = await simulations.simulate({
      scenarios: [{ name: 'range', fromWabaId: WABA, fromMonth: '2025-11', toMonth: '2027-10' }],
    });
    // September's context messages count now, with October's and November's.
    expect(longest.scenarios[0].messages).toBe(18);
  });

  it("forecasts next month from the last months' traffic with the assumptions listed", async () => {
    const forecast = await context.module
      .get(ForecastService)
      .forecast({ wabaId: WABA, months: 1 }, new Date('2026-11-15T12:00:00Z'));
    expect(forecast.targetMonth).toBe('2026-12');
    expect(forecast.historyMonths).toEqual(['2026-10']);
    expect(forecast.history[0].total).toBe(
      (
        await simulations.simulate({
          scenarios: [{ name: 'oct', fromWabaId: WABA, fromMonth: '2026-10' }],
        })
      ).scenarios[0].total,
    );
    expect(forecast.lines.every((line) => line.month === '2026-12')).toBe(true);
    expect(forecast.assumptions.join('\n')).toContain('monthly average');
    expect(Number(forecast.total)).toBeGreaterThan(0);
  });
});
