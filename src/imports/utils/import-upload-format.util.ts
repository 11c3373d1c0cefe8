import { DomainError } from '../../common/errors/domain.error';

/** How an uploaded import file is read: a send log (CSV) or one webhook body a line (JSONL). */
export type ImportFileFormat = 'csv' | 'jsonl';

const FORMAT_BY_CONTENT_TYPE: Readonly<Record<string, ImportFileFormat>> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/json-lines': 'jsonl',
};

const FORMAT_BY_PARAMETER: Readonly<Record<string, ImportFileFormat>> = {
  CSV: 'csv',
  JSONL: 'jsonl',
};

/**
 * The format of an upload: the `format` query parameter when given (CSV or JSONL), else the
 * body's Content-Type (its parameters, such as charset, are ignored).
 */
export function importUploadFormat(
  contentType: string | undefined,
  formatParameter: string | undefined,
): ImportFileFormat {
  if (formatParameter !== undefined) {
    const format = FORMAT_BY_PARAMETER[formatParameter];
    if (format === undefined) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `format must be CSV (a send log) or JSONL (one webhook body a line), not "${formatParameter}"`,
      );
    }
    return format;
  }
  const mediaType = mediaTypeOf(contentType);
  const format = FORMAT_BY_CONTENT_TYPE[mediaType];
  if (format === undefined) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      `${mediaType === '' ? 'no Content-Type' : `Content-Type "${mediaType}"`}: send a send log as text/csv or webhook bodies as application/x-ndjson (also application/jsonl, application/json-lines), or say ?format=CSV or ?format=JSONL`,
    );
  }
  return format;
}

/** A Content-Type header's media type, lower case, without its parameters (such as charset). */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}
