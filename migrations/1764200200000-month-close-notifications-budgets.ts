import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The month that closes itself and budgets: notification deliveries (unique event key per channel,
 * retries, claims) and their attempt log; month closes (the unique WABA × month row is the
 * claim that makes one process close a month) and the statement revisions they issued; monthly
 * budgets and the thresholds they crossed (unique budget × month × threshold: notified once).
 */
export class MonthCloseNotificationsBudgets1764200200000 implements MigrationInterface {
  name = 'MonthCloseNotificationsBudgets1764200200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = queryRunner.connection.options.type === 'postgres' ? POSTGRES : SQLITE;
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'budget_alerts',
      'budgets',
      'month_closes',
      'statement_revisions',
      'notification_attempts',
      'notification_deliveries',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}

const SQLITE = [
  `CREATE TABLE "budget_alerts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "budget_id" integer NOT NULL, "month" varchar(7) NOT NULL, "threshold" integer NOT NULL, "basis" varchar(16) NOT NULL, "spend" varchar(40) NOT NULL, "forecast" varchar(40), "budget" varchar(40) NOT NULL, "fired_at" bigint NOT NULL)`,
  `CREATE UNIQUE INDEX "uq_budget_alerts" ON "budget_alerts" ("budget_id", "month", "threshold") `,
  `CREATE TABLE "budgets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "scope" varchar(16) NOT NULL, "scope_id" varchar(64) NOT NULL, "amount" varchar(40) NOT NULL, "currency" varchar(3) NOT NULL, "forecast_amount" varchar(40), "forecast_month" varchar(7), "forecast_at" bigint, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL)`,
  `CREATE UNIQUE INDEX "uq_budgets_scope" ON "budgets" ("scope", "scope_id") `,
  `CREATE TABLE "month_closes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "waba_id" varchar(64) NOT NULL, "month" varchar(7) NOT NULL, "status" varchar(16) NOT NULL, "revision" integer NOT NULL DEFAULT (0), "statement_number" varchar(128), "currency" varchar(3), "exact_total" varchar(40), "fingerprint" varchar(64), "export_ids" text, "claimed_by" varchar(120) NOT NULL, "lease_until" bigint NOT NULL, "error" text, "closed_at" bigint, "updated_at" bigint NOT NULL)`,
  `CREATE UNIQUE INDEX "uq_month_closes_waba_month" ON "month_closes" ("waba_id", "month") `,
  `CREATE TABLE "statement_revisions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "waba_id" varchar(64) NOT NULL, "month" varchar(7) NOT NULL, "revision" integer NOT NULL, "statement_number" varchar(128) NOT NULL, "currency" varchar(3) NOT NULL, "exact_total" varchar(40) NOT NULL, "total" varchar(40) NOT NULL, "fingerprint" varchar(64) NOT NULL, "export_ids" text NOT NULL, "issued_at" bigint NOT NULL)`,
  `CREATE UNIQUE INDEX "uq_statement_revisions" ON "statement_revisions" ("waba_id", "month", "revision") `,
  `CREATE TABLE "notification_attempts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "delivery_id" integer NOT NULL, "attempt" integer NOT NULL, "attempted_at" bigint NOT NULL, "succeeded" boolean NOT NULL, "status_code" integer, "error" text, "duration_ms" integer NOT NULL)`,
  `CREATE INDEX "idx_notification_attempts_delivery" ON "notification_attempts" ("delivery_id") `,
  `CREATE TABLE "notification_deliveries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "event_key" varchar(200) NOT NULL, "event_type" varchar(64) NOT NULL, "channel" varchar(16) NOT NULL, "payload" text NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" bigint NOT NULL, "lease_until" bigint, "last_status_code" integer, "last_error" text, "created_at" bigint NOT NULL, "delivered_at" bigint)`,
  `CREATE INDEX "idx_notification_deliveries_due" ON "notification_deliveries" ("status", "next_attempt_at") `,
  `CREATE UNIQUE INDEX "uq_notification_deliveries_event" ON "notification_deliveries" ("event_key", "channel") `,
];

