import { createHmac } from 'node:crypto';
import { WebhookQueue } from '../../src/ingestion/services/webhook-queue.service';
import type { TestApp } from './test-app.util';
import { APP_SECRET } from './test-app.util';

export function sign(body: string, secret = APP_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Posts a signed webhook and waits until the queue has applied it. */
export async function postWebhook(testApp: TestApp, payload: unknown, expected = 200) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const response = await testApp
    .http()
    .post('/webhooks/whatsapp')
    .set('Content-Type', 'application/json')
    .set('X-Hub-Signature-256', sign(body))
    .send(body)
    .expect(expected);
  await testApp.app.get(WebhookQueue).idle();
  return response;
}

export const WABA = '102290129340398';
export const PHONE = '106540352242922';

function envelope(field: string, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: WABA,
        changes: [
          {
            field,
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: PHONE },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

const seconds = (iso: string) => String(Math.floor(Date.parse(iso) / 1000));

export function inbound(wamid: string, from: string, at: string, referral = false) {
  return envelope('messages', {
    contacts: [{ profile: { name: 'Customer' }, wa_id: from }],
    messages: [
      {
        from,
        id: wamid,
        timestamp: seconds(at),
        type: 'text',
        text: { body: 'hi' },
        ...(referral
          ? {
              referral: {
                source_type: 'ad',
                source_id: '1',
                source_url: 'https://fb.me/x',
                ctwa_clid: 'clid',
              },
            }
          : {}),
      },
    ],
  });
}

export interface StatusItem {
  wamid: string;
  to: string;
  state: string;
  at: string;
  pricing?: Record<string, unknown>;
}

/** One body carrying several statuses (Meta batches them). */
export function statuses(items: readonly StatusItem[]) {
  return envelope('messages', {
    statuses: items.map(({ wamid, to, state, at, pricing }) => ({
      id: wamid,
      status: state,
      timestamp: seconds(at),
      recipient_id: to,
      ...(pricing ? { pricing } : {}),
      ...(state === 'failed' ? { errors: [{ code: 131049, title: 'not delivered' }] } : {}),
    })),
  });
}

export function status(
  wamid: string,
  to: string,
  state: string,
  at: string,
  pricing?: Record<string, unknown>,
) {
  return statuses([{ wamid, to, state, at, pricing }]);
}

export function echo(wamid: string, to: string, at: string) {
  return envelope('smb_message_echoes', {
    message_echoes: [
      {
        from: '15550783881',
        to,
        id: wamid,
        timestamp: seconds(at),
        type: 'text',
        text: { body: 'from the app' },
      },
    ],
  });
}

/** A delivered marketing message to a Brazilian number, as Meta prices it (one status body). */
export function deliveredMarketing(wamid: string, at: string) {
  return status(wamid, '5511987654321', 'delivered', at, {
    billable: true,
    pricing_model: 'PMP',
    type: 'regular',
    category: 'marketing',
  });
}
