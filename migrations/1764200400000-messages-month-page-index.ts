import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * (waba_id, charge_month, id) instead of (waba_id, charge_month): a `messages` page of one WABA's
 * month (keyset on id) reads its rows from the index in id order instead of walking the primary
 * key through every other month. It serves everything the two-column index served. On a large
 * table the new index takes a while to build at start-up, and writes wait for it.
 */
export class MessagesMonthPageIndex1764200400000 implements MigrationInterface {
  name = 'MessagesMonthPageIndex1764200400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_messages_waba_month_id" ON "messages" ("waba_id", "charge_month", "id")`,
    );
    await queryRunner.query(`DROP INDEX "idx_messages_waba_month"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_messages_waba_month" ON "messages" ("waba_id", "charge_month")`,
    );
    await queryRunner.query(`DROP INDEX "idx_messages_waba_month_id"`);
  }
}
