import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A fingerprint of each stored charge: re-rating reads it instead of the whole charge to skip
 * unchanged rows. Rows without one are simply rewritten at their next re-rate.
 */
export class ChargeFingerprint1764097200000 implements MigrationInterface {
  name = 'ChargeFingerprint1764097200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      queryRunner.connection.options.type === 'postgres'
        ? `ALTER TABLE "messages" ADD "charge_fingerprint" character varying(32)`
        : `ALTER TABLE "messages" ADD "charge_fingerprint" varchar(32)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "charge_fingerprint"`);
  }
}
