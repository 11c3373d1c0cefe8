import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ApiKeyIdsAndExportOwners1764115200000 } from '../../migrations/1764115200000-api-key-ids-and-export-owners';
import { hashApiKey } from '../../src/auth/services/api-key.service';
import { createApplication } from '../../src/bootstrap';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { createScratchDatabase, type ScratchDatabase } from '../utils/scratch-database.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';
import request from 'supertest';
import type { App } from 'supertest/types';

const KEYS = `{ apiKeys { id name role keyId } }`;
const KEY_ID = /^key_[0-9a-f]{12}$/;

describeEachDatabase('API key ids', (kind) => {
  describe('new keys', () => {
    let testApp: TestApp;

    beforeAll(async () => {
      testApp = await createTestApp(kind);
    });
    afterAll(async () => {
      await testApp.close();
    });

    it('show a random public key id and store no part of the secret', async () => {
      const issued = await testApp.gql<{
        createApiKey: { secret: string; apiKey: { keyId: string; name: string; role: string } };
      }>(
        `mutation { createApiKey(input: { name: "reports robot", role: FINANCE }) { secret apiKey { keyId name role } } }`,
      );
      expect(issued.errors).toBeUndefined();
      const { secret, apiKey } = issued.data!.createApiKey;
      expect(apiKey.role).toBe('FINANCE');
      expect(apiKey.keyId).toMatch(KEY_ID);
      expect(secret.includes(apiKey.keyId.slice(4))).toBe(false);

      const listed = await testApp.gql<{ apiKeys: { keyId: string; name: string }[] }>(KEYS);
      expect(listed.errors).toBeUndefined();
      const ids = listed.data!.apiKeys.map((key) => key.keyId);
      expect(ids.every((id) => KEY_ID.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);

      // Nothing stored holds the beginning of a secret (the bootstrap key's included).
      const rows: Record<string, unknown>[] = await testApp.app
        .get(DataSource)
        .query(`SELECT * FROM api_keys`);
      const stored = rows.flatMap((row) => Object.values(row).map(String));
      for (const key of [secret, testApp.keys.admin, testApp.keys.finance]) {
        expect(stored.some((value) => value.includes(key.slice(0, 6)))).toBe(false);
      }
      expect(Object.keys(rows[0])).not.toContain('key_prefix');
    });
  });

  describe('keys stored before key ids', () => {
    let scratch: ScratchDatabase;
    const secret = 'legacy-bootstrap-0123';

    beforeAll(async () => {
      scratch = await createScratchDatabase(kind);
      // The schema as it was, with a key that kept its first eight characters.
      const before = new DataSource({
        ...buildDataSourceOptions(scratch.config),
        migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(ApiKeyIdsAndExportOwners1764115200000)),
      });
      await before.initialize();
      await before.query(
        `INSERT INTO api_keys (id, name, role, key_hash, key_prefix, created_at) VALUES ('11111111-1111-1111-1111-111111111111', 'legacy', 'admin', '${hashApiKey(secret)}', '${secret.slice(0, 8)}', 1764000000000)`,
      );
      await before.destroy();
    });
    afterAll(async () => {
      await scratch.dispose();
    });

    it('keep working after the migration, with a key id and without their prefix', async () => {
      const app = await createApplication({ ...scratch.config, production: true }, { quiet: true });
      try {
        const response = await request(app.getHttpServer() as App)
          .post('/graphql')
          .set('Authorization', `Bearer ${secret}`)
          .send({ query: KEYS })
          .expect(200);
        const body = response.body as {
          data?: { apiKeys: { id: string; name: string; role: string; keyId: string }[] };
          errors?: unknown;
        };
        expect(body.errors).toBeUndefined();
        expect(body.data!.apiKeys).toEqual([
          {
            id: '11111111-1111-1111-1111-111111111111',
            name: 'legacy',
            role: 'ADMIN',
            keyId: expect.stringMatching(KEY_ID),
          },
        ]);
        const rows: Record<string, unknown>[] = await app
          .get(DataSource)
          .query(`SELECT * FROM api_keys`);
        expect(Object.keys(rows[0])).not.toContain('key_prefix');
        expect(Object.values(rows[0]).map(String)).not.toContain(secret.slice(0, 8));
      } finally {
        await app.close();
      }
    });
  });
});
