import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { ApiKeyService } from '../../src/auth/services/api-key.service';
import { createApplication } from '../../src/bootstrap';
import { WebhookQueue } from '../../src/ingestion/services/webhook-queue.service';
import { JobRunner } from '../../src/jobs/services/job-runner.service';
import { JobsService } from '../../src/jobs/services/jobs.service';
import type { AppConfig } from '../../src/config/app-config';
import { createScratchDatabase } from './scratch-database.util';

export type DatabaseKind = 'sqlite' | 'postgres';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';
export const APP_SECRET = 'test-app-secret';

export interface TestApp {
  kind: DatabaseKind;
  /** The configuration it runs with (another process on the same database reuses it). */
  config: AppConfig;
  app: INestApplication;
  http: () => request.Agent;
  keys: { admin: string; operator: string; finance: string };
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    key?: string | null,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }>;
  /** Waits until the webhook queue and the jobs (re-rates, exports) have nothing left to do. */
  settle(): Promise<void>;
  /** Stops the service and drops its scratch database (unless it shares another app's). */
  close(): Promise<void>;
  /** Stops the service only, as a process that exits; the database stays. */
  stop(): Promise<void>;
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

/**
 * A service on a scratch database; with `sameDatabaseAs`, a second service process on another
 * app's database (its close() leaves the database to the first app).
 */
export async function createTestApp(
  kind: DatabaseKind,
  overrides: Partial<AppConfig> = {},
  sameDatabaseAs?: TestApp,
): Promise<TestApp> {
  const scratch =
    sameDatabaseAs === undefined
      ? await createScratchDatabase(kind, {
          BOOTSTRAP_API_KEY: ADMIN_KEY,
          WHATSAPP_APP_SECRET: APP_SECRET,
          WHATSAPP_VERIFY_TOKEN: 'verify-me',
        })
      : { config: sameDatabaseAs.config, dispose: () => Promise.resolve() };
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
  const server = app.getHttpServer() as App;
  const http = () => request.agent(server);
  let closed = false;
  return {
    kind,
    config,
    app,
    http,
    keys,
    async gql(query, variables = {}, key = keys.admin) {
      const call = request(server).post('/graphql').send({ query, variables });
      if (key !== null) call.set('Authorization', `Bearer ${key}`);
      const response = await call;
      return response.body as never;
    },
    async settle() {
      for (;;) {
        await app.get(WebhookQueue).idle();
        await app.get(JobRunner).idle();
        if (!(await app.get(JobsService).busy())) return;
      }
    },
    async close() {
      if (!closed) await app.close();
      closed = true;
      await scratch.dispose();
    },
    async stop() {
      if (!closed) await app.close();
      closed = true;
    },
  };
}

/**
 * A second service process on the same database (and DATA_DIR) as `first`, as when several
 * replicas of the service run: its own Nest application, connections and scheduler state.
 * Closing it leaves the database to `first`.
 */
export function createSecondTestApp(
  first: TestApp,
  overrides: Partial<AppConfig> = {},
): Promise<TestApp> {
  return createTestApp(first.kind, overrides, first);
}
