import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Charge rollups for fast statements and reports, an index to find messages by wamid, and a processed marker on the raw event log
 * (webhooks are answered once logged and applied by a queue). Bodies logged before this
 * migration were applied synchronously, so they are marked processed.
 */
export class ChargeRollupsAndWebhookQueue1764090000000 implements MigrationInterface {
  name = 'ChargeRollupsAndWebhookQueue1764090000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = queryRunner.connection.options.type === 'postgres' ? POSTGRES : SQLITE;
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "charge_rollups"`);
    await queryRunner.query(`DROP INDEX "idx_messages_wamid"`);
    await queryRunner.query(`DROP INDEX "idx_raw_events_processed"`);
    await queryRunner.query(`ALTER TABLE "raw_events" DROP COLUMN "processed_at"`);
  }
}

const SQLITE = [
  `CREATE INDEX "idx_messages_wamid" ON "messages" ("wamid")`,
  `CREATE TABLE "charge_rollups" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "waba_id" varchar(64) NOT NULL DEFAULT (''), "portfolio_id" varchar(64) NOT NULL DEFAULT (''), "phone_number_id" varchar(64) NOT NULL DEFAULT (''), "charge_month" varchar(7) NOT NULL DEFAULT (''), "charge_day" varchar(10) NOT NULL DEFAULT (''), "charge_currency" varchar(3) NOT NULL DEFAULT (''), "charge_reason" varchar(32) NOT NULL DEFAULT (''), "charge_market" varchar(64) NOT NULL DEFAULT (''), "charge_country" varchar(2) NOT NULL DEFAULT (''), "charge_pricing_category" varchar(32) NOT NULL DEFAULT (''), "charge_tier" varchar(48) NOT NULL DEFAULT (''), "charge_rate" varchar(40) NOT NULL DEFAULT (''), "origin" varchar(16) NOT NULL DEFAULT (''), "messages" bigint NOT NULL DEFAULT (0), "billable_messages" bigint NOT NULL DEFAULT (0), "free_messages" bigint NOT NULL DEFAULT (0), "amount_micros" bigint NOT NULL DEFAULT (0))`,
  `CREATE INDEX "idx_charge_rollups_portfolio_month" ON "charge_rollups" ("portfolio_id", "charge_month") `,
  `CREATE UNIQUE INDEX "uq_charge_rollups_key" ON "charge_rollups" ("waba_id", "portfolio_id", "phone_number_id", "charge_month", "charge_day", "charge_currency", "charge_reason", "charge_market", "charge_country", "charge_pricing_category", "charge_tier", "charge_rate", "origin") `,
  `DROP INDEX "uq_raw_events_sha256"`,
  `CREATE TABLE "temporary_raw_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "received_at" bigint NOT NULL, "source" varchar(16) NOT NULL, "body_sha256" varchar(64) NOT NULL, "body" text NOT NULL, "processed_at" bigint)`,
  `INSERT INTO "temporary_raw_events"("id", "received_at", "source", "body_sha256", "body") SELECT "id", "received_at", "source", "body_sha256", "body" FROM "raw_events"`,
  `DROP TABLE "raw_events"`,
  `ALTER TABLE "temporary_raw_events" RENAME TO "raw_events"`,
  `CREATE UNIQUE INDEX "uq_raw_events_sha256" ON "raw_events" ("body_sha256") `,
  `CREATE INDEX "idx_raw_events_processed" ON "raw_events" ("processed_at") `,
  `UPDATE "raw_events" SET "processed_at" = "received_at"`,
  `INSERT INTO charge_rollups (waba_id, portfolio_id, phone_number_id, charge_month, charge_day, charge_currency, charge_reason, charge_market, charge_country, charge_pricing_category, charge_tier, charge_rate, origin, messages, billable_messages, free_messages, amount_micros) SELECT COALESCE(waba_id, ''), COALESCE(portfolio_id, ''), COALESCE(phone_number_id, ''), COALESCE(charge_month, ''), COALESCE(charge_day, ''), COALESCE(charge_currency, ''), COALESCE(charge_reason, ''), COALESCE(charge_market, ''), COALESCE(charge_country, ''), COALESCE(charge_pricing_category, ''), COALESCE(charge_tier, ''), COALESCE(charge_rate, ''), COALESCE(origin, ''), COUNT(*), SUM(CASE WHEN charge_billable THEN 1 ELSE 0 END), SUM(CASE WHEN charge_reason LIKE 'FREE_%' THEN 1 ELSE 0 END), SUM(charge_amount_micros) FROM messages WHERE charge_month IS NOT NULL GROUP BY COALESCE(waba_id, ''), COALESCE(portfolio_id, ''), COALESCE(phone_number_id, ''), COALESCE(charge_month, ''), COALESCE(charge_day, ''), COALESCE(charge_currency, ''), COALESCE(charge_reason, ''), COALESCE(charge_market, ''), COALESCE(charge_country, ''), COALESCE(charge_pricing_category, ''), COALESCE(charge_tier, ''), COALESCE(charge_rate, ''), COALESCE(origin, '')`,
];

