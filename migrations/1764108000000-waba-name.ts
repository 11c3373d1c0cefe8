import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A display name for each WABA (portfolios already have one), shown on statements. */
export class WabaName1764108000000 implements MigrationInterface {
  name = 'WabaName1764108000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      queryRunner.connection.options.type === 'postgres'
        ? `ALTER TABLE "wabas" ADD "name" character varying(200)`
        : `ALTER TABLE "wabas" ADD "name" varchar(200)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "wabas" DROP COLUMN "name"`);
  }
}
