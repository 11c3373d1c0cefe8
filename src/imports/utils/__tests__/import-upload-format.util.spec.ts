import { DomainError } from '../../../common/errors/domain.error';
import { importUploadFormat } from '../import-upload-format.util';

describe('importUploadFormat', () => {
  it.each([
    ['text/csv', 'csv'],
    ['text/csv; charset=utf-8', 'csv'],
    ['Text/CSV', 'csv'],
    ['application/x-ndjson', 'jsonl'],
    ['application/jsonl', 'jsonl'],
    ['application/json-lines; charset=utf-8', 'jsonl'],
  ])('reads %p as %p', (contentType, format) => {
    expect(importUploadFormat(contentType, undefined)).toBe(format);
  });

  it('lets ?format decide whatever the Content-Type', () => {
    expect(importUploadFormat('application/octet-stream', 'CSV')).toBe('csv');
    expect(importUploadFormat(undefined, 'JSONL')).toBe('jsonl');
    expect(importUploadFormat('text/csv', 'JSONL')).toBe('jsonl');
  });

  it('refuses other media types as unsupported, naming the ones it takes', () => {
    for (const contentType of ['application/json', 'text/plain', '', undefined]) {
      const refusal = (() => {
        try {
          importUploadFormat(contentType, undefined);
          return null;
        } catch (error) {
          return error;
        }
      })();
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect((refusal as DomainError).message).toContain('text/csv');
    }
  });

  it('refuses an unknown ?format as bad input', () => {
    expect(() => importUploadFormat('text/csv', 'xml')).toThrow(
      'format must be CSV (a send log) or JSONL (one webhook body a line), not "xml"',
    );
  });
});
