import type { INestApplication } from '@nestjs/common';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { createApplication } from '../../src/bootstrap';
import { createScratchDatabase, type ScratchDatabase } from '../utils/scratch-database.util';
import { ADMIN_KEY, describeEachDatabase } from '../utils/test-app.util';

const INDEX = '<!doctype html><title>WhatsApp billing</title><div id="root"></div>';
const PAGE = 'text/html,application/xhtml+xml';

describeEachDatabase('the web app served at /', (kind) => {
  let scratch: ScratchDatabase;
  let app: INestApplication;
  let dist: string;
  const server = () => app.getHttpServer() as App;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("app");');
    scratch = await createScratchDatabase(kind, { BOOTSTRAP_API_KEY: ADMIN_KEY });
    app = await createApplication(
      { ...scratch.config, runScheduler: false },
      { quiet: true, webDistDir: dist },
    );
  });
  afterAll(async () => {
    await app.close();
    await scratch.dispose();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / and for the app routes (history fallback), never cached', async () => {
    for (const path of ['/', '/statement', '/messages?month=2026-11&market=Mexico', '/explorer']) {
      const response = await request(server()).get(path).set('Accept', PAGE).expect(200);
      expect(response.text).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets for a year and answers 404 for a missing one', async () => {
    const asset = await request(server()).get('/assets/index-abc123.js').expect(200);
    expect(asset.text).toBe('console.log("app");');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await request(server()).get('/assets/gone.js').set('Accept', PAGE);
    expect(missing.status).toBe(404);
    expect(missing.text).not.toBe(INDEX);
  });

  it("sends a browser opening /graphql to the app's explorer instead of a CSRF error", async () => {
    const response = await request(server()).get('/graphql').set('Accept', PAGE).expect(302);
    expect(response.headers.location).toBe('/explorer');
  });

  it("keeps the service's own paths: GraphQL, health, exports, imports and webhooks", async () => {
    const graphql = await request(server())
      .post('/graphql')
      .set('Authorization', `Bearer ${ADMIN_KEY}`)
      .send({ query: '{ currentApiKey { role } }' })
      .expect(200);
    expect(graphql.body).toEqual({ data: { currentApiKey: { role: 'ADMIN' } } });
    const health = await request(server()).get('/health').set('Accept', PAGE);
    expect(health.headers['content-type']).toMatch(/json/);
    const download = await request(server())
      .get('/exports/00000000-0000-0000-0000-000000000000/download')
      .set('Accept', PAGE);
    expect(download.status).toBe(401);
    const importJob = await request(server())
      .get('/imports/00000000-0000-0000-0000-000000000000')
      .set('Accept', PAGE);
    expect(importJob.status).toBe(401);
    const webhook = await request(server()).get('/webhooks/whatsapp').set('Accept', PAGE);
    expect(webhook.text).not.toBe(INDEX);
  });

  it('says the app is not built when web/dist has no index.html', async () => {
    rmSync(join(dist, 'index.html'));
    const response = await request(server()).get('/overview').set('Accept', PAGE).expect(503);
    expect(response.text).toContain('npm run build:web');
    writeFileSync(join(dist, 'index.html'), INDEX);
  });
});