const POSTGRES = [
  `CREATE INDEX "idx_messages_wamid" ON "messages" ("wamid")`,
  `CREATE TABLE "charge_rollups" ("id" SERIAL NOT NULL, "waba_id" character varying(64) NOT NULL DEFAULT '', "portfolio_id" character varying(64) NOT NULL DEFAULT '', "phone_number_id" character varying(64) NOT NULL DEFAULT '', "charge_month" character varying(7) NOT NULL DEFAULT '', "charge_day" character varying(10) NOT NULL DEFAULT '', "charge_currency" character varying(3) NOT NULL DEFAULT '', "charge_reason" character varying(32) NOT NULL DEFAULT '', "charge_market" character varying(64) NOT NULL DEFAULT '', "charge_country" character varying(2) NOT NULL DEFAULT '', "charge_pricing_category" character varying(32) NOT NULL DEFAULT '', "charge_tier" character varying(48) NOT NULL DEFAULT '', "charge_rate" character varying(40) NOT NULL DEFAULT '', "origin" character varying(16) NOT NULL DEFAULT '', "messages" bigint NOT NULL DEFAULT '0', "billable_messages" bigint NOT NULL DEFAULT '0', "free_messages" bigint NOT NULL DEFAULT '0', "amount_micros" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_9a5e6f25b488c9559588f9edd6b" PRIMARY KEY ("id"))`,
  `CREATE INDEX "idx_charge_rollups_portfolio_month" ON "charge_rollups"  ("portfolio_id", "charge_month") `,
  `CREATE UNIQUE INDEX "uq_charge_rollups_key" ON "charge_rollups"  ("waba_id", "portfolio_id", "phone_number_id", "charge_month", "charge_day", "charge_currency", "charge_reason", "charge_market", "charge_country", "charge_pricing_category", "charge_tier", "charge_rate", "origin") `,
  `ALTER TABLE "raw_events" ADD "processed_at" bigint`,
  `CREATE INDEX "idx_raw_events_processed" ON "raw_events"  ("processed_at") `,
  `UPDATE "raw_events" SET "processed_at" = "received_at"`,
  `INSERT INTO charge_rollups (waba_id, portfolio_id, phone_number_id, charge_month, charge_day, charge_currency, charge_reason, charge_market, charge_country, charge_pricing_category, charge_tier, charge_rate, origin, messages, billable_messages, free_messages, amount_micros) SELECT COALESCE(waba_id, ''), COALESCE(portfolio_id, ''), COALESCE(phone_number_id, ''), COALESCE(charge_month, ''), COALESCE(charge_day, ''), COALESCE(charge_currency, ''), COALESCE(charge_reason, ''), COALESCE(charge_market, ''), COALESCE(charge_country, ''), COALESCE(charge_pricing_category, ''), COALESCE(charge_tier, ''), COALESCE(charge_rate, ''), COALESCE(origin, ''), COUNT(*), SUM(CASE WHEN charge_billable THEN 1 ELSE 0 END), SUM(CASE WHEN charge_reason LIKE 'FREE_%' THEN 1 ELSE 0 END), SUM(charge_amount_micros) FROM messages WHERE charge_month IS NOT NULL GROUP BY COALESCE(waba_id, ''), COALESCE(portfolio_id, ''), COALESCE(phone_number_id, ''), COALESCE(charge_month, ''), COALESCE(charge_day, ''), COALESCE(charge_currency, ''), COALESCE(charge_reason, ''), COALESCE(charge_market, ''), COALESCE(charge_country, ''), COALESCE(charge_pricing_category, ''), COALESCE(charge_tier, ''), COALESCE(charge_rate, ''), COALESCE(origin, '')`,
];
