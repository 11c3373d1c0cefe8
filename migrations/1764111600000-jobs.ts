import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Long work as jobs, claimed by any service process and resumed after a stop. */
export class Jobs1764111600000 implements MigrationInterface {
  name = 'Jobs1764111600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const varchar = postgres ? 'character varying' : 'varchar';
    const zero = postgres ? `'0'` : '(0)';
    await queryRunner.query(
      `CREATE TABLE "jobs" ("id" ${varchar}(36) PRIMARY KEY NOT NULL, "kind" ${varchar}(32) NOT NULL, "status" ${varchar}(16) NOT NULL, "payload" text NOT NULL, "checkpoint" text, "progress" double precision NOT NULL DEFAULT ${zero}, "result" text, "error" text, "attempts" integer NOT NULL DEFAULT ${zero}, "claimed_by" ${varchar}(128), "created_at" bigint NOT NULL, "started_at" bigint, "heartbeat_at" bigint, "finished_at" bigint)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_jobs_status_created" ON "jobs" ("status", "created_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "jobs"`);
  }
}
