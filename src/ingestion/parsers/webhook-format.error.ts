/** The body is not a WhatsApp Business Account webhook at all (as opposed to one bad item). */
export class WebhookFormatError extends Error {
  readonly code = 'WEBHOOK_FORMAT';

  constructor(message: string) {
    super(message);
    this.name = 'WebhookFormatError';
  }
}
