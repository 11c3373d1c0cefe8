import type { INestApplication } from '@nestjs/common';
import { ReadSnapshot, type SnapshotReader } from '../../src/database/read-snapshot.service';

/**
 * Makes every `ReadSnapshot.run` of `app` stop after its first query until `meanwhile` (run once,
 * by the first read) has finished: a write that lands in the middle of a read. Restore with
 * `jest.restoreAllMocks()`. `ran()` tells whether a read reached it.
 */
export function writeInTheMiddleOfReads(
  app: INestApplication,
  meanwhile: () => Promise<unknown>,
): { ran(): boolean } {
  const snapshot = app.get(ReadSnapshot);
  const run = snapshot.run.bind(snapshot);
  let written: Promise<unknown> | null = null;
  jest.spyOn(snapshot, 'run').mockImplementation((work) =>
    run((reader: SnapshotReader) => {
      let queries = 0;
      return work({
        query: async <T>(sql: string, parameters?: unknown[]) => {
          const rows = await reader.query<T>(sql, parameters);
          queries += 1;
          if (queries === 1) {
            written ??= meanwhile();
            await written;
          }
          return rows;
        },
      });
    }),
  );
  return { ran: () => written !== null };
}
