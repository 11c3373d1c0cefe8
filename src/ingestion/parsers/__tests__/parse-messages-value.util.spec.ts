import { loadWebhookFixture } from '../../../../test/fixtures/webhooks/load-webhook-fixture.util';
import { parseWebhookBody } from '../parse-webhook-body.util';

const source = {
  wabaId: '102290129340398',
  phoneNumberId: '106540352242922',
  displayPhoneNumber: '15550783881',
};

function parseFixture(name: string) {
  const result = parseWebhookBody(loadWebhookFixture(name));
  expect(result.problems).toEqual([]);
  return result.events;
}

function pricedStatus(wamid: string, timestamp: string, pricing: object) {
  return {
    type: 'status',
    ...source,
    wamid,
    status: 'delivered',
    timestamp: new Date(timestamp),
    recipientId: '16505551234',
    contact: { phone: '16505551234' },
    pricing,
  };
}

describe('parseWebhookBody — field messages', () => {
  it('parses an inbound text message with its contact name', () => {
    expect(parseFixture('inbound-text.json')).toEqual([
      {
        type: 'inbound_message',
        ...source,
        wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
        from: '16505551234',
        timestamp: new Date('2025-06-08T20:59:43.000Z'),
        messageType: 'text',
        contactName: 'Sheena Nelson',
      },
    ]);
  });

  it('keeps the CTWA referral of an inbound message', () => {
    expect(parseFixture('inbound-referral-ctwa.json')).toEqual([
      {
        type: 'inbound_message',
        ...source,
        wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNAA=',
        from: '16505551234',
        timestamp: new Date('2025-06-18T19:46:32.000Z'),
        messageType: 'text',
        contactName: 'Sheena Nelson',
        referral: {
          sourceType: 'ad',
          sourceId: '120226305854810726',
          sourceUrl: 'https://fb.me/3cr4Wqqkv',
          ctwaClid:
            'Aff-n8ZTODiE79d22KtAwQKj9e_mIEOOj27vDVwFjN80dp4_0NiNhEgpGo0AHemvuSoifXaytfTzcchptiErTKCqTrJ5nW1h7IHYeYymGb5K5J5iTROpBhWAGaIAeUzHL50',
        },
      },
    ]);
  });

  it('parses a sent marketing status with conversation and pricing', () => {
    expect(parseFixture('status-sent-marketing.json')).toEqual([
      {
        type: 'status',
        ...source,
        wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
        status: 'sent',
        timestamp: new Date('2025-06-15T23:27:53.000Z'),
        recipientId: '16505551234',
        contact: { phone: '16505551234' },
        conversation: {
          id: '72b14d6bd5407799e66f64d1b338e567',
          expirationTimestamp: new Date('2025-06-16T23:28:00.000Z'),
          originType: 'marketing',
        },
        pricing: { billable: true, pricingModel: 'PMP', type: 'regular', category: 'marketing' },
      },
    ]);
  });

  it('parses a v24 sent status that carries neither conversation nor pricing', () => {
    const [event] = parseFixture('status-sent-v24-no-pricing.json');
    expect(event).toEqual({
      type: 'status',
      ...source,
      wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
      status: 'sent',
      timestamp: new Date('2025-06-15T23:27:53.000Z'),
      recipientId: '16505551234',
      contact: { phone: '16505551234' },
    });
    expect(event).not.toHaveProperty('pricing', expect.anything());
    expect(event).not.toHaveProperty('conversation', expect.anything());
  });

  it('parses a failed status with its error code and details', () => {
    expect(parseFixture('status-failed-131049.json')).toEqual([
      {
        type: 'status',
        ...source,
        wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA',
        status: 'failed',
        timestamp: new Date('2025-06-28T20:34:48.000Z'),
        recipientId: '16505551234',
        contact: { phone: '16505551234' },
        errors: [
          {
            code: 131049,
            title: 'This message was not delivered to maintain healthy ecosystem engagement.',
            message: 'This message was not delivered to maintain healthy ecosystem engagement.',
            details:
              'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
          },
        ],
      },
    ]);
  });

  it.each([
    [
      'status-delivered-free-service-gupshup.json',
      'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJGSVhUVVJFU0VSVklDRTAxAA==',
      '2025-06-15T23:29:50.000Z',
      { billable: false, pricingModel: 'PMP', type: 'free_customer_service', category: 'service' },
    ],
    [
      'status-delivered-free-service.json',
      'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJGSVhUVVJFU0VSVklDRTAyAA==',
      '2025-06-15T23:30:00.000Z',
      { billable: false, pricingModel: 'PMP', type: 'free_customer_service', category: 'service' },
    ],
    [
      'status-delivered-free-utility.json',
      'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJGSVhUVVJFVVRJTElUWTAxAA==',
      '2025-06-15T23:30:10.000Z',
      { billable: false, pricingModel: 'PMP', type: 'free_customer_service', category: 'utility' },
    ],
    [
      'status-delivered-authentication-international.json',
      'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJGSVhUVVJFQVVUSElOVEwwMQA=',
      '2025-06-15T23:30:20.000Z',
      {
        billable: true,
        pricingModel: 'PMP',
        type: 'regular',
        category: 'authentication_international',
      },
    ],
    [
      'status-delivered-billable-service-2026.json',
      'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJGSVhUVVJFU0VSVklDRTAzAA==',
      '2026-10-03T04:00:00.000Z',
      { billable: true, pricingModel: 'PMP', type: 'regular', category: 'service' },
    ],
  ])('keeps the raw pricing of %s', (fixture, wamid, timestamp, pricing) => {
    expect(parseFixture(fixture)).toEqual([pricedStatus(wamid, timestamp, pricing)]);
  });

  it('parses a Marketing Messages API status whose pricing has no type', () => {
    expect(parseFixture('status-sent-marketing-lite.json')).toEqual([
      {
        type: 'status',
        ...source,
        wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJGSVhUVVJFTU1MSVRFMDEA',
        status: 'sent',
        timestamp: new Date('2025-06-15T23:30:30.000Z'),
        recipientId: '16505551234',
        contact: { phone: '16505551234' },
        conversation: { id: '5c3f2e7a9b1d4e6f8a0b2c4d6e8f0a1b', originType: 'marketing_lite' },
        pricing: { billable: true, pricingModel: 'PMP', category: 'marketing_lite' },
      },
    ]);
  });

  it('parses value-level errors into one errors event', () => {
    expect(parseFixture('errors-130429.json')).toEqual([
      {
        type: 'errors',
        ...source,
        errors: [
          {
            code: 130429,
            title: 'Rate limit hit',
            message: '(#130429) Rate limit hit',
            details: 'Cloud API message throughput has been reached.',
          },
        ],
      },
    ]);
  });

  it('reads BSUID, group and callback fields of a status, and numeric timestamps', () => {
    const body = envelope({
      statuses: [
        {
          id: 'wamid.BSUID',
          status: 'read',
          timestamp: 1750030073,
          recipient_user_id: 'US.13491208655302741918',
          biz_opaque_callback_data: 'order-42',
        },
        {
          id: 'wamid.GROUP',
          status: 'delivered',
          timestamp: '1750030074',
          recipient_id: '120363025111111111',
          recipient_type: 'group',
          pricing: { pricing_model: 'PMP', type: 'regular', category: 'group_utility' },
        },
      ],
    });
    expect(parseWebhookBody(body)).toEqual({
      problems: [],
      events: [
        {
          type: 'status',
          ...source,
          wamid: 'wamid.BSUID',
          status: 'read',
          timestamp: new Date('2025-06-15T23:27:53.000Z'),
          recipientUserId: 'US.13491208655302741918',
          contact: { userId: 'US.13491208655302741918' },
          bizOpaqueCallbackData: 'order-42',
        },
        {
          type: 'status',
          ...source,
          wamid: 'wamid.GROUP',
          status: 'delivered',
          timestamp: new Date('2025-06-15T23:27:54.000Z'),
          recipientId: '120363025111111111',
          recipientType: 'group',
          pricing: { pricingModel: 'PMP', type: 'regular', category: 'group_utility' },
        },
      ],
    });
  });

  it('matches the contact by BSUID and reads edits and unsupported-message errors', () => {
    const body = envelope({
      contacts: [
        { wa_id: '447700900123', user_id: 'GB.991', profile: { name: 'Ada' } },
        { user_id: 'US.1349', profile: { name: 'Bob' } },
      ],
      messages: [
        {
          from: '447700900123',
          id: 'wamid.EDIT',
          timestamp: '1750030073',
          type: 'edit',
          edit: { original_message_id: 'wamid.ORIGINAL', message: { type: 'text' } },
        },
        {
          from: '16505550000',
          from_user_id: 'US.1349',
          id: 'wamid.UNSUPPORTED',
          timestamp: '1750030073',
          type: 'unsupported',
          errors: [{ code: 131051, title: 'Message type unknown' }],
        },
      ],
    });
    expect(parseWebhookBody(body).events).toEqual([
      {
        type: 'inbound_message',
        ...source,
        wamid: 'wamid.EDIT',
        from: '447700900123',
        timestamp: new Date('2025-06-15T23:27:53.000Z'),
        messageType: 'edit',
        originalWamid: 'wamid.ORIGINAL',
        contactName: 'Ada',
        contactUserId: 'GB.991',
      },
      {
        type: 'inbound_message',
        ...source,
        wamid: 'wamid.UNSUPPORTED',
        from: '16505550000',
        timestamp: new Date('2025-06-15T23:27:53.000Z'),
        messageType: 'unsupported',
        contactName: 'Bob',
        contactUserId: 'US.1349',
        errors: [{ code: 131051, title: 'Message type unknown' }],
      },
    ]);
  });
});

