import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { DemoLoadError } from './demo-load.error';
import type { DemoMonth } from './demo-month.types';

/** A running service: where it listens, an operator key, the app secret it checks (if any). */
export interface DemoTarget {
  baseUrl: string;
  apiKey: string;
  appSecret: string | null;
}

export type DemoLoadProgress =
  { phase: 'webhooks'; posted: number; total: number } | { phase: 'applying'; waiting: number };

export interface DemoLoadResult {
  sends: number;
  webhooks: number;
  /** Bodies the service set aside after three failures (kept in raw_events for replay). */
  failedBodies: number;
}

/** recordSentMessages records per request. */
const SEND_BATCH = 1_000;
/** Webhook deliveries in flight at once, as Meta's several connections. */
const CONCURRENT_DELIVERIES = 16;

/**
 * Sends a demo month to a running service the way production traffic reaches it: the WABA and
 * its numbers through GraphQL (`upsertWaba`, `upsertPhoneNumber`), the send log through
 * `recordSentMessages`, then every webhook body as Meta POSTs it (signed with the app secret,
 * in time order, several at once), and waits until `/health` shows them all applied and charged.
 * Running it again changes nothing: the service ignores bodies it already logged.
 */
export async function loadDemoMonth(
  target: DemoTarget,
  demo: DemoMonth,
  onProgress?: (progress: DemoLoadProgress) => void,
): Promise<DemoLoadResult> {
  const client = new DemoClient(target);
  try {
    return await sendDemoMonth(client, demo, onProgress);
  } finally {
    client.close();
  }
}

async function sendDemoMonth(
  client: DemoClient,
  demo: DemoMonth,
  onProgress?: (progress: DemoLoadProgress) => void,
): Promise<DemoLoadResult> {
  await client.graphql(`mutation($input: WabaInput!) { upsertWaba(input: $input) { wabaId } }`, {
    input: demo.waba,
  });
  for (const phone of demo.phoneNumbers) {
    await client.graphql(
      `mutation($input: PhoneNumberInput!) { upsertPhoneNumber(input: $input) { phoneNumberId } }`,
      { input: { ...phone, wabaId: demo.waba.wabaId } },
    );
  }
  for (let start = 0; start < demo.sends.length; start += SEND_BATCH) {
    const batch = demo.sends.slice(start, start + SEND_BATCH);
    const data = await client.graphql<{
      recordSentMessages: { rejected: { index: number; message: string }[] };
    }>(
      `mutation($input: [SentMessageInput!]!) { recordSentMessages(input: $input) { rejected { index message } } }`,
      { input: batch },
    );
    const [first] = data.recordSentMessages.rejected;
    if (first) {
      throw new DemoLoadError(
        `the service refused send record ${batch[first.index].wamid}: ${first.message}`,
      );
    }
  }
  let posted = 0;
  let next = 0;
  const deliver = async () => {
    while (next < demo.webhooks.length) {
      const webhook = demo.webhooks[next];
      next += 1;
      await client.postWebhook(webhook.body);
      posted += 1;
      onProgress?.({ phase: 'webhooks', posted, total: demo.webhooks.length });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_DELIVERIES }, deliver));
  const failedBodies = await client.waitUntilApplied((waiting) =>
    onProgress?.({ phase: 'applying', waiting }),
  );
  return { sends: demo.sends.length, webhooks: demo.webhooks.length, failedBodies };
}

interface DemoResponse {
  status: number;
  text: string;
}

/** The HTTP calls the demo makes, with the service's refusals as `DemoLoadError`s. */
export class DemoClient {
  private readonly agent: http.Agent;
  private readonly base: URL;

  constructor(private readonly target: DemoTarget) {
    this.base = new URL(target.baseUrl);
    const options = { keepAlive: true, maxSockets: CONCURRENT_DELIVERIES };
    this.agent =
      this.base.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
  }

  async graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await this.request('POST', '/graphql', JSON.stringify({ query, variables }), {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${this.target.apiKey}`,
    });
    let payload: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      payload = JSON.parse(response.text) as typeof payload;
    } catch {
      throw new DemoLoadError(
        `POST /graphql answered ${response.status}: ${response.text.slice(0, 200)}`,
        response.status,
      );
    }
    if (payload.errors?.length || payload.data === undefined) {
      const error = payload.errors?.[0];
      const code = error?.extensions?.code;
      throw new DemoLoadError(
        `GraphQL ${code ?? response.status}: ${error?.message ?? 'no data'}`,
        code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : response.status,
      );
    }
    return payload.data;
  }

  async postWebhook(body: string): Promise<void> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (this.target.appSecret !== null) {
      const digest = createHmac('sha256', this.target.appSecret).update(body).digest('hex');
      headers['X-Hub-Signature-256'] = `sha256=${digest}`;
    }
    const response = await this.request('POST', '/webhooks/whatsapp', body, headers);
    if (response.status !== 200) {
      throw new DemoLoadError(
        `POST /webhooks/whatsapp answered ${response.status}: ${response.text.slice(0, 200)}`,
        response.status,
      );
    }
  }

  /** Polls /health until no webhook body waits; returns how many were set aside as failed. */
  async waitUntilApplied(onWaiting?: (waiting: number) => void): Promise<number> {
    for (;;) {
      const response = await this.request('GET', '/health');
      let queue: { waiting?: number; failed?: number } | undefined;
      try {
        queue = (JSON.parse(response.text) as { details?: { webhookQueue?: typeof queue } }).details
          ?.webhookQueue;
      } catch {
        queue = undefined;
      }
      if (queue?.waiting === undefined) {
        throw new DemoLoadError(
          `GET /health answered ${response.status} without the webhook queue`,
        );
      }
      onWaiting?.(queue.waiting);
      if (queue.waiting === 0) return queue.failed ?? 0;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private request(
    method: 'GET' | 'POST',
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ): Promise<DemoResponse> {
    const url = new URL(path, this.base);
    const send = url.protocol === 'https:' ? https.request : http.request;
    return new Promise((resolve, reject) => {
      const request = send(url, { method, headers, agent: this.agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      });
      request.on('error', (error: NodeJS.ErrnoException) =>
        reject(
          new DemoLoadError(
            `cannot reach the service at ${url.origin}: ${error.code ?? error.message}`,
          ),
        ),
      );
      request.end(body);
    });
  }
}
