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

describe('parseWebhookBody — coexistence fields', () => {
  it('parses a Business app echo', () => {
    expect(parseFixture('echo-text.json')).toEqual([
      {
        type: 'echo',
        ...source,
        wamid: 'wamid.HBgLMTY0NjcwNDM1OTUVAgARGBIyNDlBOEI5QUQ4NDc0N0FCNjMA',
        from: '15550783881',
        to: '16505551234',
        timestamp: new Date('2025-02-12T00:43:44.000Z'),
        messageType: 'text',
      },
    ]);
  });

  it('parses an echo carrying BSUID fields', () => {
    expect(parseFixture('echo-bsuid.json')).toEqual([
      {
        type: 'echo',
        wabaId: '1619622649281109',
        phoneNumberId: '1005385572668707',
        displayPhoneNumber: '918588096070',
        wamid: 'wamid.HBgMOTE3NTA2MDgwNDgwFQIAERgUMkE4NDk2OTk2MzEwQkJENDZFNEQA',
        from: '918588096070',
        to: '917506080480',
        toUserId: 'IN.3724117084395812',
        timestamp: new Date('2026-05-08T05:01:15.000Z'),
        messageType: 'text',
      },
    ]);
  });

  it('parses edit and revoke echoes with the original wamid', () => {
    const body = coexistenceEnvelope('smb_message_echoes', {
      message_echoes: [
        {
          from: '15550783881',
          to: '16505551234',
          id: 'wamid.EDIT',
          timestamp: '1739321100',
          type: 'edit',
          edit: { original_message_id: 'wamid.ORIGINAL', message: { type: 'text' } },
        },
        {
          from: '15550783881',
          to: '16505551234',
          id: 'wamid.REVOKE',
          timestamp: '1739321200',
          type: 'revoke',
          revoke: { original_message_id: 'wamid.ORIGINAL' },
        },
      ],
    });
    expect(parseWebhookBody(body).events).toEqual([
      expect.objectContaining({
        wamid: 'wamid.EDIT',
        messageType: 'edit',
        originalWamid: 'wamid.ORIGINAL',
      }),
      expect.objectContaining({
        wamid: 'wamid.REVOKE',
        messageType: 'revoke',
        originalWamid: 'wamid.ORIGINAL',
      }),
    ]);
  });

  it('parses history threads with directions, statuses and chunk metadata', () => {
    const chunk = { phase: 0, chunkOrder: 1, progress: 55 };
    expect(parseFixture('history-threads.json')).toEqual([
      {
        type: 'history_message',
        ...source,
        ...chunk,
        wamid: 'wamid.HBgLMTY0NjcwNDM1OTUVAgARGBIyNDlBOEI5QUQ4NDc0N0FCNjMA',
        threadContact: '16505551234',
        from: '15550783881',
        direction: 'OUTBOUND',
        timestamp: new Date('2025-02-10T23:42:35.000Z'),
        messageType: 'text',
        historyStatus: 'READ',
      },
      {
        type: 'history_message',
        ...source,
        ...chunk,
        wamid: 'wamid.QyNUEHBgLMTY0NjcwNDM1OTUVAgARGBI1Rj3NEYxMzAzMzQ5MkEA',
        threadContact: '16505551234',
        from: '15550783881',
        direction: 'OUTBOUND',
        timestamp: new Date('2025-02-10T23:42:50.000Z'),
        messageType: 'media_placeholder',
        historyStatus: 'PLAYED',
      },
      {
        type: 'history_message',
        ...source,
        ...chunk,
        wamid: 'wamid.N0FCNjMAHBgLMTY0NjcwNDM1OTUVAgARGBIyNDlBOEI5QUQ4NDc0',
        threadContact: '16505551234',
        from: '16505551234',
        direction: 'INBOUND',
        timestamp: new Date('2025-02-10T23:42:50.000Z'),
        messageType: 'text',
        historyStatus: 'READ',
      },
      {
        type: 'history_message',
        ...source,
        ...chunk,
        wamid: 'wamid.BIyNDlBOEI5N0FCNjMAHBgLMTY0NjcwNDM1OTUVAgARGQUQ4NDc0',
        threadContact: '12125557890',
        from: '15550783881',
        direction: 'OUTBOUND',
        timestamp: new Date('2025-02-10T23:42:50.000Z'),
        messageType: 'text',
        historyStatus: 'DELIVERED',
      },
    ]);
  });

  it('treats the history media follow-up as history, never as an inbound message', () => {
    expect(parseFixture('history-media.json')).toEqual([
      {
        type: 'history_media',
        ...source,
        wamid: 'wamid.QyNUEHBgLMTY0NjcwNDM1OTUVAgARGBI1Rj3NEYxMzAzMzQ5MkEA',
        from: '16505551234',
        timestamp: new Date('2025-02-05T23:02:27.000Z'),
        messageType: 'image',
      },
    ]);
  });

  it('parses a declined history sync', () => {
    expect(parseFixture('history-declined.json')).toEqual([
      {
        type: 'history_declined',
        ...source,
        code: 2593109,
        title: 'History sync is turned off by the business from the WhatsApp Business App',
        message: 'History sync is turned off by the business from the WhatsApp Business App',
        details: 'History sharing is turned off by the business',
      },
    ]);
  });

  it('parses a contact state sync', () => {
    expect(parseFixture('state-sync-contact.json')).toEqual([
      {
        type: 'contact_sync',
        ...source,
        action: 'add',
        phoneNumber: '16505551234',
        fullName: 'Pablo Morales',
        firstName: 'Pablo',
        timestamp: new Date('2025-02-12T00:43:44.000Z'),
      },
    ]);
  });

  it('reports bad history threads and state-sync items by path and keeps the rest', () => {
    const history = coexistenceEnvelope('history', {
      history: [
        {
          metadata: { phase: 2, chunk_order: 3, progress: 100 },
          threads: [
            { messages: [] },
            {
              id: '16505551234',
              messages: [
                { from: '16505551234', id: 'wamid.OK', timestamp: '1739230970', type: 'text' },
                { from: '16505551234', id: 'wamid.BAD', timestamp: 'yesterday', type: 'text' },
              ],
            },
          ],
        },
      ],
    });
    const result = parseWebhookBody(history);
    expect(result.events.map((event) => event.type === 'history_message' && event.wamid)).toEqual([
      'wamid.OK',
    ]);
    expect(result.problems).toEqual([
      'entry[0].changes[0].value.history[0].threads[0]: missing id',
      'entry[0].changes[0].value.history[0].threads[1].messages[1]: invalid timestamp',
    ]);

    const sync = coexistenceEnvelope('smb_app_state_sync', {
      state_sync: [
        {
          type: 'contact',
          action: 'remove',
          contact: { phone_number: '16505551234' },
          metadata: { timestamp: 1739321024 },
        },
        {
          type: 'contact',
          action: 'rename',
          contact: { phone_number: '1' },
          metadata: { timestamp: 1 },
        },
      ],
    });
    expect(parseWebhookBody(sync)).toEqual({
      events: [
        {
          type: 'contact_sync',
          ...source,
          action: 'remove',
          phoneNumber: '16505551234',
          timestamp: new Date('2025-02-12T00:43:44.000Z'),
        },
      ],
      problems: ['entry[0].changes[0].value.state_sync[1]: unknown action "rename"'],
    });
  });
});

function coexistenceEnvelope(field: string, value: object): unknown {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: source.wabaId,
        changes: [
          {
            field,
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