function envelope(value: object): unknown {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: source.wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: source.displayPhoneNumber,
                phone_number_id: source.phoneNumberId,
              },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

describe('parseWebhookBody — what the database cannot store is refused or cleaned at the door', () => {
  const good = {
    id: 'wamid.GOOD',
    status: 'delivered',
    timestamp: '1790000000',
    recipient_id: '16505551234',
  };

  it.each([
    ['a NUL byte in the wamid', { id: 'wamid.\u0000x' }, 'statuses[0]: id contains a NUL byte'],
    [
      'a recipient longer than a column',
      { recipient_id: '1'.repeat(300) },
      'statuses[0]: recipient_id is longer than 256 characters',
    ],
    [
      'a timestamp in 5138',
      { timestamp: '99999999999' },
      'statuses[0]: timestamp is outside 2009-2099',
    ],
    [
      'a timestamp before WhatsApp',
      { timestamp: '1' },
      'statuses[0]: timestamp is outside 2009-2099',
    ],
  ])(
    'skips the item with %s, keeps the others, and says which field',
    (_label, change, problem) => {
      const result = parseWebhookBody(envelope({ statuses: [{ ...good, ...change }, good] }));
      expect(result.problems).toEqual([`entry[0].changes[0].value.${problem}`]);
      expect(result.events).toHaveLength(1);
      expect(result.events[0]).toMatchObject({ type: 'status', wamid: 'wamid.GOOD' });
    },
  );

  it('cleans free text: NUL bytes removed, cut to the column', () => {
    const result = parseWebhookBody(
      envelope({
        statuses: [
          {
            ...good,
            pricing: { billable: true, type: 'reg\u0000ular', category: 'x'.repeat(1000) },
          },
        ],
      }),
    );
    expect(result.problems).toEqual([]);
    expect(result.events[0]).toMatchObject({
      pricing: { billable: true, type: 'regular', category: 'x'.repeat(48) },
    });
  });

  it('refuses an error code that is not a whole number in range', () => {
    const result = parseWebhookBody(
      envelope({ statuses: [{ ...good, status: 'failed', errors: [{ code: 1e300 }] }] }),
    );
    expect(result.problems).toEqual([
      'entry[0].changes[0].value.statuses[0].errors[0]: code must be a whole number',
    ]);
  });
});
