import type { ImportStep } from '../../ingestion/services/bulk-import.service';

/** The share of an import job's progress its reading takes; the re-rate takes the rest. */
const READ_SHARE = 0.5;

/** An import step as a job's progress, from 0 to 1: the bytes read, then the months re-rated. */
export function importJobProgress(step: ImportStep, fileBytes: number): number {
  if (step.phase === 'read') {
    return fileBytes <= 0 ? READ_SHARE : READ_SHARE * Math.min(1, step.bytesRead / fileBytes);
  }
  return READ_SHARE + (1 - READ_SHARE) * Math.min(1, step.share);
}
