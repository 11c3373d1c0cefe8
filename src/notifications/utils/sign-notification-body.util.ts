import { createHmac } from 'node:crypto';

/**
 * The `X-Billing-Signature-256` header of a callback: `sha256=` and the hexadecimal HMAC-SHA256
 * of the exact body bytes with NOTIFY_CALLBACK_SECRET (as Meta signs its webhooks).
 */
export function signNotificationBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
