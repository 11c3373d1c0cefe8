import request from 'supertest';
import type { App } from 'supertest/types';
import { DownloadLinkService } from '../../src/exports/services/download-link.service';
import { ExportRunnerService } from '../../src/exports/services/export-runner.service';
import { DataSource } from 'typeorm';
import {
  createSecondTestApp,
  createTestApp,
  describeEachDatabase,
  type TestApp,
} from '../utils/test-app.util';
import { echo, postWebhook, WABA } from '../utils/webhook.util';

const US = '12126647665';
const MX = '5215512340001';

/** Four messages sent from the Business app in November 2026 (service replies are charged then). */
async function seedBusinessAppMonth(testApp: TestApp): Promise<void> {
  await postWebhook(testApp, echo('wamid.app-us-1', US, '2026-11-03T10:00:00Z'));
  await postWebhook(testApp, echo('wamid.app-mx-1', MX, '2026-11-04T10:00:00Z'));
  await postWebhook(testApp, echo('wamid.app-us-2', US, '2026-11-04T11:00:00Z'));
  await postWebhook(testApp, echo('wamid.app-us-3', US, '2026-11-05T10:00:00Z'));
  const upsert = await testApp.gql(
    `mutation { upsertWaba(input: { wabaId: "${WABA}", freeServiceAllowance: 1 }) { wabaId } }`,
  );
  expect(upsert.errors).toBeUndefined();
  await testApp.settle();
}

