import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retry bookkeeping on the raw event log (a body that fails three times is set aside with its
 * last error), and the origin each charge was summed under in charge_rollups, so a later
 * change of origin (a status before its echo) moves the sum instead of leaving it behind.
 */
export class RawEventRetriesAndChargeOrigin1764093600000 implements MigrationInterface {
  name = 'RawEventRetriesAndChargeOrigin1764093600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    await queryRunner.query(
      postgres
        ? `ALTER TABLE "raw_events" ADD "attempts" integer NOT NULL DEFAULT '0'`
        : `ALTER TABLE "raw_events" ADD "attempts" integer NOT NULL DEFAULT (0)`,
    );
    await queryRunner.query(`ALTER TABLE "raw_events" ADD "last_error" text`);
    await queryRunner.query(
      postgres
        ? `ALTER TABLE "messages" ADD "charge_origin" character varying(16)`
        : `ALTER TABLE "messages" ADD "charge_origin" varchar(16)`,
    );
    // Rollups were summed by origin until now.
    await queryRunner.query(
      `UPDATE "messages" SET "charge_origin" = "origin" WHERE "charge_month" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "charge_origin"`);
    await queryRunner.query(`ALTER TABLE "raw_events" DROP COLUMN "last_error"`);
    await queryRunner.query(`ALTER TABLE "raw_events" DROP COLUMN "attempts"`);
  }
}
