/**
 * Writes batches one after another while the caller prepares the next: on PostgreSQL the
 * database works while this process parses. A failed write is raised by the next call.
 */
export class OverlappedWrites<T> {
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly write: (batch: T) => Promise<void>) {}

  async start(batch: T): Promise<void> {
    await this.writing;
    this.writing = this.write(batch);
    // Marked handled here; the error still reaches whoever awaits it next.
    this.writing.catch(() => undefined);
  }

  settled(): Promise<void> {
    return this.writing;
  }
}