const POSTGRES = [
  `CREATE TABLE "budget_alerts" ("id" SERIAL NOT NULL, "budget_id" integer NOT NULL, "month" character varying(7) NOT NULL, "threshold" integer NOT NULL, "basis" character varying(16) NOT NULL, "spend" character varying(40) NOT NULL, "forecast" character varying(40), "budget" character varying(40) NOT NULL, "fired_at" bigint NOT NULL, CONSTRAINT "PK_d8d537f43c8f669b9768235b9a6" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "uq_budget_alerts" ON "budget_alerts"  ("budget_id", "month", "threshold") `,
  `CREATE TABLE "budgets" ("id" SERIAL NOT NULL, "scope" character varying(16) NOT NULL, "scope_id" character varying(64) NOT NULL, "amount" character varying(40) NOT NULL, "currency" character varying(3) NOT NULL, "forecast_amount" character varying(40), "forecast_month" character varying(7), "forecast_at" bigint, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, CONSTRAINT "PK_9c8a51748f82387644b773da482" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "uq_budgets_scope" ON "budgets"  ("scope", "scope_id") `,
  `CREATE TABLE "month_closes" ("id" SERIAL NOT NULL, "waba_id" character varying(64) NOT NULL, "month" character varying(7) NOT NULL, "status" character varying(16) NOT NULL, "revision" integer NOT NULL DEFAULT '0', "statement_number" character varying(128), "currency" character varying(3), "exact_total" character varying(40), "fingerprint" character varying(64), "export_ids" text, "claimed_by" character varying(120) NOT NULL, "lease_until" bigint NOT NULL, "error" text, "closed_at" bigint, "updated_at" bigint NOT NULL, CONSTRAINT "PK_c546e0803f7db7ff4d0ec62bd46" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "uq_month_closes_waba_month" ON "month_closes"  ("waba_id", "month") `,
  `CREATE TABLE "statement_revisions" ("id" SERIAL NOT NULL, "waba_id" character varying(64) NOT NULL, "month" character varying(7) NOT NULL, "revision" integer NOT NULL, "statement_number" character varying(128) NOT NULL, "currency" character varying(3) NOT NULL, "exact_total" character varying(40) NOT NULL, "total" character varying(40) NOT NULL, "fingerprint" character varying(64) NOT NULL, "export_ids" text NOT NULL, "issued_at" bigint NOT NULL, CONSTRAINT "PK_8cf435b79ce997c67da79b9933c" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "uq_statement_revisions" ON "statement_revisions"  ("waba_id", "month", "revision") `,
  `CREATE TABLE "notification_attempts" ("id" SERIAL NOT NULL, "delivery_id" integer NOT NULL, "attempt" integer NOT NULL, "attempted_at" bigint NOT NULL, "succeeded" boolean NOT NULL, "status_code" integer, "error" text, "duration_ms" integer NOT NULL, CONSTRAINT "PK_f6abd34f351bbbf11c7ae8e7565" PRIMARY KEY ("id"))`,
  `CREATE INDEX "idx_notification_attempts_delivery" ON "notification_attempts"  ("delivery_id") `,
  `CREATE TABLE "notification_deliveries" ("id" SERIAL NOT NULL, "event_key" character varying(200) NOT NULL, "event_type" character varying(64) NOT NULL, "channel" character varying(16) NOT NULL, "payload" text NOT NULL, "status" character varying(16) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" bigint NOT NULL, "lease_until" bigint, "last_status_code" integer, "last_error" text, "created_at" bigint NOT NULL, "delivered_at" bigint, CONSTRAINT "PK_81daeff81f237bd384f7cfc4a4c" PRIMARY KEY ("id"))`,
  `CREATE INDEX "idx_notification_deliveries_due" ON "notification_deliveries"  ("status", "next_attempt_at") `,
  `CREATE UNIQUE INDEX "uq_notification_deliveries_event" ON "notification_deliveries"  ("event_key", "channel") `,
];
