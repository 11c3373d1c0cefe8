import type { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { JobRunner } from '../../../src/jobs/services/job-runner.service';
import { ApiKeyService } from '../../../src/auth/services/api-key.service';
import { ExportEntity } from '../../../src/exports/entities/export.entity';
import { ExportRunnerService } from '../../../src/exports/services/export-runner.service';
import { createApplication } from '../../../src/bootstrap';
import { createScratchDatabase } from '../../utils/scratch-database.util';
import { describeEachDatabase, type DatabaseKind } from '../../utils/test-app.util';
import { insertScenario } from './reports-scenario.fixture';
import { ChargeWriter } from '../../../src/charging/services/charge-writer.service';

const STATEMENT_QUERY = `query ($input: StatementInput!) {
  monthlyStatement(input: $input) { currency exactTotal total lines { market quantity amount } }
}`;
const COST_REPORT_QUERY = `query ($input: CostReportInput!) {
  costReport(input: $input) { rows { month wabaId currency messages amount } totals { currency amount } }
}`;

describeEachDatabase('reports over GraphQL and export downloads', (kind) => {
  let app: INestApplication;
  let server: App;
  let finance: string;
  let operator: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const harness = await startApp(kind);
    ({ app, cleanup } = harness);
    server = app.getHttpServer() as App;
    const keys = app.get(ApiKeyService);
    finance = (await keys.issue('finance', 'finance')).secret;
    operator = (await keys.issue('operator', 'operator')).secret;
    await insertScenario(app.get(DataSource), app.get(ChargeWriter));
  });

  afterAll(async () => {
    await cleanup?.();
  });

  const gql = async (
    query: string,
    variables: Record<string, unknown>,
    key: string | null = finance,
  ) => {
    const call = request(server).post('/graphql').send({ query, variables });
    if (key !== null) call.set('Authorization', `Bearer ${key}`);
    return (await call).body as {
      data?: Record<string, any>;
      errors?: { extensions?: { code?: string } }[];
    };
  };

  const statementAndReport = async () => {
    const statement = await gql(STATEMENT_QUERY, { input: { month: '2026-03', wabaId: 'waba-a' } });
    const report = await gql(COST_REPORT_QUERY, {
      input: {
        from: '2026-02-28T00:00:00Z',
        to: '2026-04-02T00:00:00Z',
        groupBy: ['MONTH', 'WABA'],
        filter: { wabaIds: ['waba-a'], months: ['2026-03'] },
      },
    });
    return { statement: statement.data!.monthlyStatement, report: report.data!.costReport };
  };

  it('answers monthlyStatement and costReport with the same exact amount', async () => {
    const { statement, report } = await statementAndReport();
    expect(statement).toMatchObject({ currency: 'USD', exactTotal: '0.445', total: '0.45' });
    expect(report.rows).toEqual([
      { month: '2026-03', wabaId: 'waba-a', currency: 'USD', messages: 24, amount: '0.445' },
    ]);
  });

  it('needs an API key and reports typed errors', async () => {
    const anonymous = await gql(
      STATEMENT_QUERY,
      { input: { month: '2026-03', wabaId: 'waba-a' } },
      null,
    );
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await gql(STATEMENT_QUERY, { input: { month: 'March', wabaId: 'waba-a' } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('creates an export, runs it in the background and serves the file with the API key', async () => {
    const created = await gql(
      `mutation ($input: ExportInput!) { createExport(input: $input) { id status url rows } }`,
      { input: { kind: 'STATEMENT', format: 'CSV', month: '2026-03', wabaId: 'waba-a' } },
    );
    expect(created.errors).toBeUndefined();
    const { id, status, url } = created.data!.createExport;
    expect(status).toBe('PENDING');
    expect(url).toBeNull();
    await app.get(ExportRunnerService).idle();
    const done = await gql(`query ($id: ID!) { export(id: $id) { id status url rows } }`, { id });
    expect(done.data!.export).toEqual({
      id,
      status: 'DONE',
      url: `/exports/${id}/download`,
      rows: 5,
    });

    await request(server).get(`/exports/${id}/download`).expect(401);
    const response = await request(server)
      .get(`/exports/${id}/download`)
      .set('Authorization', `Bearer ${finance}`)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="statement-waba-a-2026-03.csv"',
    );
    const expected = readFileSync(
      join(__dirname, 'expected', 'statement-waba-a-2026-03.csv'),
      'utf8',
    );
    expect((response.body as Buffer).toString('utf8').split('\r\n')).toEqual(expected.split('\n'));
  });

  it('answers 404 for an unknown export and 409 for one not finished', async () => {
    await request(server)
      .get('/exports/00000000-0000-0000-0000-000000000000/download')
      .set('Authorization', `Bearer ${finance}`)
      .expect(404);
    const owner = await app.get(ApiKeyService).authenticate(finance);
    await app.get(DataSource).getRepository(ExportEntity).insert({
      id: '11111111-1111-1111-1111-111111111111',
      kind: 'MESSAGES',
      format: 'CSV',
      status: 'RUNNING',
      params: {},
      createdAt: new Date(),
      ownerKeyId: owner!.id,
    });
    const response = await request(server)
      .get('/exports/11111111-1111-1111-1111-111111111111/download')
      .set('Authorization', `Bearer ${finance}`)
      .expect(409);
    expect(response.body).toMatchObject({ error: 'EXPORT_NOT_READY' });
  });

  it('refuses an invalid export request', async () => {
    const refused = await gql(
      `mutation ($input: ExportInput!) { createExport(input: $input) { id } }`,
      { input: { kind: 'MESSAGES', format: 'PDF', month: '2026-03' } },
    );
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('still agrees to the last digit after a reprice', async () => {
    const repriced = await gql(
      `mutation ($input: RepriceInput!) { reprice(input: $input) { id status } }`,
      { input: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', wabaIds: ['waba-a'] } },
      operator,
    );
    expect(repriced.errors).toBeUndefined();
    expect(repriced.data?.reprice.status).toBe('QUEUED');
    await app.get(JobRunner).idle();
    const job = await gql(`query ($id: ID!) { job(id: $id) { status } }`, {
      id: repriced.data?.reprice.id,
    });
    expect(job.data?.job.status).toBe('DONE');
    const { statement, report } = await statementAndReport();
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0].amount).toBe(statement.exactTotal);
  });

  it('still agrees to the last digit after a rate card import re-rates the month', async () => {
    const before = (await statementAndReport()).statement.exactTotal;
    const imported = await gql(
      `mutation ($input: ImportRateCardInput!) { importRateCard(input: $input) { id } }`,
      {
        input: {
          name: 'Doubled USD 2026-03-15',
          currency: 'USD',
          effectiveFrom: '2026-03-15',
          ratesCsv: [
            'Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service',
            'Brazil,$US,0.125,0.0136,0.0136,n/a,0.0136',
            'India,$US,0.0214,0.0028,0.0028,0.056,0.0028',
            'North America,$US,0.05,0.0068,0.0068,n/a,0.0068',
          ].join('\n'),
        },
      },
      operator,
    );
    expect(imported.errors).toBeUndefined();
    await app.get(JobRunner).idle();
    const { statement, report } = await statementAndReport();
    expect(statement.exactTotal).not.toBe(before);
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0].amount).toBe(statement.exactTotal);
  });
});

async function startApp(
  kind: DatabaseKind,
): Promise<{ app: INestApplication; cleanup: () => Promise<void> }> {
  const scratch = await createScratchDatabase(kind);
  // production: the schema stays in memory instead of rewriting the committed schema.gql
  const app = await createApplication({ ...scratch.config, production: true }, { quiet: true });
  return {
    app,
    cleanup: async () => {
      await app.close();
      await scratch.dispose();
    },
  };
}
