import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ServiceSecretEntity } from './entities/service-secret.entity';

/**
 * The secret called `name` that every process of this database uses: the first process to ask
 * draws it (concurrent first draws keep one: the insert ignores a name already stored).
 */
export async function loadSharedSecret(dataSource: DataSource, name: string): Promise<Buffer> {
  const secrets = dataSource.getRepository(ServiceSecretEntity);
  await secrets
    .createQueryBuilder()
    .insert()
    .values({ name, value: randomBytes(32).toString('hex'), createdAt: new Date() })
    .orIgnore()
    .execute();
  const stored = await secrets.findOneByOrFail({ name });
  return Buffer.from(stored.value, 'hex');
}
