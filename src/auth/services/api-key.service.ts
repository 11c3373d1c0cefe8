import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import type { ApiRole } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain.error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { ApiKeyEntity } from '../entities/api-key.entity';

export interface IssuedApiKey {
  entity: ApiKeyEntity;
  /** The secret itself; shown once, never stored. */
  secret: string;
}

export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A key's public name: random, so it tells nothing about the secret. */
export function newKeyId(): string {
  return `key_${randomBytes(6).toString('hex')}`;
}

@Injectable()
export class ApiKeyService {
  private readonly logger = new Logger(ApiKeyService.name);

  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * BOOTSTRAP_API_KEY becomes an admin key; with no keys at all, one is generated and returned,
   * the only time it exists in clear: the caller shows it to a person once. It is never logged.
   */
  async ensureBootstrapKey(): Promise<string | null> {
    if (this.config.bootstrapApiKey !== null) {
      const hash = hashApiKey(this.config.bootstrapApiKey);
      if (!(await this.keys.existsBy({ keyHash: hash }))) {
        await this.keys.save(this.newEntity('bootstrap', 'admin', this.config.bootstrapApiKey));
      }
      return null;
    }
    if ((await this.keys.count()) > 0) return null;
    const issued = await this.issue('initial admin', 'admin');
    this.logger.log(
      'No API key existed, so an ADMIN key was generated; it is printed once on the console, never in this log',
    );
    return issued.secret;
  }

  async issue(name: string, role: ApiRole): Promise<IssuedApiKey> {
    const secret = `wbk_${randomBytes(24).toString('base64url')}`;
    const entity = await this.keys.save(this.newEntity(name, role, secret));
    return { entity, secret };
  }

  async authenticate(secret: string): Promise<ApiKeyEntity | null> {
    return this.keys.findOneBy({ keyHash: hashApiKey(secret), revokedAt: IsNull() });
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.find({ order: { createdAt: 'ASC' } });
  }

  async revoke(id: string): Promise<ApiKeyEntity> {
    const key = await this.keys.findOneBy({ id });
    if (!key) throw new DomainError('NOT_FOUND', `no API key with id ${id}`);
    if (key.revokedAt === null) {
      key.revokedAt = new Date();
      await this.keys.save(key);
    }
    return key;
  }

  private newEntity(name: string, role: ApiRole, secret: string): ApiKeyEntity {
    return this.keys.create({
      id: randomUUID(),
      name,
      role,
      keyHash: hashApiKey(secret),
      keyId: newKeyId(),
      createdAt: new Date(),
      revokedAt: null,
    });
  }
}
