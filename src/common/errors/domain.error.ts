export type DomainErrorCode =
  | 'BAD_USER_INPUT'
  | 'BAD_DECIMAL'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_CARD_INVALID'
  | 'IMPORT_INVALID'
  | 'EXPORT_NOT_READY'
  | 'CONFLICT'
  | 'NOT_CONFIGURED'
  | 'UPSTREAM_ERROR'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'INSUFFICIENT_STORAGE';

export interface DomainErrorDetail {
  line?: number;
  path?: string;
  message: string;
}

/** A user-facing failure with a stable code; the GraphQL layer exposes it as extensions.code. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: DomainErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The JSON body of an HTTP answer to a domain error. */
export function httpErrorBody(error: DomainError): {
  error: DomainErrorCode;
  message: string;
  details?: DomainErrorDetail[];
} {
  return {
    error: error.code,
    message: error.message,
    ...(error.details.length > 0 ? { details: error.details } : {}),
  };
}

export const HTTP_STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  BAD_USER_INPUT: 400,
  BAD_DECIMAL: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_CARD_INVALID: 400,
  IMPORT_INVALID: 400,
  EXPORT_NOT_READY: 409,
  CONFLICT: 409,
  NOT_CONFIGURED: 503,
  UPSTREAM_ERROR: 502,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  INSUFFICIENT_STORAGE: 507,
};
