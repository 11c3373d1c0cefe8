import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Usernames and groups: a customer's business-scoped user id (BSUID, up to 256 characters) and
 * country code beside the phone number, a group message's group and participant, and the link
 * from a BSUID to the phone number Meta named with it. `contact` (a BSUID or a group id now) and
 * `wamid` (a group delivery's wamid carries the participant) get longer: PostgreSQL widens them
 * in place; SQLite rebuilds the table, which copies it once at start-up.
 */
export class UsernamesAndGroups1764104400000 implements MigrationInterface {
  name = 'UsernamesAndGroups1764104400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const varchar = postgres ? 'character varying' : 'varchar';
    if (postgres) {
      await queryRunner.query(`ALTER TABLE "messages" ALTER COLUMN "wamid" TYPE ${varchar}(512)`);
      await queryRunner.query(`ALTER TABLE "messages" ALTER COLUMN "contact" TYPE ${varchar}(256)`);
    } else {
      const messages = (await queryRunner.getTable('messages'))!;
      await queryRunner.changeColumns(
        messages,
        (
          [
            ['wamid', 512],
            ['contact', 256],
          ] as const
        ).map(([name, length]) => ({
          oldColumn: messages.findColumnByName(name)!,
          newColumn: new TableColumn({ name, type: 'varchar', length: String(length) }),
        })),
      );
    }
    for (const [name, length] of [
      ['contact_user_id', 256],
      ['contact_country', 2],
      ['group_id', 256],
      ['participant', 256],
    ] as const) {
      await queryRunner.query(`ALTER TABLE "messages" ADD "${name}" ${varchar}(${length})`);
    }
    await queryRunner.query(
      `CREATE TABLE "contact_links" ("user_id" ${varchar}(256) PRIMARY KEY NOT NULL, "phone" ${varchar}(64) NOT NULL, "linked_at" bigint NOT NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "contact_links"`);
    for (const name of ['participant', 'group_id', 'contact_country', 'contact_user_id']) {
      await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "${name}"`);
    }
  }
}
