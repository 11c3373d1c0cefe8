import { stringify } from 'csv-stringify';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { neutralizeFormula } from '../utils/neutralize-formula.util';
import { DecimalCell, type Cell, type Row, type Table } from './table.types';

/**
 * Streams a table to an RFC 4180 CSV file: UTF-8 with a byte-order mark (so spreadsheets detect
 * the encoding), CRLF line ends, fields quoted when they hold a comma, quote or line break.
 */
export async function writeCsvTable(path: string, table: Table): Promise<void> {
  await pipeline(
    Readable.from(csvRecords(table)),
    stringify({ bom: true, record_delimiter: 'windows', quoted_empty: false }),
    createWriteStream(path),
  );
}

async function* csvRecords(table: Table): AsyncGenerator<string[]> {
  yield table.columns.map((column) => column.header);
  for await (const row of table.rows) yield csvRecord(row);
}

function csvRecord(row: Row): string[] {
  return row.map(csvField);
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof DecimalCell) return cell.value;
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === 'string') return neutralizeFormula(cell);
  return String(cell);
}
