import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { ApiKeyService } from '../../src/auth/services/api-key.service';
import { createApplication } from '../../src/bootstrap';
import type { AppConfig } from '../../src/config/app-config';
import { createScratchDatabase } from './scratch-database.util';

export type DatabaseKind = 'sqlite' | 'postgres';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';
export const APP_SECRET = 'test-app-secret';

export interface TestApp {
  kind: DatabaseKind;
  app: INestApplication;
  http: () => request.Agent;
  keys: { admin: string; operator: string; finance: string };
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    key?: string | null,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }>;
  close(): Promise<void>;
}

/** Runs a suite on SQLite always, and on PostgreSQL when TEST_DATABASE_URL is set. */
export function describeEachDatabase(title: string, suite: (kind: DatabaseKind) => void): void {
  describe(`${title} [SQLite]`, () => suite('sqlite'));
  if (process.env.TEST_DATABASE_URL) {
    describe(`${title} [PostgreSQL]`, () => suite('postgres'));
  } else {
    describe.skip(`${title} [PostgreSQL (skipped: TEST_DATABASE_URL not set)]`, () =>
      suite('postgres'));
  }
}

export async function createTestApp(
  kind: DatabaseKind,
  overrides: Partial<AppConfig> = {},
): Promise<TestApp> {
  const scratch = await createScratchDatabase(kind, {
    BOOTSTRAP_API_KEY: ADMIN_KEY,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'verify-me',
  });
  const base = scratch.config;
  const config: AppConfig = { ...base, ...overrides };
  const app = await createApplication(config, { quiet: true });
  const apiKeys = app.get(ApiKeyService);
  const keys = {
    admin: ADMIN_KEY,
    operator: (await apiKeys.issue('operator', 'operator')).secret,
    finance: (await apiKeys.issue('finance', 'finance')).secret,
  };
  const server = app.getHttpServer() as App;
  const http = () => request.agent(server);
  return {
    kind,
    app,
    http,
    keys,
    async gql(query, variables = {}, key = keys.admin) {
      const call = request(server).post('/graphql').send({ query, variables });
      if (key !== null) call.set('Authorization', `Bearer ${key}`);
      const response = await call;
      return response.body as never;
    },
    async close() {
      await app.close();
      await scratch.dispose();
    },
  };
}
