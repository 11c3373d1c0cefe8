import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The initial schema, as TypeORM generates it from the entities for each driver. */
export class InitialSchema1764086400000 implements MigrationInterface {
  name = 'InitialSchema1764086400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = queryRunner.connection.options.type === 'postgres' ? POSTGRES : SQLITE;
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES.slice().reverse()) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}

const TABLES = [
  'phone_numbers',
  'portfolios',
  'wabas',
  'api_keys',
  'exports',
  'account_events',
  'contacts',
  'raw_events',
  'template_category_changes',
  'messages',
  'rate_cards',
  'saved_scenarios',
];

const SQLITE = [
  `CREATE TABLE "phone_numbers" ("phone_number_id" varchar(64) PRIMARY KEY NOT NULL, "waba_id" varchar(64) NOT NULL, "display_phone_number" varchar(32), "coexistence" boolean NOT NULL DEFAULT (0), "onboarded_at" bigint, "offboarded_at" bigint, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL)`,
  `CREATE INDEX "idx_phone_numbers_waba" ON "phone_numbers" ("waba_id") `,
  `CREATE TABLE "portfolios" ("id" varchar(64) PRIMARY KEY NOT NULL, "name" varchar(200), "created_at" bigint NOT NULL)`,
  `CREATE TABLE "wabas" ("waba_id" varchar(64) PRIMARY KEY NOT NULL, "portfolio_id" varchar(64) NOT NULL, "timezone" varchar(64) NOT NULL DEFAULT ('UTC'), "currency" varchar(3) NOT NULL DEFAULT ('USD'), "primary_business_country" varchar(2), "auth_international_starts" text NOT NULL DEFAULT ('[]'), "free_service_allowance" integer NOT NULL DEFAULT (1000), "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL)`,
  `CREATE INDEX "idx_wabas_portfolio" ON "wabas" ("portfolio_id") `,
  `CREATE TABLE "api_keys" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "role" varchar(16) NOT NULL, "key_hash" varchar(64) NOT NULL, "key_prefix" varchar(12) NOT NULL, "created_at" bigint NOT NULL, "revoked_at" bigint, CONSTRAINT "UQ_57384430aa1959f4578046c9b81" UNIQUE ("key_hash"))`,
  `CREATE TABLE "exports" ("id" varchar(36) PRIMARY KEY NOT NULL, "kind" varchar(16) NOT NULL, "format" varchar(8) NOT NULL, "status" varchar(16) NOT NULL, "params" text NOT NULL, "file_name" varchar(255), "rows" integer, "error" text, "created_at" bigint NOT NULL, "completed_at" bigint)`,
  `CREATE TABLE "account_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "waba_id" varchar(64) NOT NULL, "event" varchar(64) NOT NULL, "event_key" varchar(200) NOT NULL, "event_time" bigint NOT NULL, "payload" text NOT NULL)`,
  `CREATE UNIQUE INDEX "uq_account_events" ON "account_events" ("waba_id", "event", "event_key") `,
  `CREATE TABLE "contacts" ("phone_number_id" varchar(64) NOT NULL, "contact" varchar(32) NOT NULL, "full_name" varchar(256), "removed" boolean NOT NULL DEFAULT (0), "updated_at" bigint NOT NULL, PRIMARY KEY ("phone_number_id", "contact"))`,
  `CREATE TABLE "raw_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "received_at" bigint NOT NULL, "source" varchar(16) NOT NULL, "body_sha256" varchar(64) NOT NULL, "body" text NOT NULL)`,
  `CREATE UNIQUE INDEX "uq_raw_events_sha256" ON "raw_events" ("body_sha256") `,
  `CREATE TABLE "template_category_changes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "waba_id" varchar(64) NOT NULL, "template_name" varchar(512) NOT NULL, "template_language" varchar(32) NOT NULL, "category" varchar(16) NOT NULL, "effective_at" bigint NOT NULL)`,
  `CREATE UNIQUE INDEX "uq_template_category_changes" ON "template_category_changes" ("waba_id", "template_name", "template_language", "effective_at") `,
  `CREATE TABLE "messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "wamid" varchar(128) NOT NULL, "phone_number_id" varchar(64) NOT NULL, "waba_id" varchar(64) NOT NULL, "direction" varchar(8) NOT NULL, "origin" varchar(16) NOT NULL, "contact" varchar(32) NOT NULL, "kind" varchar(16), "message_type" varchar(32), "template_name" varchar(512), "template_language" varchar(32), "template_category" varchar(16), "api" varchar(16), "referral_source_type" varchar(16), "referral_source_id" varchar(128), "ctwa_clid" varchar(512), "sent_at" bigint, "delivered_at" bigint, "read_at" bigint, "failed_at" bigint, "status" varchar(16) NOT NULL, "error_code" integer, "meta_billable" boolean, "meta_pricing_type" varchar(48), "meta_pricing_category" varchar(48), "meta_pricing_model" varchar(8), "meta_pricing_status" varchar(16), "in_send_log" boolean NOT NULL DEFAULT (0), "charge_billable" boolean NOT NULL DEFAULT (0), "charge_reason" varchar(32) NOT NULL DEFAULT ('PENDING'), "charge_pricing_category" varchar(32), "charge_market" varchar(64), "charge_country" varchar(2), "charge_rate_card_id" varchar(36), "charge_tier" varchar(48), "charge_rate" varchar(40), "charge_amount" varchar(40) NOT NULL DEFAULT ('0'), "charge_amount_micros" bigint NOT NULL DEFAULT (0), "charge_currency" varchar(3) NOT NULL DEFAULT ('USD'), "charge_source" varchar(8) NOT NULL DEFAULT ('ESTIMATE'), "charge_explanation" text NOT NULL DEFAULT (''), "estimate_billable" boolean NOT NULL DEFAULT (0), "estimate_reason" varchar(32) NOT NULL DEFAULT ('PENDING'), "estimate_pricing_category" varchar(32), "charge_at" bigint, "charge_month" varchar(7), "charge_day" varchar(10), "portfolio_id" varchar(64), "sequence_group" varchar(200), "sequence_ordinal" integer)`,
  `CREATE INDEX "idx_messages_sequence" ON "messages" ("sequence_group", "charge_at") `,
  `CREATE INDEX "idx_messages_waba_month" ON "messages" ("waba_id", "charge_month") `,
  `CREATE INDEX "idx_messages_charge_at" ON "messages" ("charge_at") `,
  `CREATE INDEX "idx_messages_conversation" ON "messages" ("phone_number_id", "contact", "sent_at") `,
  `CREATE UNIQUE INDEX "uq_messages_phone_wamid" ON "messages" ("phone_number_id", "wamid") `,
  `CREATE TABLE "rate_cards" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "currency" varchar(3) NOT NULL, "effective_from" varchar(10) NOT NULL, "imported_seq" integer NOT NULL, "imported_at" bigint NOT NULL, "built_in" boolean NOT NULL DEFAULT (0), "provenance" text NOT NULL, "data" text NOT NULL, CONSTRAINT "UQ_ca6b7fc0b3302aa52697ee7a98d" UNIQUE ("imported_seq"))`,
  `CREATE INDEX "idx_rate_cards_currency_effective" ON "rate_cards" ("currency", "effective_from") `,
  `CREATE TABLE "saved_scenarios" ("name" varchar(200) PRIMARY KEY NOT NULL, "scenario" text NOT NULL, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL)`,
];