describeEachDatabase('what the web app reads from the API', (kind) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    await seedBusinessAppMonth(testApp);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('names the key a request is made with and its role', async () => {
    const query = `{ currentApiKey { name role } }`;
    expect((await testApp.gql(query, {}, testApp.keys.finance)).data).toEqual({
      currentApiKey: { name: 'finance', role: 'FINANCE' },
    });
    expect((await testApp.gql(query, {}, testApp.keys.operator)).data).toEqual({
      currentApiKey: { name: 'operator', role: 'OPERATOR' },
    });
    const wrong = await testApp.gql(query, {}, 'not-a-key-0123456789');
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('prices the Business app messages as Cloud API service replies after the free allowance', async () => {
    const result = await testApp.gql<{ businessAppSavings: unknown }>(
      `{ businessAppSavings(input: { month: "2026-11", wabaId: "${WABA}" }) {
          month currency messages billedMessages freeMessages unpricedMessages amount
          byMarket { market messages billedMessages unpricedMessages amount } } }`,
      {},
      testApp.keys.finance,
    );
    expect(result.errors).toBeUndefined();
    // Allowance 1: the first message (3 Nov, North America) is free; then Mexico 0.0085 and
    // two North America replies at 0.0034 (the USD card of 2026-10-01, service column).
    expect(result.data!.businessAppSavings).toEqual({
      month: '2026-11',
      currency: 'USD',
      messages: 4,
      billedMessages: 3,
      freeMessages: 1,
      unpricedMessages: 0,
      amount: '0.0153',
      byMarket: [
        { market: 'Mexico', messages: 1, billedMessages: 1, unpricedMessages: 0, amount: '0.0085' },
        {
          market: 'North America',
          messages: 3,
          billedMessages: 2,
          unpricedMessages: 0,
          amount: '0.0068',
        },
      ],
    });
  });

  it('saves nothing before service replies were charged', async () => {
    await postWebhook(testApp, echo('wamid.app-us-old', US, '2026-09-10T10:00:00Z'));
    await testApp.settle();
    const result = await testApp.gql<{ businessAppSavings: Record<string, unknown> }>(
      `{ businessAppSavings(input: { month: "2026-09", wabaId: "${WABA}" }) {
          messages billedMessages freeMessages amount } }`,
    );
    expect(result.data!.businessAppSavings).toEqual({
      messages: 1,
      billedMessages: 0,
      freeMessages: 1,
      amount: '0',
    });
  });

  it('filters messages by every report dimension', async () => {
    const count = async (filter: string) => {
      const result = await testApp.gql<{ messages: { edges: { node: { wamid: string } }[] } }>(
        `{ messages(filter: { ${filter} }) { edges { node { wamid } } } }`,
      );
      expect(result.errors).toBeUndefined();
      return result.data!.messages.edges.map((edge) => edge.node.wamid).sort();
    };
    expect(await count('months: ["2026-11"]')).toHaveLength(4);
    expect(await count('months: ["2026-11"], markets: ["Mexico"]')).toEqual(['wamid.app-mx-1']);
    expect(await count('countries: ["mx"]')).toEqual(['wamid.app-mx-1']);
    expect(await count('days: ["2026-11-04"]')).toEqual(['wamid.app-mx-1', 'wamid.app-us-2']);
    expect(await count(`portfolioIds: ["${WABA}"], months: ["2026-11"]`)).toHaveLength(4);
    expect(await count('portfolioIds: ["another-portfolio"]')).toEqual([]);
    expect(await count('currencies: ["usd"], months: ["2026-11"]')).toHaveLength(4);
    expect(await count('currencies: ["EUR"]')).toEqual([]);
    expect(await count('tiers: ["0:750000"]')).toEqual([]);
  });

  describe('signed download links', () => {
    let exportId: string;
    let downloadUrl: string;
    const server = () => testApp.app.getHttpServer() as App;

    beforeAll(async () => {
      const created = await testApp.gql<{ createExport: { id: string } }>(
        `mutation { createExport(input: { kind: STATEMENT, format: CSV, month: "2026-11", wabaId: "${WABA}" }) { id } }`,
        {},
        testApp.keys.finance,
      );
      exportId = created.data!.createExport.id;
      await testApp.app.get(ExportRunnerService).idle();
      const read = await testApp.gql<{ export: { downloadUrl: string } }>(
        `query ($id: ID!) { export(id: $id) { downloadUrl } }`,
        { id: exportId },
        testApp.keys.finance,
      );
      downloadUrl = read.data!.export.downloadUrl;
    });

    it('downloads without an API key, the same file as with the key, and the key is not in it', async () => {
      expect(downloadUrl).toMatch(
        new RegExp(`^/exports/${exportId}/file\\?expires=\\d+&signature=[0-9a-f]{64}$`),
      );
      expect(downloadUrl).not.toContain(testApp.keys.finance);
      const signed = await request(server()).get(downloadUrl).expect(200);
      const keyed = await request(server())
        .get(`/exports/${exportId}/download`)
        .set('Authorization', `Bearer ${testApp.keys.finance}`)
        .expect(200);
      expect(signed.text).toBe(keyed.text);
      expect(signed.headers['content-disposition']).toBe(keyed.headers['content-disposition']);
      expect(signed.text).toContain('ST-W-102290129340398-2026-11-USD');
    });

    it('refuses a tampered, incomplete or expired link with 403', async () => {
      const tampered = downloadUrl.replace(/signature=([0-9a-f])/, (_all, first: string) =>
        first === '0' ? 'signature=1' : 'signature=0',
      );
      expect((await request(server()).get(tampered).expect(403)).body.error).toBe('FORBIDDEN');
      await request(server()).get(`/exports/${exportId}/file`).expect(403);
      const links = testApp.app.get(DownloadLinkService);
      const old = links.sign({ id: exportId, ownerKeyId: null }, Date.now() - 3_600_000);
      const expiredOwnLink = await request(server()).get(old).expect(403);
      expect(expiredOwnLink.body.error).toBe('FORBIDDEN');
    });

    it('honours a link in every process of the database and after a restart (the key is stored in it)', async () => {
      const [, query] = downloadUrl.split('?');
      const params = new URLSearchParams(query);
      const exported = { id: exportId, ownerKeyId: null as string | null };
      const owner = await testApp.app
        .get(DataSource)
        .query(`SELECT owner_key_id FROM exports WHERE id = '${exportId}'`);
      exported.ownerKeyId = (owner as { owner_key_id: string | null }[])[0].owner_key_id;
      const restarted = new DownloadLinkService(testApp.app.get(DataSource));
      await restarted.onModuleInit();
      expect(() =>
        restarted.verify(exported, params.get('expires')!, params.get('signature')!),
      ).not.toThrow();
      if (kind === 'postgres') {
        const second = await createSecondTestApp(testApp);
        try {
          const fromSecond = await request(second.app.getHttpServer() as App)
            .get(downloadUrl)
            .expect(200);
          expect(fromSecond.text).toContain('ST-W-102290129340398-2026-11-USD');
        } finally {
          await second.close();
        }
      }
    });
  });
});
