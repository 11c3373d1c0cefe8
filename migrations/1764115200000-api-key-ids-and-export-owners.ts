import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys get a random public name (`key_id`) in place of the first characters of their secret
 * (`key_prefix`, half of a 16-character bootstrap key), which is dropped; keys still authenticate
 * by their hash. Exports record the key that made them (`owner_key_id`); exports already stored
 * have none, and only admin keys see them.
 */
export class ApiKeyIdsAndExportOwners1764115200000 implements MigrationInterface {
  name = 'ApiKeyIdsAndExportOwners1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = queryRunner.connection.options.type === 'postgres' ? POSTGRES : SQLITE;
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements =
      queryRunner.connection.options.type === 'postgres' ? POSTGRES_DOWN : SQLITE_DOWN;
    for (const statement of statements) await queryRunner.query(statement);
  }
}

const SQLITE = [
  `CREATE TABLE "temporary_api_keys" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "role" varchar(16) NOT NULL, "key_hash" varchar(64) NOT NULL, "key_id" varchar(16) NOT NULL, "created_at" bigint NOT NULL, "revoked_at" bigint, CONSTRAINT "UQ_57384430aa1959f4578046c9b81" UNIQUE ("key_hash"))`,
  `INSERT INTO "temporary_api_keys"("id", "name", "role", "key_hash", "key_id", "created_at", "revoked_at") SELECT "id", "name", "role", "key_hash", 'key_' || lower(hex(randomblob(6))), "created_at", "revoked_at" FROM "api_keys"`,
  `DROP TABLE "api_keys"`,
  `ALTER TABLE "temporary_api_keys" RENAME TO "api_keys"`,
  `CREATE UNIQUE INDEX "uq_api_keys_key_id" ON "api_keys" ("key_id") `,
  `ALTER TABLE "exports" ADD "owner_key_id" varchar(36)`,
];

const POSTGRES = [
  `ALTER TABLE "api_keys" ADD "key_id" character varying(16)`,
  `UPDATE "api_keys" SET "key_id" = 'key_' || substr(md5(random()::text || "id"), 1, 12)`,
  `ALTER TABLE "api_keys" ALTER COLUMN "key_id" SET NOT NULL`,
  `ALTER TABLE "api_keys" DROP COLUMN "key_prefix"`,
  `CREATE UNIQUE INDEX "uq_api_keys_key_id" ON "api_keys"  ("key_id") `,
  `ALTER TABLE "exports" ADD "owner_key_id" character varying(36)`,
];

// The secrets' first characters are gone: `key_prefix` comes back holding the public name.
const SQLITE_DOWN = [
  `ALTER TABLE "exports" DROP COLUMN "owner_key_id"`,
  `DROP INDEX "uq_api_keys_key_id"`,
  `CREATE TABLE "temporary_api_keys" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "role" varchar(16) NOT NULL, "key_hash" varchar(64) NOT NULL, "key_prefix" varchar(12) NOT NULL, "created_at" bigint NOT NULL, "revoked_at" bigint, CONSTRAINT "UQ_57384430aa1959f4578046c9b81" UNIQUE ("key_hash"))`,
  `INSERT INTO "temporary_api_keys"("id", "name", "role", "key_hash", "key_prefix", "created_at", "revoked_at") SELECT "id", "name", "role", "key_hash", substr("key_id", 1, 12), "created_at", "revoked_at" FROM "api_keys"`,
  `DROP TABLE "api_keys"`,
  `ALTER TABLE "temporary_api_keys" RENAME TO "api_keys"`,
];

const POSTGRES_DOWN = [
  `ALTER TABLE "exports" DROP COLUMN "owner_key_id"`,
  `DROP INDEX "uq_api_keys_key_id"`,
  `ALTER TABLE "api_keys" ADD "key_prefix" character varying(12)`,
  `UPDATE "api_keys" SET "key_prefix" = substr("key_id", 1, 12)`,
  `ALTER TABLE "api_keys" ALTER COLUMN "key_prefix" SET NOT NULL`,
  `ALTER TABLE "api_keys" DROP COLUMN "key_id"`,
];
