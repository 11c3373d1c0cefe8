/** What the raw event log's writer thread is started with. */
export interface RawEventLogWorkerData {
  sqliteFile: string;
  pragmas: readonly string[];
}

export interface RawEventAppend {
  id: number;
  bodies: string[];
  source: 'webhook' | 'import';
  receivedAt: number;
  processed: boolean;
}

/** Per body, 1 when it was logged now, 0 when the same body was logged before. */
export type RawEventAppendReply = { id: number; fresh: Uint8Array } | { id: number; error: string };
