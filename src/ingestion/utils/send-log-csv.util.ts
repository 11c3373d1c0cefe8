import { CsvError, parse } from 'csv-parse/sync';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { DomainError } from '../../common/errors/domain.error';

/** One line of a send-log CSV: its fields by header name, or why it cannot be read. */
export type SendLogCsvLine =
  { line: number; record: Record<string, string> } | { line: number; problem: string };

/** The columns a send log cannot do without. */
const REQUIRED_COLUMNS = ['wamid', 'phone_number_id', 'to', 'sent_at'];

/**
 * Reads a send-log CSV one physical line at a time, so that a bad line (an unterminated quote,
 * binary content) is reported with its number and never stops the lines after it (parsed as one
 * stream, a quote left open would swallow the rest of the file). Fields are
 * comma-separated, trimmed, and may be quoted ("a, b" or "say ""hi"""); a field cannot span
 * lines (no value of a send log has a line break). The first non-blank line is the header; a
 * byte-order mark before it is dropped. Blank lines are skipped.
 */
export async function* readSendLogCsv(path: string): AsyncGenerator<SendLogCsvLine> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let header: string[] | null = null;
  let number = 0;
  for await (const raw of lines) {
    number += 1;
    const text = number === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    const fields = splitLine(text);
    if (header === null) {
      if (typeof fields === 'string') throw headerError(number, fields);
      header = fields.map((name) => name.toLowerCase());
      const missing = REQUIRED_COLUMNS.filter((column) => !header!.includes(column));
      if (missing.length > 0) throw headerError(number, `no ${missing.join(', ')} column`);
      continue;
    }
    if (typeof fields === 'string') {
      yield { line: number, problem: fields };
      continue;
    }
    const record: Record<string, string> = {};
    header.forEach((name, index) => {
      record[name] = fields[index] ?? '';
    });
    yield { line: number, record };
  }
}

/** The fields of one line, or a problem. */
function splitLine(text: string): string[] | string {
  if (text.includes('\u0000') || text.includes('\uFFFD')) {
    return 'binary content (a NUL byte or bytes that are not UTF-8), not a CSV line';
  }
  if (!text.includes('"')) return text.split(',').map((field) => field.trim());
  try {
    const [fields] = parse(text, {
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
    }) as string[][];
    return fields ?? [];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted field is not closed on its line (fields cannot span lines)'
      : `malformed CSV: ${error.message.replace(/ at line \d+$/, '')}`;
  }
}

function headerError(line: number, problem: string): DomainError {
  return new DomainError(
    'IMPORT_INVALID',
    `the send log's header (line ${line}) cannot be read: ${problem}; it must name the columns ${REQUIRED_COLUMNS.join(',')} (and optionally template_name, template_language, template_category, api)`,
    [{ line, message: problem }],
  );
}
