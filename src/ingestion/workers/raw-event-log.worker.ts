import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import type {
  RawEventAppend,
  RawEventAppendReply,
  RawEventLogWorkerData,
} from './raw-event-log.protocol';

// The raw event log's writer thread: hashes bodies and appends them on its own connection,
// while the main thread goes on answering requests and applying facts.
const { sqliteFile, pragmas } = workerData as RawEventLogWorkerData;
const database = new Database(sqliteFile);
for (const pragma of pragmas) database.pragma(pragma);
// The main thread may hold the write lock for a whole batch of charge writes.
database.pragma('busy_timeout = 30000');

const insert = database.prepare(
  `INSERT OR IGNORE INTO raw_events (received_at, source, body_sha256, body, processed_at)
   VALUES (?, ?, ?, ?, ?)`,
);
const appendAll = database.transaction((request: RawEventAppend, shas: string[]) => {
  const fresh = new Uint8Array(request.bodies.length);
  const processedAt = request.processed ? request.receivedAt : null;
  for (const [index, body] of request.bodies.entries()) {
    const { changes } = insert.run(
      request.receivedAt,
      request.source,
      shas[index],
      body,
      processedAt,
    );
    fresh[index] = changes;
  }
  return fresh;
});

parentPort!.on('message', (request: RawEventAppend | 'close') => {
  if (request === 'close') {
    database.close();
    parentPort!.close();
    return;
  }
  let reply: RawEventAppendReply;
  try {
    const shas = request.bodies.map((body) => createHash('sha256').update(body).digest('hex'));
    const fresh = appendAll.immediate(request, shas);
    reply = { id: request.id, fresh };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
