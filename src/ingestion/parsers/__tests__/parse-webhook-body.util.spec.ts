import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  WEBHOOK_FIXTURES_DIR,
  listWebhookFixtures,
  loadWebhookFixture,
} from '../../../../test/fixtures/webhooks/load-webhook-fixture.util';
import { parseWebhookBody } from '../parse-webhook-body.util';
import { WebhookFormatError } from '../webhook-format.error';

interface Envelope {
  object: string;
  entry: { id: string; time?: number; changes: unknown[] }[];
}

function fixtureEnvelope(name: string): Envelope {
  return loadWebhookFixture(name) as Envelope;
}

describe('parseWebhookBody — envelope', () => {
  it.each(listWebhookFixtures())('parses %s without problems', (name) => {
    expect(readFileSync(join(WEBHOOK_FIXTURES_DIR, name), 'utf8')).not.toMatch(/<[A-Z_]+>/);
    const result = parseWebhookBody(loadWebhookFixture(name));
    expect(result.problems).toEqual([]);
    expect(result.events.length).toBeGreaterThan(0);
  });

  it.each([
    ['null', null, 'Webhook body must be a JSON object'],
    ['an array', [], 'Webhook body must be a JSON object'],
    ['a string', 'whatsapp_business_account', 'Webhook body must be a JSON object'],
    [
      'another object type',
      { object: 'page', entry: [] },
      'Webhook body "object" must be "whatsapp_business_account", got "page"',
    ],
    [
      'a body without object',
      { entry: [] },
      'Webhook body "object" must be "whatsapp_business_account", got nothing',
    ],
    [
      'a non-array entry',
      { object: 'whatsapp_business_account', entry: {} },
      'Webhook body "entry" must be an array',
    ],
  ])('throws WebhookFormatError for %s', (_label, body, message) => {
    expect(() => parseWebhookBody(body)).toThrow(WebhookFormatError);
    expect(() => parseWebhookBody(body)).toThrow(message);
  });

  it('reads every entry and every change', () => {
    const inbound = fixtureEnvelope('inbound-text.json').entry[0];
    const status = fixtureEnvelope('status-sent-marketing.json').entry[0];
    const echo = fixtureEnvelope('echo-text.json').entry[0];
    const tier = fixtureEnvelope('account-update-tier.json').entry[0];
    const echoBsuid = fixtureEnvelope('echo-bsuid.json').entry[0];
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        { id: inbound.id, changes: [...inbound.changes, ...status.changes, ...echo.changes] },
        { ...tier, changes: [...tier.changes, ...echoBsuid.changes] },
      ],
    };
    const result = parseWebhookBody(body);
    expect(result.problems).toEqual([]);
    expect(result.events.map((event) => [event.type, event.wabaId])).toEqual([
      ['inbound_message', '102290129340398'],
      ['status', '102290129340398'],
      ['echo', '102290129340398'],
      ['account_update', '102290129340398'],
      ['echo', '102290129340398'],
    ]);
  });

  it('reports a malformed status by path and keeps the good ones', () => {
    const good = (id: string) => ({
      id,
      status: 'delivered',
      timestamp: '1750030100',
      recipient_id: '16505551234',
    });
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            { field: 'messages', value: { statuses: [good('wamid.A')] } },
            {
              field: 'messages',
              value: {
                statuses: [
                  good('wamid.B'),
                  good('wamid.C'),
                  { status: 'delivered', timestamp: '1750030100' },
                  { ...good('wamid.D'), status: 'deleted' },
                  'not a status',
                  good('wamid.E'),
                  {
                    ...good('wamid.F'),
                    conversation: { origin: { type: 'service' } },
                    errors: [{ title: 'no code' }],
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    const result = parseWebhookBody(body);
    expect(result.events.map((event) => event.type === 'status' && event.wamid)).toEqual([
      'wamid.A',
      'wamid.B',
      'wamid.C',
      'wamid.E',
      'wamid.F',
    ]);
    expect(result.problems).toEqual([
      'entry[0].changes[1].value.statuses[2]: missing id',
      'entry[0].changes[1].value.statuses[3]: unknown status "deleted"',
      'entry[0].changes[1].value.statuses[4]: expected an object',
      'entry[0].changes[1].value.statuses[6].conversation: missing id',
      'entry[0].changes[1].value.statuses[6].errors[0]: missing code',
    ]);
  });

  it('reports malformed entries and changes and keeps the rest', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        { changes: [] },
        { id: '1', changes: 'none' },
        {
          id: '102290129340398',
          changes: [
            { value: {} },
            { field: 'messages', value: 'text' },
            { field: 'messages', value: { statuses: {} } },
            {
              field: 'message_template_status_update',
              value: { event: 'APPROVED', message_template_id: 1 },
            },
            {
              field: 'messages',
              value: {
                metadata: {
                  display_phone_number: '15550783881',
                  phone_number_id: '106540352242922',
                },
                statuses: [
                  { id: 'wamid.OK', status: 'read', timestamp: '1750030100', recipient_id: '1' },
                ],
              },
            },
          ],
        },
      ],
    };
    const result = parseWebhookBody(body);
    expect(result.events).toEqual([
      { type: 'unsupported', wabaId: '102290129340398', field: 'message_template_status_update' },
      {
        type: 'status',
        wabaId: '102290129340398',
        phoneNumberId: '106540352242922',
        displayPhoneNumber: '15550783881',
        wamid: 'wamid.OK',
        status: 'read',
        timestamp: new Date('2025-06-15T23:28:20.000Z'),
        recipientId: '1',
        contact: { phone: '1' },
      },
    ]);
    expect(result.problems).toEqual([
      'entry[0]: missing id',
      'entry[1]: changes must be an array',
      'entry[2].changes[0]: missing field',
      'entry[2].changes[1].value: expected an object',
      'entry[2].changes[2].value: statuses must be an array',
    ]);
  });

  it('requires the entry time for account updates', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        { id: '102290129340398', changes: [{ field: 'account_update', value: { event: 'X' } }] },
      ],
    };
    expect(parseWebhookBody(body)).toEqual({ events: [], problems: ['entry[0]: missing time'] });
  });
});
