import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Lets the event loop answer what is waiting (requests, reads) before long work goes on. On
 * SQLite a query's promise settles without I/O, so a chain of awaited queries and engine work
 * otherwise holds the loop from its first step to its last.
 */
export async function yieldToEventLoop(): Promise<void> {
  await nextTurn();
}
