/** A Graph API request that failed for good (after the retries it deserved). */
export class MetaGraphError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or null when no answer came (network error, timeout). */
    readonly httpStatus: number | null,
    /** Meta's `error.code` and `error.error_subcode`, when the answer had them. */
    readonly code: number | null = null,
    readonly subcode: number | null = null,
  ) {
    super(message);
    this.name = 'MetaGraphError';
  }
}

/** Meta refused the access token (code 190: expired, revoked or invalid); not worth a retry. */
export class MetaTokenRejectedError extends MetaGraphError {
  constructor(
    message: string,
    httpStatus: number | null,
    code: number | null,
    subcode: number | null,
  ) {
    super(message, httpStatus, code, subcode);
    this.name = 'MetaTokenRejectedError';
  }
}
