import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, LessThan, Repository } from 'typeorm';
import { AccountsService } from '../../accounts/services/accounts.service';
import { DomainError, type DomainErrorDetail } from '../../common/errors/domain.error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { queryRecords } from '../../database/query-records.util';
import { SqlParameters, driverOf } from '../../database/sql-dialect';
import { addMonths, localDate, startOfLocalDate } from '../../pricing/time/local-time.util';
import { MetaAnalyticsPullEntity } from '../entities/meta-analytics-pull.entity';
import { MetaGraphError, MetaTokenRejectedError } from '../errors/meta-graph.error';
import type { MetaPricingDataPoint } from '../meta-analytics.types';
import { JsonNumber, parseExactJson, type ExactJson } from '../utils/parse-exact-json.util';
import { readPricingAnalyticsPage } from '../utils/read-pricing-analytics-page.util';
import { GraphApiClient } from './graph-api-client.service';
import { MetaAnalyticsStore } from './meta-analytics-store.service';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_PAGES = 1000;
/** A failed scheduled pull is tried again after this long; a RUNNING one is taken over after it. */
const RECLAIM_AFTER_MS = 60 * 60 * 1000;
/** At most this much history in one pull request. */
const MAX_RANGE_MS = 93 * DAY_MS;

export type PullKind = 'DAILY' | 'MONTH' | 'MANUAL' | 'FILE';

export interface AnalyticsFile {
  name: string;
  text: string;
}

export interface AnalyticsImportSummary {
  files: number;
  dataPoints: number;
  problems: DomainErrorDetail[];
}

/**
 * Meta's pricing_analytics for the WABAs with an access token: pulled from the Graph API
 * (DAILY, every dimension, following paging.next) or imported from saved answers, and stored
 * idempotently in meta_pricing_analytics. Every pull and import is recorded in
 * meta_analytics_pulls with the range it covers.
 */
@Injectable()
export class MetaAnalyticsService {
  private readonly logger = new Logger(MetaAnalyticsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(MetaAnalyticsPullEntity)
    private readonly pulls: Repository<MetaAnalyticsPullEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsService,
    private readonly client: GraphApiClient,
    private readonly store: MetaAnalyticsStore,
  ) {}

  /** Pulls [from, to) for one WABA now (an operator's request); fails with Meta's reason. */
  async pullRange(wabaId: string, from: Date, to: Date): Promise<MetaAnalyticsPullEntity> {
    if (!(from.getTime() < to.getTime()) || to.getTime() - from.getTime() > MAX_RANGE_MS) {
      throw new DomainError('BAD_USER_INPUT', 'from must be before to, at most 93 days apart');
    }
    await this.requireToken(wabaId);
    const pull = await this.claim(wabaId, 'MANUAL', randomUUID(), from, to, new Date());
    const done = await this.run(pull!);
    if (done.status === 'FAILED') throw new DomainError('UPSTREAM_ERROR', done.error ?? 'failed');
    return done;
  }

  /**
   * The scheduler's daily pull: once per UTC day per WABA with an active token, its last
   * META_ANALYTICS_DAYS local days and today so far, from a day before the first local midnight
   * (Meta's day buckets may start at another midnight than the WABA's).
   */
  async pullRecentDays(now: Date): Promise<MetaAnalyticsPullEntity[]> {
    const done: MetaAnalyticsPullEntity[] = [];
    for (const waba of await this.accounts.wabasWithActiveAccessToken()) {
      const firstDay = localDate(
        new Date(now.getTime() - this.config.metaAnalyticsDays * DAY_MS),
        waba.timezone,
      ).date;
      const from = new Date(startOfLocalDate(firstDay, waba.timezone).getTime() - DAY_MS);
      const pull = await this.claim(
        waba.wabaId,
        'DAILY',
        now.toISOString().slice(0, 10),
        from,
        now,
        now,
      );
      if (pull !== null) done.push(await this.run(pull));
    }
    return done;
  }

  /**
   * A whole local month, once, after it closed (a day of margin on each side); null when the
   * WABA has no active token or the month was pulled already.
   */
  async pullMonth(
    wabaId: string,
    month: string,
    now: Date,
  ): Promise<MetaAnalyticsPullEntity | null> {
    const waba = (await this.accounts.wabasWithActiveAccessToken()).find(
      (candidate) => candidate.wabaId === wabaId,
    );
    if (!waba) return null;
    const from = new Date(startOfLocalDate(`${month}-01`, waba.timezone).getTime() - DAY_MS);
    const to = new Date(
      startOfLocalDate(`${addMonths(month, 1)}-01`, waba.timezone).getTime() + DAY_MS,
    );
    const pull = await this.claim(wabaId, 'MONTH', month, from, to, now);
    return pull === null ? null : this.run(pull);
  }

