import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { DomainError } from '../../common/errors/domain.error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { SqlDialect } from '../../database/sql-dialect';
import type { JobEntity } from '../../jobs/entities/job.entity';
import type { EngineAccount } from '../../pricing/engine/engine.types';
import { isValidTimeZone } from '../../pricing/time/local-time.util';
import type { PhoneNumberInput, WabaInput } from '../dtos/inputs/waba.input';
import { PhoneNumberEntity } from '../entities/phone-number.entity';
import { PortfolioEntity } from '../entities/portfolio.entity';
import { WabaEntity } from '../entities/waba.entity';
import { decryptAccessToken } from '../utils/decrypt-access-token.util';
import { encryptAccessToken } from '../utils/encrypt-access-token.util';
import { DEFAULT_FREE_SERVICE_ALLOWANCE } from '../../pricing/regimes/regime';

export interface PricingFactsChange {
  wabaIds: string[];
  /** Portfolios the WABAs moved away from: their counters change too. */
  previousPortfolioIds: string[];
}

/** Queues the re-rate of a change and returns its job. */
export type PricingFactsRepricer = (change: PricingFactsChange) => Promise<JobEntity>;

/** An edit and the re-rate it queued; null when it changed nothing messages are priced by. */
export interface AccountEdit<T> {
  saved: T;
  repriceJob: JobEntity | null;
}

const DEFAULT_TIMEZONE = 'UTC';
const DEFAULT_CURRENCY = 'USD';

/**
 * Portfolios, WABAs and phone numbers. Webhooks create unknown ones with defaults (UTC, USD,
 * the WABA as its own portfolio); GraphQL edits them, and edits that change how messages are
 * priced hand the change to the repricer (the charging service queues a re-rate job).
 */
