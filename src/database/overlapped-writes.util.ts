/**
 * Writes batches in order while the caller prepares the next: on PostgreSQL the database works
 * while this process parses; a writer thread can be handed the next batch before it finishes
 * the one it has (`depth` writes under way at once). A failed write is raised by a later call;
 * with a depth above one, the writes already under way still go on.
 */
export class OverlappedWrites<T> {
  private readonly underWay: Promise<void>[] = [];

  constructor(
    private readonly write: (batch: T) => Promise<void>,
    private readonly depth = 1,
  ) {}

  async start(batch: T): Promise<void> {
    while (this.underWay.length >= this.depth) await this.underWay.shift();
    const writing = this.write(batch);
    // Marked handled here; the error still reaches whoever awaits it next.
    writing.catch(() => undefined);
    this.underWay.push(writing);
  }

  async settled(): Promise<void> {
    while (this.underWay.length > 0) await this.underWay.shift();
  }
}
