import { Client } from 'pg';
import { workerData } from 'node:worker_threads';
import { openSqliteInWorker } from '../../database/sqlite-worker.util';
import { answerRequests } from '../../database/worker-requests.util';
import {
  PostgresRawEventAppender,
  RAW_EVENT_LOG_APPLICATION_NAME,
  SqliteRawEventAppender,
  type RawEventAppend,
  type RawEventLogWorkerData,
  type RawEventsProcessed,
} from '../utils/raw-event-appender.util';

// The raw event log's writer thread: hashes bodies and appends them on its own connection (and,
// on SQLite, marks applied ones processed), while the main thread goes on answering requests and
// applying facts.
const data = workerData as RawEventLogWorkerData;
if ('postgresUrl' in data) {
  const { postgresUrl } = data;
  let connection: Promise<Client> | null = null;
  // Connected at the first request. A connection lost (or never made) is forgotten: the next
  // request connects again.
  const connect = (): Promise<Client> => {
    if (connection === null) {
      const client = new Client({
        connectionString: postgresUrl,
        application_name: RAW_EVENT_LOG_APPLICATION_NAME,
      });
      const attempt = client.connect().then(() => client);
      const forget = () => {
        if (connection === attempt) connection = null;
      };
      client.on('error', () => {
        forget();
        client.end().catch(() => undefined);
      });
      client.on('end', forget);
      attempt.catch(forget);
      connection = attempt;
    }
    return connection;
  };
  const appender = new PostgresRawEventAppender({
    query: async (sql, parameters) =>
      (await (await connect()).query(sql, parameters)).rows as unknown[],
  });
  answerRequests(
    (request: RawEventAppend) => appender.append(request),
    () => connection?.then((client) => client.end()).catch(() => undefined),
  );
} else {
  const database = openSqliteInWorker(data);
  const appender = new SqliteRawEventAppender(database);
  answerRequests(
    (request: RawEventAppend | RawEventsProcessed) => {
      if ('bodies' in request) return appender.append(request);
      appender.markProcessed(request);
      return new Uint8Array(0);
    },
    () => database.close(),
  );
}
