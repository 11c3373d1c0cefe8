import { stream, type Row as ExcelRow, type Worksheet } from 'exceljs';
import { money } from '../../pricing/money';
import { DecimalCell, type Cell, type Row, type Sheet } from './table.types';

/** Excel's row limit; longer data continues on "<name> (2)", "<name> (3)"… */
export const XLSX_MAX_ROWS = 1_048_576;
/** Date cells hold UTC instants; the format names the time zone on every one. */
const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss "UTC"';
/** Excel keeps 15 significant digits; beyond that an amount is written as exact text. */
const EXCEL_PRECISION = 15;

/**
 * Streams sheets to an XLSX file with exceljs' WorkbookWriter: rows are committed as they are
 * written, no shared-strings table, so memory stays flat whatever the row count. Every sheet has
 * a bold, frozen header row and an autofilter over the header and data rows (footers, such as
 * totals, stay outside it).
 */
export async function writeXlsxWorkbook(path: string, sheets: readonly Sheet[]): Promise<void> {
  const workbook = new stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  });
  for (const sheet of sheets) {
    let part = 1;
    let worksheet = startWorksheet(workbook, sheet, sheet.name);
    let rowsInSheet = 1;
    for await (const row of sheet.rows) {
      if (rowsInSheet === XLSX_MAX_ROWS) {
        setAutoFilter(worksheet, sheet, rowsInSheet);
        worksheet.commit();
        part += 1;
        worksheet = startWorksheet(workbook, sheet, `${sheet.name} (${part})`);
        rowsInSheet = 1;
      }
      addRow(worksheet, row).commit();
      rowsInSheet += 1;
    }
    setAutoFilter(worksheet, sheet, rowsInSheet);
    for (const row of sheet.footer ?? []) {
      const added = addRow(worksheet, row);
      added.font = { bold: true };
      added.commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
}

function startWorksheet(
  workbook: stream.xlsx.WorkbookWriter,
  sheet: Sheet,
  name: string,
): Worksheet {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column) => ({ width: column.width ?? 14 }));
  const header = worksheet.addRow(sheet.columns.map((column) => column.title ?? column.header));
  header.font = { bold: true };
  header.commit();
  return worksheet;
}

/** The filter covers the header and the `rows` rows written so far (header included). */
function setAutoFilter(worksheet: Worksheet, sheet: Sheet, rows: number): void {
  worksheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: rows, column: sheet.columns.length },
  };
}

function addRow(worksheet: Worksheet, row: Row): ExcelRow {
  const added = worksheet.addRow(row.map(xlsxValue));
  row.forEach((cell, index) => {
    if (cell instanceof DecimalCell) added.getCell(index + 1).numFmt = cell.numFmt;
    if (cell instanceof Date) added.getCell(index + 1).numFmt = DATE_FORMAT;
  });
  return added;
}

/** The one place an exact decimal becomes a JS number: only when it has ≤ 15 significant digits. */
function xlsxValue(cell: Cell): string | number | boolean | Date | null {
  if (!(cell instanceof DecimalCell)) return cell;
  const value = money(cell.value);
  return value.precision(true) <= EXCEL_PRECISION ? value.toNumber() : cell.value;
}
