import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { ApiKeyService } from '../../src/auth/services/api-key.service';
import { ExportEntity } from '../../src/exports/entities/export.entity';
import { ExportRunnerService } from '../../src/exports/services/export-runner.service';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';

const CREATE = `mutation ($input: ExportInput!) { createExport(input: $input) { id status } }`;
const READ = `query ($id: ID!) { export(id: $id) { id status url rows } }`;

describeEachDatabase('exports belong to the key that made them', (kind) => {
  let testApp: TestApp;
  let otherFinance: string;
  let exportId: string;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    otherFinance = (await testApp.app.get(ApiKeyService).issue('other finance', 'finance')).secret;
    const created = await testApp.gql<{ createExport: { id: string; status: string } }>(
      CREATE,
      { input: { kind: 'MESSAGES', format: 'CSV', month: '2026-03' } },
      testApp.keys.finance,
    );
    expect(created.errors).toBeUndefined();
    exportId = created.data!.createExport.id;
    await testApp.app.get(ExportRunnerService).idle();
  });
  afterAll(async () => {
    await testApp.close();
  });

  const read = (key: string) =>
    testApp.gql<{ export: { id: string; status: string } | null }>(READ, { id: exportId }, key);
  const download = (key: string, id = exportId) =>
    request(testApp.app.getHttpServer() as App)
      .get(`/exports/${id}/download`)
      .set('Authorization', `Bearer ${key}`);

  it('records the key that made the export', async () => {
    const [row] = await testApp.app
      .get(DataSource)
      .getRepository(ExportEntity)
      .findBy({ id: exportId });
    const finance = await testApp.app.get(ApiKeyService).authenticate(testApp.keys.finance);
    expect(row.ownerKeyId).toBe(finance!.id);
  });

  it('shows the export to its own key and to an admin key over GraphQL', async () => {
    const expected = {
      id: exportId,
      status: 'DONE',
      url: `/exports/${exportId}/download`,
      rows: 0,
    };
    expect((await read(testApp.keys.finance)).data!.export).toEqual(expected);
    expect((await read(testApp.keys.admin)).data!.export).toEqual(expected);
  });

  it('answers null to another finance key and to an operator key over GraphQL', async () => {
    const other = await read(otherFinance);
    expect(other.errors).toBeUndefined();
    expect(other.data!.export).toBeNull();
    const operator = await read(testApp.keys.operator);
    expect(operator.errors).toBeUndefined();
    expect(operator.data!.export).toBeNull();
  });

  it('serves the file to its own key and to an admin key', async () => {
    const own = await download(testApp.keys.finance).expect(200);
    expect(own.headers['content-disposition']).toBe(
      'attachment; filename="messages-all-2026-03.csv"',
    );
    expect(own.text.split('\r\n')[0]).toMatch(/^\uFEFF?wamid,waba_id,phone_number_id,/);
    await download(testApp.keys.admin).expect(200);
  });

  it("answers another key's download 404, as for an export that does not exist", async () => {
    const other = await download(otherFinance).expect(404);
    expect(other.body).toEqual({ error: 'NOT_FOUND', message: `no export "${exportId}"` });
    const operator = await download(testApp.keys.operator).expect(404);
    expect(operator.body).toEqual({ error: 'NOT_FOUND', message: `no export "${exportId}"` });
    const unknown = '00000000-0000-0000-0000-000000000000';
    const missing = await download(otherFinance, unknown).expect(404);
    expect(missing.body).toEqual({ error: 'NOT_FOUND', message: `no export "${unknown}"` });
    // Not an export id at all (a NUL byte would reach PostgreSQL): 404 as well, never 500.
    const garbage = await download(otherFinance, '%00abc').expect(404);
    expect(garbage.body).toEqual({ error: 'NOT_FOUND', message: 'no export "\u0000abc"' });
  });

  it('shows an export without a recorded owner to admin keys only', async () => {
    const id = '22222222-2222-2222-2222-222222222222';
    await testApp.app.get(DataSource).getRepository(ExportEntity).insert({
      id,
      kind: 'MESSAGES',
      format: 'CSV',
      status: 'RUNNING',
      params: {},
      createdAt: new Date(),
      ownerKeyId: null,
    });
    const query = (key: string) =>
      testApp.gql<{ export: { id: string } | null }>(READ, { id }, key);
    expect((await query(testApp.keys.finance)).data!.export).toBeNull();
    expect((await query(testApp.keys.admin)).data!.export).toMatchObject({ id });
    const refused = await download(testApp.keys.finance, id).expect(404);
    expect(refused.body).toEqual({ error: 'NOT_FOUND', message: `no export "${id}"` });
    const notReady = await download(testApp.keys.admin, id).expect(409);
    expect(notReady.body).toEqual({
      error: 'EXPORT_NOT_READY',
      message: `export "${id}" is RUNNING, not DONE`,
    });
  });
});