@Injectable()
export class AccountsService {
  private readonly knownPhoneNumbers = new Map<string, string>();
  private readonly engineAccounts = new Map<string, EngineAccount>();
  private accountsVersion: string | null = null;
  private readonly sql: SqlDialect;
  private repricer: PricingFactsRepricer | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(WabaEntity) private readonly wabas: Repository<WabaEntity>,
    @InjectRepository(PhoneNumberEntity)
    private readonly phoneNumbers: Repository<PhoneNumberEntity>,
    @InjectRepository(PortfolioEntity) private readonly portfolios: Repository<PortfolioEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sql = new SqlDialect(dataSource);
  }

  repriceOnPricingFactsChange(repricer: PricingFactsRepricer): void {
    this.repricer = repricer;
  }

  /** Makes sure a WABA (and phone number) seen in a webhook exists; returns the WABA id. */
  async ensureKnown(
    wabaId: string,
    phoneNumberId: string | null,
    displayPhoneNumber: string | null,
  ): Promise<void> {
    if (phoneNumberId !== null && this.knownPhoneNumbers.get(phoneNumberId) === wabaId) return;
    const now = Date.now();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(PortfolioEntity)
      .values({ id: wabaId, name: null, createdAt: new Date(now) })
      .orIgnore()
      .execute();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(WabaEntity)
      .values({
        wabaId,
        portfolioId: wabaId,
        name: null,
        timezone: DEFAULT_TIMEZONE,
        currency: DEFAULT_CURRENCY,
        primaryBusinessCountry: null,
        authInternationalStarts: [],
        freeServiceAllowance: DEFAULT_FREE_SERVICE_ALLOWANCE,
        accessTokenCiphertext: null,
        accessTokenStatus: null,
        accessTokenError: null,
        createdAt: new Date(now),
        updatedAt: new Date(now),
      })
      .orIgnore()
      .execute();
    if (phoneNumberId === null) return;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(PhoneNumberEntity)
      .values({
        phoneNumberId,
        wabaId,
        displayPhoneNumber,
        coexistence: false,
        onboardedAt: null,
        offboardedAt: null,
        createdAt: new Date(now),
        updatedAt: new Date(now),
      })
      .orIgnore()
      .execute();
    this.knownPhoneNumbers.set(phoneNumberId, wabaId);
  }

  async markCoexistence(phoneNumberId: string): Promise<void> {
    await this.phoneNumbers.update(
      { phoneNumberId, coexistence: false },
      { coexistence: true, updatedAt: new Date() },
    );
  }

  /**
   * The portfolios of the WABAs: the stored one, or for a WABA not seen yet the WABA itself (the
   * portfolio a webhook gives it when it creates it).
   */
  async portfolioIdsOf(wabaIds: Iterable<string>): Promise<string[]> {
    const unique = [...new Set(wabaIds)];
    const portfolios = new Set<string>();
    const known = new Set<string>();
    for (let start = 0; start < unique.length; start += 500) {
      const chunk = unique.slice(start, start + 500);
      const rows: { waba_id: string; portfolio_id: string }[] = await this.sql.query(
        `SELECT waba_id, portfolio_id FROM wabas WHERE waba_id IN (${this.sql.params(1, chunk.length)})`,
        chunk,
      );
      for (const row of rows) {
        known.add(row.waba_id);
        portfolios.add(row.portfolio_id);
      }
    }
    for (const wabaId of unique) if (!known.has(wabaId)) portfolios.add(wabaId);
    return [...portfolios];
  }

  async wabaIdOf(phoneNumberId: string): Promise<string | null> {
    const cached = this.knownPhoneNumbers.get(phoneNumberId);
    if (cached) return cached;
    const phone = await this.phoneNumbers.findOneBy({ phoneNumberId });
    if (phone) this.knownPhoneNumbers.set(phoneNumberId, phone.wabaId);
    return phone?.wabaId ?? null;
  }

  async upsertWaba(input: WabaInput): Promise<AccountEdit<WabaEntity>> {
    const wabaId = requireId(input.wabaId, 'wabaId');
    await this.ensureKnown(wabaId, null, null);
    const waba = await this.wabas.findOneByOrFail({ wabaId });
    const before = JSON.stringify(pricingFacts(waba));
    const previousPortfolioId = waba.portfolioId;
    if (input.portfolioId !== undefined) {
      waba.portfolioId = requireId(input.portfolioId, 'portfolioId');
      await this.portfolios
        .createQueryBuilder()
        .insert()
        .values({ id: waba.portfolioId, name: null, createdAt: new Date() })
        .orIgnore()
        .execute();
    }
    if (input.name !== undefined) waba.name = displayName(input.name, 'name');
    const portfolioName =
      input.portfolioName === undefined
        ? undefined
        : displayName(input.portfolioName, 'portfolioName');
    if (input.timezone !== undefined) {
      if (!isValidTimeZone(input.timezone)) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `"${input.timezone}" is not an IANA timezone such as Europe/Madrid`,
        );
      }
      waba.timezone = input.timezone;
    }
    if (input.currency !== undefined) {
      const currency = input.currency.trim().toUpperCase();
      if (!/^[A-Z]{3}$/.test(currency)) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `"${input.currency}" is not an ISO 4217 currency code`,
        );
      }
      if (currency !== waba.currency && (await this.hasMessages(wabaId))) {
        throw new DomainError(
          'CONFLICT',
          `WABA ${wabaId} already has messages billed in ${waba.currency}; Meta does not let a WABA change currency (create a new WABA)`,
        );
      }
      waba.currency = currency;
    }
    if (input.primaryBusinessCountry !== undefined) {
      waba.primaryBusinessCountry = countryCode(
        input.primaryBusinessCountry,
        'primaryBusinessCountry',
      );
    }
    if (input.authInternationalStarts !== undefined) {
      waba.authInternationalStarts = input.authInternationalStarts.map((start) => ({
        country: countryCode(start.country, 'authInternationalStarts.country'),
        startsAt: start.startsAt.toISOString(),
      }));
    }
    if (input.freeServiceAllowance !== undefined) {
      if (!Number.isInteger(input.freeServiceAllowance) || input.freeServiceAllowance < 0) {
        throw new DomainError(
          'BAD_USER_INPUT',
          'freeServiceAllowance must be a whole number, 0 or more',
        );
      }
      waba.freeServiceAllowance = input.freeServiceAllowance;
    }
    if (input.accessToken !== undefined) this.setAccessToken(waba, input.accessToken);
    if (portfolioName !== undefined) {
      await this.portfolios.update({ id: waba.portfolioId }, { name: portfolioName });
    }
    waba.updatedAt = new Date();
    const saved = await this.wabas.save(waba);
    this.forgetEngineAccounts();
    if (JSON.stringify(pricingFacts(saved)) === before) return { saved, repriceJob: null };
    const repriceJob = await this.reprice({
      wabaIds: [wabaId],
      previousPortfolioIds: previousPortfolioId === saved.portfolioId ? [] : [previousPortfolioId],
    });
    return { saved, repriceJob };
  }

  /** The WABAs with a token Meta has not refused, for the scheduled pricing_analytics pulls. */
  async wabasWithActiveAccessToken(): Promise<WabaEntity[]> {
    return (await this.listWabas()).filter(
      (waba) => waba.accessTokenCiphertext !== null && waba.accessTokenStatus === 'ACTIVE',
    );
  }

  /** The WABA's decrypted access token, or null when none is stored or it cannot be decrypted. */
  async accessToken(wabaId: string): Promise<string | null> {
    const waba = await this.wabas.findOneBy({ wabaId });
    if (!waba?.accessTokenCiphertext) return null;
    if (this.config.tokenEncryptionKey === null) {
      throw new DomainError(
        'NOT_CONFIGURED',
        `WABA ${wabaId} has a stored access token but TOKEN_ENCRYPTION_KEY is not set`,
      );
    }
    return decryptAccessToken(this.config.tokenEncryptionKey, wabaId, waba.accessTokenCiphertext);
  }

  /** Records that Meta refused the WABA's token; scheduled pulls stop until a new one is set. */
  async markAccessTokenRejected(wabaId: string, reason: string): Promise<void> {
    await this.wabas.update(
      { wabaId },
      { accessTokenStatus: 'REJECTED', accessTokenError: reason.slice(0, 500) },
    );
  }

  private setAccessToken(waba: WabaEntity, token: string | null): void {
    const trimmed = token?.trim() ?? '';
    if (trimmed === '') {
      waba.accessTokenCiphertext = null;
      waba.accessTokenStatus = null;
      waba.accessTokenError = null;
      return;
    }
    if (this.config.tokenEncryptionKey === null) {
      throw new DomainError(
        'NOT_CONFIGURED',
        'this server cannot store access tokens: set TOKEN_ENCRYPTION_KEY (32 bytes, hex or base64) and restart',
      );
    }
    if (trimmed.length > 4096 || /\s/.test(trimmed)) {
      throw new DomainError(
        'BAD_USER_INPUT',
        'accessToken must be one word of at most 4096 characters',
      );
    }
    waba.accessTokenCiphertext = encryptAccessToken(
      this.config.tokenEncryptionKey,
      waba.wabaId,
      trimmed,
    );
    waba.accessTokenStatus = 'ACTIVE';
    waba.accessTokenError = null;
  }

  async upsertPhoneNumber(input: PhoneNumberInput): Promise<AccountEdit<PhoneNumberEntity>> {
    const phoneNumberId = requireId(input.phoneNumberId, 'phoneNumberId');
    const wabaId = requireId(input.wabaId, 'wabaId');
    await this.ensureKnown(wabaId, null, null);
    const existing = await this.phoneNumbers.findOneBy({ phoneNumberId });
    const previousWabaId = existing?.wabaId ?? null;
    if (
      previousWabaId !== null &&
      previousWabaId !== wabaId &&
      (await this.hasMessages(previousWabaId, phoneNumberId))
    ) {
      throw new DomainError(
        'CONFLICT',
        `phone number ${phoneNumberId} already has messages under WABA ${previousWabaId}`,
      );
    }
    const now = new Date();
    const phone =
      existing ??
      this.phoneNumbers.create({
        phoneNumberId,
        createdAt: now,
        coexistence: false,
        onboardedAt: null,
        offboardedAt: null,
        displayPhoneNumber: null,
      });
    phone.wabaId = wabaId;
    if (input.displayPhoneNumber !== undefined) phone.displayPhoneNumber = input.displayPhoneNumber;
    if (input.coexistence !== undefined) phone.coexistence = input.coexistence;
    if (input.onboardedAt !== undefined) phone.onboardedAt = input.onboardedAt;
    phone.updatedAt = now;
    const saved = await this.phoneNumbers.save(phone);
    this.knownPhoneNumbers.set(phoneNumberId, wabaId);
    this.forgetEngineAccounts();
    if (previousWabaId === null || previousWabaId === wabaId) return { saved, repriceJob: null };
    const repriceJob = await this.reprice({
      wabaIds: [wabaId, previousWabaId],
      previousPortfolioIds: [],
    });
    return { saved, repriceJob };
  }

  listWabas(): Promise<WabaEntity[]> {
    return this.wabas.find({ order: { wabaId: 'ASC' } });
  }

  listPhoneNumbers(wabaId?: string): Promise<PhoneNumberEntity[]> {
    return this.phoneNumbers.find({
      where: wabaId ? { wabaId } : {},
      order: { phoneNumberId: 'ASC' },
    });
  }

  listPortfolios(): Promise<PortfolioEntity[]> {
    return this.portfolios.find({ order: { id: 'ASC' } });
  }

  async setOffboarded(wabaId: string, at: Date | null): Promise<void> {
    await this.phoneNumbers.update(
      { wabaId, coexistence: true },
      { offboardedAt: at, updatedAt: new Date() },
    );
  }

  /** The pricing view of a phone number's WABA, cached until an account edit. */
  async engineAccount(phoneNumberId: string): Promise<EngineAccount> {
    const cached = this.engineAccounts.get(phoneNumberId);
    if (cached) return cached;
    const wabaId = await this.wabaIdOf(phoneNumberId);
    const waba = wabaId ? await this.wabas.findOneBy({ wabaId }) : null;
    if (!waba)
      throw new DomainError('NOT_FOUND', `phone number ${phoneNumberId} belongs to no known WABA`);
    const account = toEngineAccount(waba);
    this.engineAccounts.set(phoneNumberId, account);
    return account;
  }

  forgetEngineAccounts(): void {
    this.engineAccounts.clear();
  }

  /** Drops cached accounts when any process edited a WABA since they were read. */
  async refreshEngineAccounts(): Promise<void> {
    const rows: { count: string | number; last: string | number | null }[] =
      await this.dataSource.query('SELECT COUNT(*) AS count, MAX(updated_at) AS last FROM wabas');
    const version = `${rows[0].count}|${rows[0].last}`;
    if (version !== this.accountsVersion) {
      this.engineAccounts.clear();
      this.accountsVersion = version;
    }
  }

  private async hasMessages(wabaId: string, phoneNumberId?: string): Promise<boolean> {
    const row: unknown[] = await this.dataSource.query(
      phoneNumberId
        ? `SELECT 1 FROM messages WHERE waba_id = ${this.sql.param(1)} AND phone_number_id = ${this.sql.param(2)} LIMIT 1`
        : `SELECT 1 FROM messages WHERE waba_id = ${this.sql.param(1)} LIMIT 1`,
      phoneNumberId ? [wabaId, phoneNumberId] : [wabaId],
    );
    return row.length > 0;
  }

  private async reprice(change: PricingFactsChange): Promise<JobEntity | null> {
    return this.repricer === null ? null : this.repricer(change);
  }
}

