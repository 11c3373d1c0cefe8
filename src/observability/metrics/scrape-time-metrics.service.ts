import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { QueueObserver, type QueueState } from '../queue-observer.service';
import { BillingMetrics } from './billing-metrics.service';

/**
 * Metrics read when Prometheus scrapes: the webhook queue from the raw event log (the same for
 * every process on the database) and this process's database connections.
 */
@Injectable()
export class ScrapeTimeMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: BillingMetrics,
    private readonly queue: QueueObserver,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    // One read of the log per scrape, shared by the gauges below.
    let reading: Promise<QueueState | null> | null = null;
    const queueState = (): Promise<QueueState | null> => {
      reading ??= this.queue
        .state()
        .catch(() => null)
        .finally(() => setImmediate(() => (reading = null)));
      return reading;
    };
    const databaseUp: Gauge = new Gauge({
      name: 'billing_database_up',
      help: '1 when the last scrape could read the webhook queue from the database, else 0',
      registers,
      collect: async () => databaseUp.set((await queueState()) === null ? 0 : 1),
    });
    const fromQueue = (name: string, help: string, value: (state: QueueState) => number) => {
      const gauge: Gauge = new Gauge({
        name,
        help,
        registers,
        collect: async () => {
          const state = await queueState();
          if (state === null) gauge.reset();
          else gauge.set(value(state));
        },
      });
    };
    fromQueue(
      'billing_webhook_queue_waiting_bodies',
      'Logged webhook bodies still to apply (retrying ones included)',
      (state) => state.waiting,
    );
    fromQueue(
      'billing_webhook_queue_retrying_bodies',
      'Of the waiting bodies, those waiting for another attempt after a failure',
      (state) => state.retrying,
    );
    fromQueue(
      'billing_webhook_queue_oldest_waiting_seconds',
      'Age of the oldest body never tried yet (0 when none waits)',
      (state) =>
        state.oldestFreshReceivedAt === null
          ? 0
          : Math.max(0, (Date.now() - state.oldestFreshReceivedAt) / 1000),
    );
    fromQueue(
      'billing_webhook_set_aside_bodies',
      'Webhook bodies set aside after their last attempt, waiting for an operator',
      (state) => state.setAside,
    );
    const pool: Gauge<'state'> = new Gauge({
      name: 'billing_database_pool_connections',
      help: 'Database connections of this process by state (PostgreSQL pool: total, idle, waiting requests, max; SQLite: its one main connection as total and max)',
      labelNames: ['state'] as const,
      registers,
      collect: () => {
        for (const [state, value] of Object.entries(this.poolUse())) pool.set({ state }, value);
      },
    });
  }

  private poolUse(): Record<string, number> {
    if (this.dataSource.options.type !== 'postgres') return { total: 1, max: 1 };
    const driver = this.dataSource.driver as PostgresDriver;
    const master = driver.master as
      | { totalCount: number; idleCount: number; waitingCount: number; options?: { max?: number } }
      | undefined;
    if (master === undefined) return { total: 0, idle: 0, waiting: 0 };
    return {
      total: master.totalCount,
      idle: master.idleCount,
      waiting: master.waitingCount,
      max: master.options?.max ?? 10,
    };
  }
}
