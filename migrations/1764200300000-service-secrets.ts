import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Secrets the service processes of one database share, such as the key of signed download links. */
export class ServiceSecrets1764200300000 implements MigrationInterface {
  name = 'ServiceSecrets1764200300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const text =
      queryRunner.connection.options.type === 'postgres' ? 'character varying' : 'varchar';
    await queryRunner.query(
      `CREATE TABLE "service_secrets" ("name" ${text}(64) PRIMARY KEY NOT NULL, "value" ${text}(64) NOT NULL, "created_at" bigint NOT NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "service_secrets"`);
  }
}
