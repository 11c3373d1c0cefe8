import {
  rejectedLineCount,
  type ImportSummary,
} from '../../ingestion/services/bulk-import.service';
import type { ImportFileFormat } from './import-upload-format.util';

/** Problems an IMPORT job keeps with its result, the first lines' first; the rest are counted. */
export const IMPORT_PROBLEMS_KEPT = 100;

/** What an IMPORT job stores as its result (of its last run, when it was resumed). */
export interface ImportJobResult {
  format: ImportFileFormat;
  linesRead: number;
  stored: number;
  duplicates: number;
  rejectedLines: number;
  messagesChanged: number;
  repricedMessages: number;
  problemCount: number;
  problems: { line: number; message: string }[];
}

export function toImportJobResult(summary: ImportSummary): ImportJobResult {
  const problems = [...summary.rejected].sort((a, b) => a.line - b.line);
  return {
    format: summary.format,
    linesRead: summary.linesRead,
    stored: summary.stored,
    duplicates: summary.duplicates,
    rejectedLines: rejectedLineCount(summary),
    messagesChanged: summary.messagesChanged,
    repricedMessages: summary.repricedMessages,
    problemCount: problems.length,
    problems: problems
      .slice(0, IMPORT_PROBLEMS_KEPT)
      .map(({ line, message }) => ({ line, message })),
  };
}
