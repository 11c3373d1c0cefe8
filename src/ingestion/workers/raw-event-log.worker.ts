import { createHash } from 'node:crypto';
import { workerData } from 'node:worker_threads';
import { openSqliteInWorker, type SqliteWorkerData } from '../../database/sqlite-worker.util';
import { answerRequests } from '../../database/worker-requests.util';

export interface RawEventAppend {
  bodies: string[];
  source: 'webhook' | 'import';
  receivedAt: number;
  processed: boolean;
}

// The raw event log's writer thread: hashes bodies and appends them on its own connection,
// while the main thread goes on answering requests and applying facts.
const database = openSqliteInWorker(workerData as SqliteWorkerData);
const insert = database.prepare(
  `INSERT OR IGNORE INTO raw_events (received_at, source, body_sha256, body, processed_at)
   VALUES (?, ?, ?, ?, ?)`,
);
const appendAll = database.transaction((request: RawEventAppend, shas: string[]) => {
  const fresh = new Uint8Array(request.bodies.length);
  const processedAt = request.processed ? request.receivedAt : null;
  for (const [index, body] of request.bodies.entries()) {
    fresh[index] = insert.run(
      request.receivedAt,
      request.source,
      shas[index],
      body,
      processedAt,
    ).changes;
  }
  return fresh;
});

/** Per body, 1 when it was logged now, 0 when the same body was logged before. */
answerRequests(
  (request: RawEventAppend) =>
    appendAll.immediate(
      request,
      request.bodies.map((body) => createHash('sha256').update(body).digest('hex')),
    ),
  () => database.close(),
);
