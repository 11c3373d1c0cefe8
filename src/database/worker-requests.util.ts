import { parentPort } from 'node:worker_threads';
import { startWorker } from './start-worker.util';

type Reply<Result> = { id: number; result: Result } | { id: number; error: string };

/**
 * A worker thread answering requests one at a time, in order. An idle thread never keeps the
 * process alive; one with requests to answer does. If the thread dies, its unanswered requests
 * fail and `onExit` is told, so that the owner can start another.
 */
export class WorkerRequests<Request, Result> {
  private readonly waiting = new Map<
    number,
    { resolve: (result: Result) => void; reject: (error: Error) => void }
  >();
  private readonly unanswered = new Set<Promise<void>>();
  private nextId = 1;
  private readonly exited: Promise<void>;
  private readonly worker;

  constructor(
    directory: string,
    name: string,
    workerData: unknown,
    private readonly description: string,
    onExit: () => void,
  ) {
    this.worker = startWorker(directory, name, { workerData });
    this.worker.unref();
    this.worker.on('message', (reply: Reply<Result>) => this.answer(reply));
    this.worker.on('error', (error) => this.failAll(error));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', (code) => {
        onExit();
        this.failAll(new Error(`${description} stopped (exit code ${code})`));
        resolve();
      }),
    );
  }

  /** `transfer` lists buffers of the request handed to the thread instead of copied. */
  request(request: Request, transfer: ArrayBuffer[] = []): Promise<Result> {
    const id = this.nextId++;
    const answered = new Promise<Result>((resolve, reject) => {
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, request }, transfer);
    });
    const settled = answered.then(
      () => undefined,
      () => undefined,
    );
    this.unanswered.add(settled);
    void settled.then(() => this.unanswered.delete(settled));
    return answered;
  }

  /** Waits for the answers to what was sent, then lets the thread finish. */
  async close(): Promise<void> {
    await Promise.all(this.unanswered);
    // Until it has closed its connection, the thread keeps the process alive.
    this.worker.ref();
    this.worker.postMessage('close');
    await this.exited;
  }

  private answer(reply: Reply<Result>): void {
    const entry = this.waiting.get(reply.id);
    if (entry === undefined) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    if ('error' in reply) entry.reject(new Error(`${this.description}: ${reply.error}`));
    else entry.resolve(reply.result);
  }

  private failAll(error: Error): void {
    const entries = [...this.waiting.values()];
    this.waiting.clear();
    for (const entry of entries) entry.reject(error);
  }
}

/**
 * The worker thread's side: answers each request with `handle`'s result (or its error), in the
 * order they came for a synchronous `handle`; `close` runs when the owner closes the thread,
 * after every request was answered.
 */
export function answerRequests<Request, Result>(
  handle: (request: Request) => Result | Promise<Result>,
  close: () => unknown,
): void {
  const port = parentPort!;
  port.on('message', (message: { id: number; request: Request } | 'close') => {
    if (message === 'close') {
      void Promise.resolve(close()).finally(() => port.close());
      return;
    }
    const answer = (reply: Reply<Result>) => port.postMessage(reply);
    const fail = (error: unknown) => answer({ id: message.id, error: describeError(error) });
    try {
      const result = handle(message.request);
      if (result instanceof Promise)
        result.then((value) => answer({ id: message.id, result: value }), fail);
      else answer({ id: message.id, result });
    } catch (error) {
      fail(error);
    }
  });
}

/** The error's message, after its code when it has one (SQLite's, for instance). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
}
