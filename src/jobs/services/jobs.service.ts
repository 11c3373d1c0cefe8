import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource, Repository } from 'typeorm';
import { SqlDialect } from '../../database/sql-dialect';
import { JobEntity } from '../entities/job.entity';
import type { JobKind, JobStatus } from '../job.types';

/** A running job's heartbeat older than this means its process stopped: another resumes it. */
export const STALE_HEARTBEAT_MS = 30_000;
/**
 * On PostgreSQL a running job's process holds a session advisory lock on it: a RUNNING job whose
 * lock is free (its process died with its connection) is taken over at once rather than after
 * the heartbeat goes stale. The grace covers the moment between a claim and its lock.
 */
export const LOCK_GRACE_MS = 2_000;

/** A job started this many times without finishing is failed instead of started again. */
export const MAX_JOB_ATTEMPTS = 5;

/** This process, as recorded on the jobs it claims. */
export const PROCESS_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** The jobs table: enqueue, claim (one process each, PostgreSQL `SKIP LOCKED`), report, finish. */
@Injectable()
export class JobsService {
  private readonly sql: SqlDialect;
  private readonly enqueued: (() => void)[] = [];

  constructor(
    @InjectRepository(JobEntity) private readonly jobs: Repository<JobEntity>,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.sql = new SqlDialect(dataSource);
  }

  /** Calls `listener` whenever this process enqueues a job (the runner wakes at once). */
  onEnqueued(listener: () => void): void {
    this.enqueued.push(listener);
  }

  /** Queues a job; `id` gives it the id of what it makes (an export's job has the export's id). */
  async enqueue(kind: JobKind, payload: unknown, id: string = randomUUID()): Promise<JobEntity> {
    const job = await this.jobs.save(
      this.jobs.create({
        id,
        kind,
        status: 'QUEUED',
        payload,
        checkpoint: null,
        progress: 0,
        result: null,
        error: null,
        attempts: 0,
        claimedBy: null,
        createdAt: new Date(),
        startedAt: null,
        heartbeatAt: null,
        finishedAt: null,
      }),
    );
    for (const listener of this.enqueued) listener();
    return job;
  }

  find(id: string): Promise<JobEntity | null> {
    return this.jobs.findOneBy({ id });
  }

  /** Newest first, keyset-paged by (created_at, id). */
  async page(
    filter: { status?: JobStatus; kind?: JobKind },
    first: number,
    after: { createdAt: number; id: string } | null,
  ): Promise<{ rows: JobEntity[]; hasNextPage: boolean; totalCount: number }> {
    const query = this.jobs.createQueryBuilder('j');
    if (filter.status) query.andWhere('j.status = :status', { status: filter.status });
    if (filter.kind) query.andWhere('j.kind = :kind', { kind: filter.kind });
    const totalCount = await query.getCount();
    if (after !== null) {
      query.andWhere('(j.createdAt < :at OR (j.createdAt = :at AND j.id < :id))', {
        at: after.createdAt,
        id: after.id,
      });
    }
    const rows = await query
      .orderBy('j.createdAt', 'DESC')
      .addOrderBy('j.id', 'DESC')
      .take(first + 1)
      .getMany();
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }

  /**
   * Claims the oldest job waiting for this process. On PostgreSQL the candidate row is locked
   * with SKIP LOCKED, so two processes never claim the same job; a RUNNING job is taken over only
   * by `claimOrphan`, once its process's lock is gone (a live process with a slow heartbeat keeps
   * its job). On SQLite a RUNNING job with a stale heartbeat is taken too.
   */
  async claim(now = Date.now()): Promise<JobEntity | null> {
    await this.failExhausted(now);
    const p = (index: number) => this.sql.param(index);
    const waiting = this.sql.postgres
      ? `status = 'QUEUED'`
      : `status = 'QUEUED' OR (status = 'RUNNING' AND heartbeat_at < ${p(4)})`;
    const lock = this.sql.postgres ? ' FOR UPDATE SKIP LOCKED' : '';
    const rows: { id: string }[] = await this.sql.query(
      `UPDATE jobs SET status = 'RUNNING', claimed_by = ${p(1)}, heartbeat_at = ${p(2)},
              started_at = COALESCE(started_at, ${p(3)}), attempts = attempts + 1
        WHERE id = (SELECT id FROM jobs WHERE ${waiting}
                     ORDER BY created_at, id LIMIT 1${lock})
        RETURNING id`,
      this.sql.postgres ? [PROCESS_ID, now, now] : [PROCESS_ID, now, now, now - STALE_HEARTBEAT_MS],
    );
    const id = rowsOf(rows)[0]?.id;
    return id === undefined ? null : this.find(id);
  }

