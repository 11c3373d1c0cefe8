import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
}

export interface StubAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** A JSON value (serialised) or raw text. */
  body: unknown;
}

export interface GraphApiStub {
  /** The stub's base URL, e.g. http://127.0.0.1:PORT/v24.0 */
  baseUrl: string;
  origin: string;
  requests: StubRequest[];
  /** Answers are taken in order; the last one repeats. */
  answer(...answers: (StubAnswer | ((request: StubRequest) => StubAnswer))[]): void;
  close(): Promise<void>;
}

/**
 * A local HTTP server standing in for the Graph API (tests never reach the internet): it records
 * every request and answers with the queued answers, Meta's documented shapes or errors.
 */
export async function startGraphApiStub(): Promise<GraphApiStub> {
  let queue: (StubAnswer | ((request: StubRequest) => StubAnswer))[] = [];
  const requests: StubRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const request: StubRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
    };
    requests.push(request);
    const next = queue.length > 1 ? queue.shift()! : queue[0];
    const answer = typeof next === 'function' ? next(request) : next;
    if (answer === undefined) {
      res.writeHead(500).end('no answer queued');
      return;
    }
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    res.writeHead(answer.status ?? 200, {
      'content-type': 'application/json',
      ...(answer.headers ?? {}),
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${origin}/v24.0`,
    origin,
    requests,
    answer(...answers) {
      queue = answers;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A pricing_analytics data point in Meta's documented shape (cost as raw JSON text when given as a string). */
export function dataPoint(fields: {
  start: number;
  end?: number;
  country: string;
  pricingType: string;
  pricingCategory: string;
  tier?: string;
  volume: number;
  cost: number;
  phoneNumber?: string;
}): Record<string, unknown> {
  return {
    start: fields.start,
    end: fields.end ?? fields.start + 86_400,
    ...(fields.phoneNumber ? { phone_number: fields.phoneNumber } : {}),
    country: fields.country,
    ...(fields.tier ? { tier: fields.tier } : {}),
    pricing_type: fields.pricingType,
    pricing_category: fields.pricingCategory,
    volume: fields.volume,
    cost: fields.cost,
  };
}

/** Meta's first answer: { pricing_analytics: { data: [{ data_points }], paging? }, id }. */
export function pricingAnalyticsAnswer(
  wabaId: string,
  points: Record<string, unknown>[],
  next?: string,
): Record<string, unknown> {
  return {
    pricing_analytics: {
      data: [{ data_points: points }],
      ...(next ? { paging: { cursors: { before: 'b', after: 'a' }, next } } : {}),
    },
    id: wabaId,
  };
}

/** A page reached through paging.next: { data: [{ data_points }], paging? }. */
export function pricingAnalyticsPage(
  points: Record<string, unknown>[],
  next?: string,
): Record<string, unknown> {
  return {
    data: [{ data_points: points }],
    ...(next ? { paging: { cursors: { before: 'b', after: 'a' }, next } } : {}),
  };
}

/** Meta's error answer, e.g. code 190 subcode 463 for an expired token. */
export function graphError(
  code: number,
  message: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEf123', ...extra },
  };
}
