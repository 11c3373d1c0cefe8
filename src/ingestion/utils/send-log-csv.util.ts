import { CsvError, parse } from 'csv-parse/sync';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { DomainError } from '../../common/errors/domain.error';
import {
  MESSAGES_CSV_COLUMNS,
  MESSAGES_CSV_REQUIRED_COLUMNS,
} from '../constants/messages-csv-columns.constant';

/** One line of a send-log CSV: its fields by header name, or why it cannot be read. */
export type SendLogCsvLine =
  { line: number; record: Record<string, string> } | { line: number; problem: string };

/**
 * Reads a send-log CSV (a UTF-8 text stream) one physical line at a time, so that a bad line (an unterminated quote,
 * binary content) is reported with its number and never stops the lines after it (parsed as one
 * stream, a quote left open would swallow the rest of the file). Fields are
 * comma-separated, trimmed, and may be quoted ("a, b" or "say ""hi"""); a field cannot span
 * lines (no value of a send log has a line break). The first non-blank line is the header; a
 * byte-order mark before it is dropped. Blank lines are skipped.
 */
export async function* readSendLogCsv(input: Readable): AsyncGenerator<SendLogCsvLine> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let header: string[] | null = null;
  let number = 0;
  for await (const raw of lines) {
    number += 1;
    const text = number === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    const fields = splitLine(text);
    if (header === null) {
      if (typeof fields === 'string') throw headerError(number, [fields]);
      header = fields.map((name) => name.toLowerCase());
      const problems = headerProblems(header);
      if (problems.length > 0) throw headerError(number, problems);
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

/** Every problem of a send log header: unknown, repeated and missing columns. */
function headerProblems(header: readonly string[]): string[] {
  const known = new Set<string>(MESSAGES_CSV_COLUMNS);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const column of header) {
    if (!known.has(column)) {
      problems.push(`unknown column "${column}" (columns: ${MESSAGES_CSV_COLUMNS.join(', ')})`);
    } else if (seen.has(column)) {
      problems.push(`column "${column}" appears twice`);
    }
    seen.add(column);
  }
  const missing = MESSAGES_CSV_REQUIRED_COLUMNS.filter((column) => !seen.has(column));
  if (missing.length > 0) {
    problems.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  }
  return problems;
}

function headerError(line: number, problems: string[]): DomainError {
  return new DomainError(
    'IMPORT_INVALID',
    `the send log's header (line ${line}) must name the columns ${MESSAGES_CSV_REQUIRED_COLUMNS.join(',')} (and optionally template_name, template_language, template_category, api)`,
    problems.map((message) => ({ line, message })),
  );
}