  /**
   * A RUNNING job whose process is gone (PostgreSQL: nobody holds its advisory lock, which
   * `lock.hold` takes on this process's lock connection), claimed for this process.
   */
  async claimOrphan(
    lock: { hold: (id: string) => Promise<boolean>; release: (id: string) => Promise<void> },
    now = Date.now(),
  ): Promise<JobEntity | null> {
    if (!this.sql.postgres) return null;
    const running: { id: string; claimed_by: string | null }[] = await this.sql.query(
      `SELECT id, claimed_by FROM jobs
        WHERE status = 'RUNNING' AND heartbeat_at < $1 AND attempts < $2
        ORDER BY created_at, id LIMIT 20`,
      [now - LOCK_GRACE_MS, MAX_JOB_ATTEMPTS],
    );
    for (const candidate of running) {
      if (!(await lock.hold(candidate.id))) continue;
      const rows: { id: string }[] = await this.sql.query(
        `UPDATE jobs SET claimed_by = $1, heartbeat_at = $2, attempts = attempts + 1
          WHERE id = $3 AND status = 'RUNNING' AND claimed_by IS NOT DISTINCT FROM $4
          RETURNING id`,
        [PROCESS_ID, now, candidate.id, candidate.claimed_by],
      );
      if (rowsOf(rows).length > 0) return this.find(candidate.id);
      await lock.release(candidate.id);
    }
    return null;
  }

  /** Progress and checkpoint; false when the job is no longer this process's (reclaimed). */
  async report(id: string, progress: number, checkpoint: unknown): Promise<boolean> {
    const values = {
      progress,
      heartbeatAt: new Date(),
      ...(checkpoint === undefined ? {} : { checkpoint: checkpoint as never }),
    };
    const result = await this.jobs.update({ id, claimedBy: PROCESS_ID, status: 'RUNNING' }, values);
    return (result.affected ?? 0) > 0;
  }

  async heartbeat(id: string): Promise<void> {
    await this.jobs.update(
      { id, claimedBy: PROCESS_ID, status: 'RUNNING' },
      { heartbeatAt: new Date() },
    );
  }

  /** Records the job DONE; false when it is no longer this process's. */
  async finish(id: string, result: unknown): Promise<boolean> {
    const update = await this.jobs.update(
      { id, claimedBy: PROCESS_ID },
      { status: 'DONE', progress: 1, result: result as never, finishedAt: new Date() },
    );
    return (update.affected ?? 0) > 0;
  }

  /** Records the job FAILED; false when it is no longer this process's. */
  async fail(id: string, error: string): Promise<boolean> {
    const update = await this.jobs.update(
      { id, claimedBy: PROCESS_ID },
      { status: 'FAILED', error: error.slice(0, 2000), finishedAt: new Date() },
    );
    return (update.affected ?? 0) > 0;
  }

  /** A stopping process hands its job back: QUEUED again, with its checkpoint and progress. */
  async release(id: string): Promise<void> {
    await this.jobs.update(
      { id, claimedBy: PROCESS_ID, status: 'RUNNING' },
      { status: 'QUEUED', claimedBy: null, heartbeatAt: null },
    );
  }

  /**
   * Jobs of a process that died (the single SQLite process, at start-up): their heartbeat is made
   * stale, so that a job that has stopped its process too often is failed, not started again.
   */
  async releaseAllRunning(): Promise<void> {
    await this.jobs.update({ status: 'RUNNING' }, { heartbeatAt: new Date(0) });
  }

  /** Whether any job is waiting or running (stale or not). */
  async busy(): Promise<boolean> {
    return (await this.jobs.count({ where: [{ status: 'QUEUED' }, { status: 'RUNNING' }] })) > 0;
  }

  private async failExhausted(now: number): Promise<void> {
    const p = (index: number) => this.sql.param(index);
    await this.sql.query(
      `UPDATE jobs SET status = 'FAILED', finished_at = ${p(1)},
              error = 'interrupted ' || attempts || ' times without finishing'
        WHERE status = 'RUNNING' AND heartbeat_at < ${p(2)} AND attempts >= ${p(3)}`,
      [now, now - STALE_HEARTBEAT_MS, MAX_JOB_ATTEMPTS],
    );
  }
}

/** TypeORM's PostgreSQL driver returns [rows, count] for UPDATE … RETURNING. */
function rowsOf<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}
