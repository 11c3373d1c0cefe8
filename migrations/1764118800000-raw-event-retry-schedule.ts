import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The raw event log's retry schedule and operator tools: when a failed body's next attempt is due,
 * when it was set aside (after the schedule's last attempt), and who discarded it, when and why.
 * Bodies the queue had given up on (three failed attempts) stay set aside, as of this migration.
 */
export class RawEventRetrySchedule1764118800000 implements MigrationInterface {
  name = 'RawEventRetrySchedule1764118800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const text = (length: number) =>
      postgres ? `character varying(${length})` : `varchar(${length})`;
    await queryRunner.query(`ALTER TABLE "raw_events" ADD "next_attempt_at" bigint`);
    await queryRunner.query(`ALTER TABLE "raw_events" ADD "set_aside_at" bigint`);
    await queryRunner.query(`ALTER TABLE "raw_events" ADD "discarded_at" bigint`);
    await queryRunner.query(`ALTER TABLE "raw_events" ADD "discarded_by" ${text(200)}`);
    await queryRunner.query(`ALTER TABLE "raw_events" ADD "discard_reason" text`);
    const now = postgres
      ? `(extract(epoch FROM now()) * 1000)::bigint`
      : `CAST(strftime('%s', 'now') AS INTEGER) * 1000`;
    await queryRunner.query(
      `UPDATE "raw_events" SET "set_aside_at" = ${now} WHERE "processed_at" IS NULL AND "attempts" >= 3`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of [
      'discard_reason',
      'discarded_by',
      'discarded_at',
      'set_aside_at',
      'next_attempt_at',
    ]) {
      await queryRunner.query(`ALTER TABLE "raw_events" DROP COLUMN "${column}"`);
    }
  }
}
