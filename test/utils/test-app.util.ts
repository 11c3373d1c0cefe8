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
  config: AppConfig;
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
  // Tests drive the scheduler's steps themselves (with the instants they need).
  const config: AppConfig = { ...base, runScheduler: false, ...overrides };
  const app = await createApplication(config, { quiet: true });
  const apiKeys = app.get(ApiKeyService);
  const keys = {
    admin: ADMIN_KEY,
    operator: (await apiKeys.issue('operator', 'operator')).secret,
    finance: (await apiKeys.issue('finance', 'finance')).secret,
  };
  return wrapTestApp(kind, app, config, keys, async () => {
    await app.close();
    await scratch.dispose();
  });
}

/**
 * A second service process on the same database (and DATA_DIR) as `first`, as when several
 * replicas of the service run: its own Nest application, connections and scheduler state.
 * Closing it leaves the database to `first`.
 */
export async function createSecondTestApp(
  first: TestApp,
  overrides: Partial<AppConfig> = {},
): Promise<TestApp> {
  const config: AppConfig = { ...first.config, ...overrides };
  const app = await createApplication(config, { quiet: true });
  return wrapTestApp(first.kind, app, config, first.keys, () => app.close());
}

function wrapTestApp(
  kind: DatabaseKind,
  app: INestApplication,
  config: AppConfig,
  keys: TestApp['keys'],
  close: () => Promise<void>,
): TestApp {
  const server = app.getHttpServer() as App;
  const http = () => request.agent(server);
  return {
    kind,
    app,
    config,
    http,
    keys,
    async gql(query, variables = {}, key = keys.admin) {
      const call = request(server).post('/graphql').send({ query, variables });
      if (key !== null) call.set('Authorization', `Bearer ${key}`);
      const response = await call;
      return response.body as never;
    },
    close,
  };
}