  /**
   * Imports saved answers of `GET /<WABA_ID>?fields=pricing_analytics…` (each file one answer or
   * one page, exactly as Meta returns it). Points are upserted (never removing others); problems
   * are listed by file and JSON path and never stop the good points.
   */
  async importFiles(
    wabaId: string,
    files: readonly AnalyticsFile[],
  ): Promise<AnalyticsImportSummary> {
    const waba = (await this.accounts.listWabas()).find((candidate) => candidate.wabaId === wabaId);
    if (!waba) {
      throw new DomainError(
        'NOT_FOUND',
        `unknown WABA "${wabaId}": create it with upsertWaba first (its timezone places Meta's days)`,
      );
    }
    const problems: DomainErrorDetail[] = [];
    const points: MetaPricingDataPoint[] = [];
    for (const file of files) {
      let json: ExactJson;
      try {
        json = parseExactJson(file.text);
      } catch (error) {
        problems.push({ path: file.name, message: `not JSON: ${(error as Error).message}` });
        continue;
      }
      const id =
        typeof json === 'object' &&
        json !== null &&
        !Array.isArray(json) &&
        !(json instanceof JsonNumber)
          ? json.id
          : undefined;
      if (typeof id === 'string' && id !== wabaId) {
        problems.push({
          path: `${file.name}: $.id`,
          message: `the answer is for WABA ${id}, not ${wabaId}`,
        });
        continue;
      }
      const page = readPricingAnalyticsPage(json);
      problems.push(
        ...page.problems.map((problem) => ({
          path: `${file.name}: ${problem.path}`,
          message: problem.message,
        })),
      );
      points.push(...page.points);
    }
    if (points.length > 0) {
      const now = new Date();
      const from = new Date(Math.min(...points.map((point) => point.start)) * 1000);
      const to = new Date(Math.max(...points.map((point) => point.end)) * 1000);
      const stored = await this.store.save(wabaId, points, 'FILE', now, null);
      await this.pulls.save(
        this.pulls.create({
          wabaId,
          kind: 'FILE' satisfies PullKind,
          period: randomUUID(),
          rangeStart: from,
          rangeEnd: to,
          status: 'DONE',
          pages: files.length,
          dataPoints: stored,
          error: null,
          startedAt: now,
          finishedAt: new Date(),
        }),
      );
      return { files: files.length, dataPoints: stored, problems };
    }
    return { files: files.length, dataPoints: 0, problems };
  }

  /** The most recent pulls and imports, newest first. */
  /** A page of pulls and imports, newest first: those before `beforeId` (null: the newest). */
  async pagePulls(
    wabaId: string | null,
    first: number,
    beforeId: number | null,
  ): Promise<{ pulls: MetaAnalyticsPullEntity[]; hasNextPage: boolean; totalCount: number }> {
    const where = wabaId ? { wabaId } : {};
    const [found, totalCount] = await Promise.all([
      this.pulls.find({
        where: beforeId === null ? where : { ...where, id: LessThan(beforeId) },
        order: { id: 'DESC' },
        take: first + 1,
      }),
      this.pulls.count({ where }),
    ]);
    return { pulls: found.slice(0, first), hasNextPage: found.length > first, totalCount };
  }

  /** The instant ranges that finished pulls and imports cover, per WABA. */
  async coverage(wabaIds: readonly string[]): Promise<Map<string, { from: number; to: number }[]>> {
    const coverage = new Map<string, { from: number; to: number }[]>();
    if (wabaIds.length === 0) return coverage;
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const rows = (await this.dataSource.query(
      `SELECT waba_id, range_start, range_end FROM meta_analytics_pulls
        WHERE status = 'DONE' AND waba_id IN (${parameters.list(wabaIds)})`,
      parameters.values,
    )) as { waba_id: string; range_start: string | number; range_end: string | number }[];
    for (const row of rows) {
      const ranges = coverage.get(row.waba_id) ?? [];
      ranges.push({ from: Number(row.range_start), to: Number(row.range_end) });
      coverage.set(row.waba_id, ranges);
    }
    return coverage;
  }

