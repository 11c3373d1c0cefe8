import { workerData } from 'node:worker_threads';
import { openSqliteInWorker, type SqliteWorkerData } from '../../database/sqlite-worker.util';
import { answerRequests } from '../../database/worker-requests.util';
import {
  SqliteRawEventAppender,
  type RawEventAppend,
  type RawEventsProcessed,
} from '../utils/raw-event-appender.util';

// The raw event log's writer thread: hashes bodies and appends them on its own connection, and
// marks applied ones processed, while the main thread goes on answering requests and applying
// facts.
const database = openSqliteInWorker(workerData as SqliteWorkerData);
const appender = new SqliteRawEventAppender(database);

answerRequests(
  (request: RawEventAppend | RawEventsProcessed) => {
    if ('bodies' in request) return appender.append(request);
    appender.markProcessed(request);
    return new Uint8Array(0);
  },
  () => database.close(),
);
