import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Meta's pricing_analytics: each WABA's encrypted Graph API access token, the data points pulled
 * or imported (one row per bucket and key), and the log of pulls and imports (whose unique
 * WABA × kind × period row is how a scheduled pull is claimed once across processes); export
 * kinds up to 32 characters (META_RECONCILIATION).
 */
export class MetaAnalytics1764200100000 implements MigrationInterface {
  name = 'MetaAnalytics1764200100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    for (const statement of postgres ? POSTGRES : SQLITE) await queryRunner.query(statement);
    if (!postgres) {
      // SQLite rebuilds the table, keeping every column and index it has.
      const exports = (await queryRunner.getTable('exports'))!;
      await queryRunner.changeColumn(
        exports,
        exports.findColumnByName('kind')!,
        new TableColumn({ name: 'kind', type: 'varchar', length: '32' }),
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "meta_pricing_analytics"`);
    await queryRunner.query(`DROP TABLE "meta_analytics_pulls"`);
    for (const column of ['access_token_error', 'access_token_status', 'access_token_ciphertext']) {
      await queryRunner.query(`ALTER TABLE "wabas" DROP COLUMN "${column}"`);
    }
  }
}

const SQLITE = [
  `CREATE TABLE "meta_analytics_pulls" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "waba_id" varchar(64) NOT NULL, "kind" varchar(16) NOT NULL, "period" varchar(64) NOT NULL, "range_start" bigint NOT NULL, "range_end" bigint NOT NULL, "status" varchar(16) NOT NULL, "pages" integer NOT NULL DEFAULT (0), "data_points" integer NOT NULL DEFAULT (0), "error" text, "started_at" bigint NOT NULL, "finished_at" bigint)`,
  `CREATE UNIQUE INDEX "uq_meta_analytics_pulls_claim" ON "meta_analytics_pulls" ("waba_id", "kind", "period") `,
  `CREATE TABLE "meta_pricing_analytics" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "waba_id" varchar(64) NOT NULL, "bucket_start" bigint NOT NULL, "bucket_end" bigint NOT NULL, "phone_number" varchar(32) NOT NULL DEFAULT (''), "country" varchar(8) NOT NULL DEFAULT (''), "pricing_category" varchar(48) NOT NULL DEFAULT (''), "pricing_type" varchar(48) NOT NULL DEFAULT (''), "tier" varchar(48) NOT NULL DEFAULT (''), "volume" integer NOT NULL, "cost" varchar(40) NOT NULL, "source" varchar(8) NOT NULL, "fetched_at" bigint NOT NULL)`,
  `CREATE UNIQUE INDEX "uq_meta_pricing_analytics_key" ON "meta_pricing_analytics" ("waba_id", "bucket_start", "bucket_end", "phone_number", "country", "pricing_category", "pricing_type", "tier") `,
  `ALTER TABLE "wabas" ADD "access_token_ciphertext" text`,
  `ALTER TABLE "wabas" ADD "access_token_status" varchar(16)`,
  `ALTER TABLE "wabas" ADD "access_token_error" varchar(500)`,
];

const POSTGRES = [
  `CREATE TABLE "meta_analytics_pulls" ("id" SERIAL NOT NULL, "waba_id" character varying(64) NOT NULL, "kind" character varying(16) NOT NULL, "period" character varying(64) NOT NULL, "range_start" bigint NOT NULL, "range_end" bigint NOT NULL, "status" character varying(16) NOT NULL, "pages" integer NOT NULL DEFAULT '0', "data_points" integer NOT NULL DEFAULT '0', "error" text, "started_at" bigint NOT NULL, "finished_at" bigint, CONSTRAINT "PK_8076d5b6467a9c4f21f2de328dc" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "uq_meta_analytics_pulls_claim" ON "meta_analytics_pulls"  ("waba_id", "kind", "period") `,
  `CREATE TABLE "meta_pricing_analytics" ("id" SERIAL NOT NULL, "waba_id" character varying(64) NOT NULL, "bucket_start" bigint NOT NULL, "bucket_end" bigint NOT NULL, "phone_number" character varying(32) NOT NULL DEFAULT '', "country" character varying(8) NOT NULL DEFAULT '', "pricing_category" character varying(48) NOT NULL DEFAULT '', "pricing_type" character varying(48) NOT NULL DEFAULT '', "tier" character varying(48) NOT NULL DEFAULT '', "volume" integer NOT NULL, "cost" character varying(40) NOT NULL, "source" character varying(8) NOT NULL, "fetched_at" bigint NOT NULL, CONSTRAINT "PK_cc9ba72c8ea88378d0febf317a6" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "uq_meta_pricing_analytics_key" ON "meta_pricing_analytics"  ("waba_id", "bucket_start", "bucket_end", "phone_number", "country", "pricing_category", "pricing_type", "tier") `,
  `ALTER TABLE "wabas" ADD "access_token_ciphertext" text`,
  `ALTER TABLE "wabas" ADD "access_token_status" character varying(16)`,
  `ALTER TABLE "wabas" ADD "access_token_error" character varying(500)`,
  `ALTER TABLE "exports" ALTER COLUMN "kind" TYPE character varying(32)`,
];
