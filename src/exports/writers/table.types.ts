/**
 * A cell of an exported table. The value's type decides how each format writes it: strings are
 * text (neutralised against formula injection in CSV), DecimalCells are exact numbers (money,
 * rates) that are never turned into text-with-quote nor routed through a JS number except at the
 * XLSX cell boundary, numbers are counts.
 */
export class DecimalCell {
  constructor(
    /** Canonical decimal string, e.g. "0.0625" or "-12.5". */
    readonly value: string,
    /** Spreadsheet number format, e.g. '"USD" #,##0.00####'. */
    readonly numFmt: string,
  ) {}
}

export type Cell = string | number | boolean | Date | DecimalCell | null;

export type Row = readonly Cell[];

export interface TableColumn {
  /** The column's name in CSV (machine-friendly, e.g. "sent_at"). */
  header: string;
  /** The column's heading in spreadsheets when it differs from `header`, e.g. "Sent at (UTC)". */
  title?: string;
  /** Spreadsheet column width in characters. */
  width?: number;
}

export interface Table {
  columns: readonly TableColumn[];
  rows: Iterable<Row> | AsyncIterable<Row>;
}

export interface Sheet extends Table {
  name: string;
  /** Rows written in bold after the data, e.g. totals. */
  footer?: readonly Row[];
}
