import type { WebhookEventSource } from './webhook-event.types';
import type { JsonObject } from './payload-reader.util';

/** What a field parser needs to know about the change it reads. */
export interface ChangeContext {
  source: WebhookEventSource;
  /** The entry, for `time` (only WABA-level fields carry it). */
  entry: JsonObject;
  entryPath: string;
  /** Path of the change's `value`, e.g. "entry[0].changes[1].value". */
  path: string;
  problems: string[];
}
