import { SQLITE_PRAGMAS } from './data-source-options';
import type { SqliteWorkerData } from './sqlite-worker.util';
import { WorkerRequests } from './worker-requests.util';

/**
 * A writer thread of the service's SQLite file, started at the first request and again after
 * one dies. It is not `available` for a database no thread can open (PostgreSQL, or SQLite in
 * memory) nor once closed: its owner then writes on the main connection.
 */
export class SqliteWriterThread<Request, Result> {
  private thread: WorkerRequests<Request, Result> | null = null;
  private closed = false;

  constructor(
    /** The SQLite file, or null when the store is PostgreSQL. */
    private readonly sqliteFile: string | null,
    private readonly module: { directory: string; name: string; description: string },
    private readonly workerData: object = {},
  ) {}

  get available(): boolean {
    return !this.closed && this.sqliteFile !== null && this.sqliteFile !== ':memory:';
  }

  request(request: Request, transfer: ArrayBuffer[] = []): Promise<Result> {
    if (this.thread === null) {
      const workerData: SqliteWorkerData = {
        ...this.workerData,
        sqliteFile: this.sqliteFile!,
        pragmas: SQLITE_PRAGMAS,
      };
      const thread: WorkerRequests<Request, Result> = new WorkerRequests(
        this.module.directory,
        this.module.name,
        workerData,
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