const POSTGRES = [
  `CREATE TABLE "phone_numbers" ("phone_number_id" character varying(64) NOT NULL, "waba_id" character varying(64) NOT NULL, "display_phone_number" character varying(32), "coexistence" boolean NOT NULL DEFAULT false, "onboarded_at" bigint, "offboarded_at" bigint, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, CONSTRAINT "PK_8c1fbfb9600de01a46bff1e3485" PRIMARY KEY ("phone_number_id"))`,
  `CREATE INDEX "idx_phone_numbers_waba" ON "phone_numbers"  ("waba_id") `,
  `CREATE TABLE "portfolios" ("id" character varying(64) NOT NULL, "name" character varying(200), "created_at" bigint NOT NULL, CONSTRAINT "PK_488aa6e9b219d1d9087126871ae" PRIMARY KEY ("id"))`,
  `CREATE TABLE "wabas" ("waba_id" character varying(64) NOT NULL, "portfolio_id" character varying(64) NOT NULL, "timezone" character varying(64) NOT NULL DEFAULT 'UTC', "currency" character varying(3) NOT NULL DEFAULT 'USD', "primary_business_country" character varying(2), "auth_international_starts" text NOT NULL DEFAULT '[]', "free_service_allowance" integer NOT NULL DEFAULT '1000', "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, CONSTRAINT "PK_689561f1d509d38a1ae7b973e6b" PRIMARY KEY ("waba_id"))`,
  `CREATE INDEX "idx_wabas_portfolio" ON "wabas"  ("portfolio_id") `,
  `CREATE TABLE "api_keys" ("id" character varying(36) NOT NULL, "name" character varying(200) NOT NULL, "role" character varying(16) NOT NULL, "key_hash" character varying(64) NOT NULL, "key_prefix" character varying(12) NOT NULL, "created_at" bigint NOT NULL, "revoked_at" bigint, CONSTRAINT "UQ_57384430aa1959f4578046c9b81" UNIQUE ("key_hash"), CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
  `CREATE TABLE "exports" ("id" character varying(36) NOT NULL, "kind" character varying(16) NOT NULL, "format" character varying(8) NOT NULL, "status" character varying(16) NOT NULL, "params" text NOT NULL, "file_name" character varying(255), "rows" integer, "error" text, "created_at" bigint NOT NULL, "completed_at" bigint, CONSTRAINT "PK_bcf8528d214cbfc68c01f337511" PRIMARY KEY ("id"))`,
  `CREATE TABLE "account_events" ("id" SERIAL NOT NULL, "waba_id" character varying(64) NOT NULL, "event" character varying(64) NOT NULL, "event_key" character varying(200) NOT NULL, "event_time" bigint NOT NULL, "payload" text NOT NULL, CONSTRAINT "PK_096b79d6426e443a0f0b096e7cf" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "uq_account_events" ON "account_events"  ("waba_id", "event", "event_key") `,
  `CREATE TABLE "contacts" ("phone_number_id" character varying(64) NOT NULL, "contact" character varying(32) NOT NULL, "full_name" character varying(256), "removed" boolean NOT NULL DEFAULT false, "updated_at" bigint NOT NULL, CONSTRAINT "PK_0a2912a863f931e9c3a5d4645c9" PRIMARY KEY ("phone_number_id", "contact"))`,
  `CREATE TABLE "raw_events" ("id" SERIAL NOT NULL, "received_at" bigint NOT NULL, "source" character varying(16) NOT NULL, "body_sha256" character varying(64) NOT NULL, "body" text NOT NULL, CONSTRAINT "PK_5da37c4a4297afca88e18072385" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "uq_raw_events_sha256" ON "raw_events"  ("body_sha256") `,
  `CREATE TABLE "template_category_changes" ("id" SERIAL NOT NULL, "waba_id" character varying(64) NOT NULL, "template_name" character varying(512) NOT NULL, "template_language" character varying(32) NOT NULL, "category" character varying(16) NOT NULL, "effective_at" bigint NOT NULL, CONSTRAINT "PK_ea4c8f212f454135746e2d50c66" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "uq_template_category_changes" ON "template_category_changes"  ("waba_id", "template_name", "template_language", "effective_at") `,
  `CREATE TABLE "messages" ("id" SERIAL NOT NULL, "wamid" character varying(128) NOT NULL, "phone_number_id" character varying(64) NOT NULL, "waba_id" character varying(64) NOT NULL, "direction" character varying(8) NOT NULL, "origin" character varying(16) NOT NULL, "contact" character varying(32) NOT NULL, "kind" character varying(16), "message_type" character varying(32), "template_name" character varying(512), "template_language" character varying(32), "template_category" character varying(16), "api" character varying(16), "referral_source_type" character varying(16), "referral_source_id" character varying(128), "ctwa_clid" character varying(512), "sent_at" bigint, "delivered_at" bigint, "read_at" bigint, "failed_at" bigint, "status" character varying(16) NOT NULL, "error_code" integer, "meta_billable" boolean, "meta_pricing_type" character varying(48), "meta_pricing_category" character varying(48), "meta_pricing_model" character varying(8), "meta_pricing_status" character varying(16), "in_send_log" boolean NOT NULL DEFAULT false, "charge_billable" boolean NOT NULL DEFAULT false, "charge_reason" character varying(32) NOT NULL DEFAULT 'PENDING', "charge_pricing_category" character varying(32), "charge_market" character varying(64), "charge_country" character varying(2), "charge_rate_card_id" character varying(36), "charge_tier" character varying(48), "charge_rate" character varying(40), "charge_amount" character varying(40) NOT NULL DEFAULT '0', "charge_amount_micros" bigint NOT NULL DEFAULT '0', "charge_currency" character varying(3) NOT NULL DEFAULT 'USD', "charge_source" character varying(8) NOT NULL DEFAULT 'ESTIMATE', "charge_explanation" text NOT NULL DEFAULT '', "estimate_billable" boolean NOT NULL DEFAULT false, "estimate_reason" character varying(32) NOT NULL DEFAULT 'PENDING', "estimate_pricing_category" character varying(32), "charge_at" bigint, "charge_month" character varying(7), "charge_day" character varying(10), "portfolio_id" character varying(64), "sequence_group" character varying(200), "sequence_ordinal" integer, CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))`,
  `CREATE INDEX "idx_messages_sequence" ON "messages"  ("sequence_group", "charge_at") `,
  `CREATE INDEX "idx_messages_waba_month" ON "messages"  ("waba_id", "charge_month") `,
  `CREATE INDEX "idx_messages_charge_at" ON "messages"  ("charge_at") `,
  `CREATE INDEX "idx_messages_conversation" ON "messages"  ("phone_number_id", "contact", "sent_at") `,
  `CREATE UNIQUE INDEX "uq_messages_phone_wamid" ON "messages"  ("phone_number_id", "wamid") `,
  `CREATE TABLE "rate_cards" ("id" character varying(36) NOT NULL, "name" character varying(200) NOT NULL, "currency" character varying(3) NOT NULL, "effective_from" character varying(10) NOT NULL, "imported_seq" integer NOT NULL, "imported_at" bigint NOT NULL, "built_in" boolean NOT NULL DEFAULT false, "provenance" text NOT NULL, "data" text NOT NULL, CONSTRAINT "UQ_ca6b7fc0b3302aa52697ee7a98d" UNIQUE ("imported_seq"), CONSTRAINT "PK_54c4a5c4872b2339d848e5d9eb5" PRIMARY KEY ("id"))`,
  `CREATE INDEX "idx_rate_cards_currency_effective" ON "rate_cards"  ("currency", "effective_from") `,
  `CREATE TABLE "saved_scenarios" ("name" character varying(200) NOT NULL, "scenario" text NOT NULL, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, CONSTRAINT "PK_5ba89c47070a9cfdf5931c2d1a7" PRIMARY KEY ("name"))`,
];
