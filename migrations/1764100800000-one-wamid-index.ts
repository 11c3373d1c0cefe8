import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One unique index on (wamid, phone_number_id) instead of a unique (phone_number_id, wamid) and a
 * plain (wamid): it serves lookups by wamid alone and by both, and every new message is one
 * B-tree insert fewer. On a large table the new index takes a while to build at start-up.
 */
export class OneWamidIndex1764100800000 implements MigrationInterface {
  name = 'OneWamidIndex1764100800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_messages_wamid_phone" ON "messages" ("wamid", "phone_number_id")`,
    );
    await queryRunner.query(`DROP INDEX "uq_messages_phone_wamid"`);
    await queryRunner.query(`DROP INDEX "idx_messages_wamid"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_messages_wamid" ON "messages" ("wamid")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_messages_phone_wamid" ON "messages" ("phone_number_id", "wamid")`,
    );
    await queryRunner.query(`DROP INDEX "uq_messages_wamid_phone"`);
  }
}