export function toEngineAccount(waba: WabaEntity): EngineAccount {
  return {
    portfolioId: waba.portfolioId,
    wabaId: waba.wabaId,
    timezone: waba.timezone,
    currency: waba.currency,
    primaryBusinessCountry: waba.primaryBusinessCountry,
    authInternationalStarts: waba.authInternationalStarts.map((start) => ({
      country: start.country,
      startsAt: new Date(start.startsAt),
    })),
    freeServiceAllowance: waba.freeServiceAllowance,
  };
}

function pricingFacts(waba: WabaEntity) {
  return [
    waba.portfolioId,
    waba.timezone,
    waba.currency,
    waba.primaryBusinessCountry,
    waba.authInternationalStarts,
    waba.freeServiceAllowance,
  ];
}

function requireId(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > 64)
    throw new DomainError('BAD_USER_INPUT', `${field} must be 1 to 64 characters`);
  return trimmed;
}

/** A display name: trimmed, at most 200 characters; empty or null clears it. */
function displayName(value: string | null, field: string): string | null {
  const trimmed = value?.trim() ?? '';
  if ([...trimmed].length > 200) {
    throw new DomainError('BAD_USER_INPUT', `${field} must be at most 200 characters`);
  }
  return trimmed === '' ? null : trimmed;
}

function countryCode(value: string, field: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code))
    throw new DomainError(
      'BAD_USER_INPUT',
      `${field} must be an ISO 3166 alpha-2 code such as BR; got "${value}"`,
    );
  return code;
}
