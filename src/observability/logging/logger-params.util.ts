import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import type { AppConfig } from '../../config/app-config';

/** An incoming X-Request-Id is kept when it looks like an identifier, else one is generated. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** Answered often and uninteresting one by one: logged at debug level. */
const QUIET_PATHS = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

export function requestIdOf(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

function pathOf(url: string | undefined): string {
  const path = url ?? '';
  const query = path.indexOf('?');
  // The query is left out: Meta's handshake sends its verify token there.
  return query === -1 ? path : path.slice(0, query);
}

/**
 * The JSON log (pino) with one access line per request that reaches the framework: request id
 * (echoed in the X-Request-Id answer header), method, path, status, duration. Meta's webhook
 * deliveries are answered before the framework and have no line (the metrics count them).
 */
export function buildLoggerParams(config: AppConfig): Params {
  return {
    pinoHttp: [
      {
        level: config.logLevel,
        autoLogging: config.accessLog,
        genReqId: (request: IncomingMessage, response: ServerResponse) => {
          const id = requestIdOf(request.headers['x-request-id']);
          response.setHeader('X-Request-Id', id);
          return id;
        },
        customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
        // Lines logged while handling a request carry its id, not the whole request.
        quietReqLogger: true,
        serializers: {
          req: (request: { method?: string; url?: string }) => ({
            method: request.method,
            path: pathOf(request.url),
          }),
          res: (response: { statusCode?: number }) => ({ status: response.statusCode }),
        },
        customLogLevel: (request: IncomingMessage, response: ServerResponse, error?: Error) => {
          if (error !== undefined || response.statusCode >= 500) return 'error';
          return QUIET_PATHS.has(pathOf(request.url)) ? 'debug' : 'info';
        },
        customSuccessMessage: () => 'request completed',
        customErrorMessage: () => 'request failed',
        // Access tokens never reach a log: not the API key, not a WABA's Graph API token.
        redact: [
          'req.headers.authorization',
          'req.headers["x-hub-signature-256"]',
          'accessToken',
          '*.accessToken',
          '*.*.accessToken',
          'access_token',
          '*.access_token',
        ],
      },
      // Written at once: the start-up banner, printed after the first lines, stays below them.
      pino.destination({ dest: 1, sync: true }),
    ],
  };
}
