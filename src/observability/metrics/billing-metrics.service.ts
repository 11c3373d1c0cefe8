import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Seconds: from a millisecond GraphQL read to a re-rate of a busy month. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** Operation names come from clients: beyond this many distinct ones, they count as "other". */
const MAX_OPERATION_NAMES = 200;

export type WebhookRefusal =
  'invalid_body' | 'bad_signature' | 'too_large' | 'compressed' | 'storage_error';

/**
 * The service's Prometheus metrics, in a registry of the application's own (several applications
 * in one process, as in the tests, each count their own). Values read from the database at
 * scrape time (queue, pool) are registered by `ScrapeTimeMetrics`.
 */
@Injectable()
export class BillingMetrics {
  readonly registry = new Registry();

  readonly webhookDeliveries = new Counter({
    name: 'billing_webhook_deliveries_received_total',
    help: 'POST /webhooks/whatsapp deliveries received, whatever their answer',
    registers: [this.registry],
  });

  readonly webhookRefusals = new Counter({
    name: 'billing_webhook_deliveries_refused_total',
    help: 'Webhook deliveries answered other than 200, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly webhookDuplicates = new Counter({
    name: 'billing_webhook_bodies_duplicate_total',
    help: 'Webhook bodies answered 200 that were already logged (Meta retried a delivery)',
    registers: [this.registry],
  });

  readonly webhookBodiesLogged = new Counter({
    name: 'billing_webhook_bodies_logged_total',
    help: 'New webhook bodies written to the raw event log and answered 200',
    registers: [this.registry],
  });

  readonly webhookBodiesApplied = new Counter({
    name: 'billing_webhook_bodies_applied_total',
    help: 'Logged webhook bodies this process applied (facts stored, charges re-rated)',
    registers: [this.registry],
  });

  readonly rerateDuration = new Histogram({
    name: 'billing_rerate_duration_seconds',
    help: 'Re-rates: incremental (what a webhook batch affects) and month (whole local months)',
    labelNames: ['kind'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'billing_job_duration_seconds',
    help: 'Jobs run by this process, by kind and outcome (done, failed, handed back at a stop)',
    labelNames: ['kind', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'billing_graphql_request_duration_seconds',
    help: 'GraphQL requests from receipt to answer, by operation name and outcome (ok, error)',
    labelNames: ['operation', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  private readonly operationNames = new Set<string>();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'billing_' });
  }

  /** Runs `work` and records its duration in `histogram`, whether it succeeds or throws. */
  async time<T, L extends string>(
    histogram: Histogram<L>,
    labels: Partial<Record<L, string>>,
    work: () => Promise<T>,
  ): Promise<T> {
    const end = histogram.startTimer(labels);
    try {
      return await work();
    } finally {
      end();
    }
  }

  /** A label for a client's operation name, bounded in length and in distinct values. */
  operationLabel(name: string | null | undefined): string {
    if (name === null || name === undefined || name === '') return 'anonymous';
    const label = name.slice(0, 64);
    if (this.operationNames.has(label)) return label;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(label);
    return label;
  }
}
