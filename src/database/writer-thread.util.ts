import { SQLITE_PRAGMAS } from './data-source-options';
import type { SqliteWorkerData } from './sqlite-worker.util';
import { WorkerRequests } from './worker-requests.util';

/**
 * A writer thread with its own database connection, started at the first request and again
 * after one dies. It is not `available` when it was given nothing to open (a database no thread
 * can open, such as SQLite in memory) nor once closed: its owner then writes on the main
 * connection.
 */
export class WriterThread<Request, Result> {
  private thread: WorkerRequests<Request, Result> | null = null;
  private closed = false;

  constructor(
    /** What the thread opens its connection with; null when no thread can. */
    private readonly workerData: object | null,
    private readonly module: { directory: string; name: string; description: string },
  ) {}

  get available(): boolean {
    return !this.closed && this.workerData !== null;
  }

  request(request: Request, transfer: ArrayBuffer[] = []): Promise<Result> {
    if (this.thread === null) {
      const thread: WorkerRequests<Request, Result> = new WorkerRequests(
        this.module.directory,
        this.module.name,
        this.workerData,
        this.module.description,
        () => {
          if (this.thread === thread) this.thread = null;
        },
      );
      this.thread = thread;
    }
    return this.thread.request(request, transfer);
  }

  /** Answers what was sent, then closes the thread; later writes go to the main connection. */
  async close(): Promise<void> {
    this.closed = true;
    const thread = this.thread;
    this.thread = null;
    await thread?.close();
  }
}

/** A SQLite file's settings for a writer thread, or null when no thread can open the store. */
export function sqliteWriterData(sqliteFile: string): SqliteWorkerData | null {
  if (sqliteFile === ':memory:') return null;
  return { sqliteFile, pragmas: SQLITE_PRAGMAS };
}