  private async requireToken(wabaId: string): Promise<void> {
    const waba = (await this.accounts.listWabas()).find((candidate) => candidate.wabaId === wabaId);
    if (!waba) throw new DomainError('NOT_FOUND', `unknown WABA "${wabaId}"`);
    if (waba.accessTokenCiphertext === null) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `WABA ${wabaId} has no access token: set one with upsertWaba(accessToken)`,
      );
    }
  }

  /**
   * Claims a pull by inserting its row (unique WABA × kind × period), or by taking over one that
   * failed or stalled an hour ago; null when another process (or an earlier tick) has it.
   */
  private async claim(
    wabaId: string,
    kind: PullKind,
    period: string,
    from: Date,
    to: Date,
    now: Date,
  ): Promise<MetaAnalyticsPullEntity | null> {
    const insert = new SqlParameters(driverOf(this.dataSource));
    const inserted = await queryRecords<{ id: number | string }>(
      this.dataSource,
      `INSERT INTO meta_analytics_pulls
         (waba_id, kind, period, range_start, range_end, status, pages, data_points, started_at)
       VALUES (${insert.list([wabaId, kind, period, from.getTime(), to.getTime(), 'RUNNING', 0, 0, now.getTime()])})
       ON CONFLICT (waba_id, kind, period) DO NOTHING RETURNING id`,
      insert.values,
    );
    let id = inserted[0]?.id;
    if (id === undefined) {
      const parameters = new SqlParameters(driverOf(this.dataSource));
      const stale = now.getTime() - RECLAIM_AFTER_MS;
      const taken = await queryRecords<{ id: number | string }>(
        this.dataSource,
        `UPDATE meta_analytics_pulls
            SET status = 'RUNNING', started_at = ${parameters.add(now.getTime())}, error = NULL,
                finished_at = NULL, range_start = ${parameters.add(from.getTime())},
                range_end = ${parameters.add(to.getTime())}
          WHERE waba_id = ${parameters.add(wabaId)} AND kind = ${parameters.add(kind)}
            AND period = ${parameters.add(period)}
            AND ((status = 'FAILED' AND finished_at < ${parameters.add(stale)})
              OR (status = 'RUNNING' AND started_at < ${parameters.add(stale)}))
          RETURNING id`,
        parameters.values,
      );
      id = taken[0]?.id;
    }
    return id === undefined ? null : this.pulls.findOneByOrFail({ id: Number(id) });
  }

  /** Fetches every page of the claimed range, stores it, and records how it went. */
  private async run(pull: MetaAnalyticsPullEntity): Promise<MetaAnalyticsPullEntity> {
    try {
      const token = await this.accounts.accessToken(pull.wabaId);
      if (token === null) throw new MetaGraphError('the WABA has no access token', null);
      let url: string | null = this.client.pricingAnalyticsUrl(
        pull.wabaId,
        Math.floor(pull.rangeStart.getTime() / 1000),
        Math.floor(pull.rangeEnd.getTime() / 1000),
      );
      const points: MetaPricingDataPoint[] = [];
      let pages = 0;
      while (url !== null) {
        if (pages >= MAX_PAGES) throw new MetaGraphError(`more than ${MAX_PAGES} pages`, null);
        const page = readPricingAnalyticsPage(await this.client.getJson(url, token));
        pages += 1;
        if (page.problems.length > 0) {
          const first = page.problems[0];
          throw new MetaGraphError(
            `the answer is not as Meta documents it (${page.problems.length} problem(s); ${first.path}: ${first.message})`,
            null,
          );
        }
        points.push(...page.points);
        url = page.next;
      }
      const stored = await this.store.save(pull.wabaId, points, 'API', new Date(), {
        from: pull.rangeStart,
        to: pull.rangeEnd,
      });
      Object.assign(pull, {
        status: 'DONE',
        pages,
        dataPoints: stored,
        error: null,
        finishedAt: new Date(),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof MetaTokenRejectedError) {
        await this.accounts.markAccessTokenRejected(pull.wabaId, message);
      }
      this.logger.warn(
        `pricing_analytics pull ${pull.id} of WABA ${pull.wabaId} failed: ${message}`,
      );
      Object.assign(pull, {
        status: 'FAILED',
        error: message.slice(0, 2000),
        finishedAt: new Date(),
      });
    }
    return this.pulls.save(pull);
  }
}
