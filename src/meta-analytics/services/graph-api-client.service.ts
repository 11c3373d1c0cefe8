import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { MetaGraphError, MetaTokenRejectedError } from '../errors/meta-graph.error';
import {
  JsonNumber,
  parseExactJson,
  type ExactJson,
  type ExactJsonObject,
} from '../utils/parse-exact-json.util';

/** Every dimension pricing_analytics offers, so that no breakdown is summed away. */
export const PRICING_ANALYTICS_DIMENSIONS = [
  'COUNTRY',
  'PHONE',
  'PRICING_CATEGORY',
  'PRICING_TYPE',
  'TIER',
] as const;

/**
 * Meta's throttling codes (application, account, page, WABA and Cloud API rate limits), retried
 * like HTTP 429; `is_transient: true` is retried too.
 */
const THROTTLING_CODES = new Set([4, 17, 32, 613, 80007, 80008, 130429]);
/** Meta's "temporarily unavailable" codes. */
const TRANSIENT_CODES = new Set([1, 2, 131000, 131016, 133004]);
const TOKEN_CODES = new Set([190]);
const REQUEST_TIMEOUT_MS = 30_000;
const MAX_DELAY_MS = 5 * 60_000;

interface GraphErrorBody {
  message: string;
  code: number | null;
  subcode: number | null;
  transient: boolean;
}

/**
 * Reads the Graph API with a WABA's access token (sent as a bearer header, never in a URL we
 * build, never logged). HTTP 429, 5xx, network errors and Meta's throttling codes are retried with
 * exponential backoff (META_GRAPH_RETRY_BASE_MS doubled each time, or Meta's Retry-After when
 * longer), up to META_GRAPH_MAX_ATTEMPTS; a refused token (code 190) fails at once.
 */
@Injectable()
export class GraphApiClient {
  /** Waits between attempts; tests replace it. */
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** GET /<WABA_ID>?fields=pricing_analytics…, DAILY, every dimension, [start, end) in Unix seconds. */
  pricingAnalyticsUrl(wabaId: string, start: number, end: number): string {
    const field =
      `pricing_analytics.start(${start}).end(${end}).granularity(DAILY)` +
      `.dimensions(${PRICING_ANALYTICS_DIMENSIONS.join(',')})`;
    const url = new URL(`${this.config.metaGraphApiUrl}/${encodeURIComponent(wabaId)}`);
    url.searchParams.set('fields', field);
    return url.toString();
  }

  /**
   * A `paging.next` URL is followed only on the configured Graph API's origin, so the token is
   * never sent anywhere else.
   */
  assertGraphUrl(url: string): void {
    let origin: string | null = null;
    try {
      origin = new URL(url).origin;
    } catch {
      origin = null;
    }
    if (origin !== new URL(this.config.metaGraphApiUrl).origin) {
      throw new MetaGraphError(
        'the Graph API answered with a paging.next URL on another host; not followed',
        null,
      );
    }
  }

  async getJson(url: string, token: string): Promise<ExactJson> {
    this.assertGraphUrl(url);
    const attempts = this.config.metaGraphMaxAttempts;
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.attempt(url, token);
      if (!(outcome instanceof RetryableFailure)) return outcome;
      if (attempt >= attempts) {
        const { failure } = outcome;
        throw new MetaGraphError(
          `${failure.message} (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'})`,
          failure.httpStatus,
          failure.code,
          failure.subcode,
        );
      }
      const backoff = Math.min(this.config.metaGraphRetryBaseMs * 2 ** (attempt - 1), MAX_DELAY_MS);
      await this.sleep(Math.max(backoff, Math.min(outcome.retryAfterMs ?? 0, MAX_DELAY_MS)));
    }
  }

  /** One request: the JSON, a failure worth retrying, or a thrown failure that is not. */
  private async attempt(url: string, token: string): Promise<ExactJson | RetryableFailure> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return new RetryableFailure(
        new MetaGraphError(`Graph API request failed: ${redact(reason, token)}`, null),
        null,
      );
    }
    const json = parseBody(text);
    const error = graphError(json);
    if (response.ok && error === null && json !== undefined) return json;
    const status = response.status;
    const message = redact(
      error?.message ?? `HTTP ${status}${json === undefined ? ', not JSON' : ''}`,
      token,
    );
    const code = error?.code ?? null;
    const subcode = error?.subcode ?? null;
    if (code !== null && TOKEN_CODES.has(code)) {
      throw new MetaTokenRejectedError(
        `Meta refused the access token: ${message}`,
        status,
        code,
        subcode,
      );
    }
    const failure = new MetaGraphError(
      `Graph API error (HTTP ${status}${code !== null ? `, code ${code}` : ''}): ${message}`,
      status,
      code,
      subcode,
    );
    const retryable =
      status === 429 ||
      status >= 500 ||
      error?.transient === true ||
      (code !== null && (THROTTLING_CODES.has(code) || TRANSIENT_CODES.has(code)));
    if (!retryable) throw failure;
    return new RetryableFailure(failure, retryAfter(response.headers.get('retry-after')));
  }
}

class RetryableFailure {
  constructor(
    readonly failure: MetaGraphError,
    readonly retryAfterMs: number | null,
  ) {}
}

function parseBody(text: string): ExactJson | undefined {
  try {
    return parseExactJson(text);
  } catch {
    return undefined;
  }
}

/** Meta's `{ "error": { message, type, code, error_subcode, is_transient, fbtrace_id } }`. */
function graphError(json: ExactJson | undefined): GraphErrorBody | null {
  if (!isObject(json) || !isObject(json.error)) return null;
  const error = json.error;
  const number = (value: ExactJson | undefined) =>
    value instanceof JsonNumber && /^\d{1,9}$/.test(value.text) ? Number(value.text) : null;
  return {
    message: typeof error.message === 'string' ? error.message.slice(0, 500) : 'no message',
    code: number(error.code),
    subcode: number(error.error_subcode),
    transient: error.is_transient === true,
  };
}

function retryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function redact(text: string, token: string): string {
  return token === '' ? text : text.split(token).join('[redacted]');
}

function isObject(value: ExactJson | undefined): value is ExactJsonObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof JsonNumber)
  );
}
