import { Injectable } from '@nestjs/common';

/**
 * Serialises the writers of one process (webhook queue, send log, imports, re-rating): each
 * reads, merges and re-rates without another writer interleaving. Only the outermost entry
 * points take it; the lock is not re-entrant.
 */
@Injectable()
export class WriteLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
