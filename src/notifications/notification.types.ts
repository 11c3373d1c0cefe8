export type NotificationChannel = 'WEBHOOK' | 'EMAIL';

export type NotificationEventType = 'statement.issued' | 'statement.revised' | 'budget.threshold';

/** An event to notify: sent once per channel configured, whatever how often it is raised. */
export interface NotificationEvent {
  /** Idempotency key, e.g. `statement:W-123:2026-03:R1`; also the callback's event id. */
  key: string;
  type: NotificationEventType;
  occurredAt: Date;
  /** The event's data: the callback's `data`. */
  data: Record<string, unknown>;
  email: { subject: string; text: string; attachments?: EmailAttachment[] };
}

/** A stored export attached to the e-mail (a statement's PDF). */
export interface EmailAttachment {
  exportId: string;
  fileName: string;
  contentType: string;
}

export interface EmailPayload {
  subject: string;
  text: string;
  attachments: EmailAttachment[];
}
