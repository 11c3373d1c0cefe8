import fc from 'fast-check';
import { applyFact, deliveryState, type MessageFact, type MessageFacts } from '../message-facts';

const KEY = {
  wamid: 'wamid.HBgMOTE5ODc2NTQzMjEwFQIAERgSQUJD',
  phoneNumberId: 'phone-1',
  wabaId: 'waba-1',
};
const CONTACT = '919876543210';
const at = (iso: string) => new Date(iso);

function fold(facts: readonly MessageFact[]): MessageFacts {
  let row: MessageFacts | null = null;
  for (const fact of facts) row = applyFact(row, KEY, fact);
  return row!;
}

function status(
  name: 'sent' | 'delivered' | 'read' | 'played' | 'failed',
  iso: string,
  extra: Partial<Extract<MessageFact, { kind: 'status' }>> = {},
): MessageFact {
  return {
    kind: 'status',
    status: name,
    contact: CONTACT,
    at: at(iso),
    errorCode: null,
    pricing: null,
    ...extra,
  };
}

const pricing = (type: string, category: string, billable = type === 'regular') => ({
  billable,
  type,
  category,
  model: 'PMP',
});

const sendLog: MessageFact = {
  kind: 'send_log',
  contact: CONTACT,
  at: at('2026-08-11T10:00:00Z'),
  templateName: 'order_update',
  templateLanguage: 'en',
  templateCategory: 'UTILITY',
  api: 'CLOUD_API',
};

describe('deliveryState', () => {
  const t = at('2026-08-11T10:00:00Z');
  it.each([
    ['nothing', { deliveredAt: null, readAt: null, failedAt: null }, 'PENDING'],
    ['delivered', { deliveredAt: t, readAt: null, failedAt: null }, 'DELIVERED'],
    ['read', { deliveredAt: null, readAt: t, failedAt: null }, 'DELIVERED'],
    ['failed', { deliveredAt: null, readAt: null, failedAt: t }, 'FAILED'],
    ['delivered + failed', { deliveredAt: t, readAt: null, failedAt: t }, 'DELIVERED'],
    ['read + failed', { deliveredAt: null, readAt: t, failedAt: t }, 'DELIVERED'],
  ] as const)('%s → %s', (_label, row, expected) => {
    expect(deliveryState(row)).toBe(expected);
  });
});

describe('applyFact', () => {
  it('read implies delivered', () => {
    const row = fold([sendLog, status('read', '2026-08-11T10:00:05Z')]);
    expect(row.deliveredAt).toEqual(at('2026-08-11T10:00:05Z'));
    expect(row.status).toBe('read');
    expect(deliveryState(row)).toBe('DELIVERED');
  });

  it.each([
    ['delivered then failed', ['delivered', 'failed']],
    ['failed then delivered', ['failed', 'delivered']],
  ] as const)('%s → DELIVERED, error code kept', (_label, order) => {
    const facts = order.map((name) =>
      name === 'failed'
        ? status('failed', '2026-08-11T10:00:09Z', { errorCode: 131026 })
        : status('delivered', '2026-08-11T10:00:05Z'),
    );
    const row = fold([sendLog, ...facts]);
    expect(deliveryState(row)).toBe('DELIVERED');
    expect(row.status).toBe('delivered');
    expect(row.errorCode).toBe(131026);
  });

  it('failed alone → FAILED; sent alone → PENDING', () => {
    expect(deliveryState(fold([sendLog, status('failed', '2026-08-11T10:00:09Z')]))).toBe('FAILED');
    const sent = fold([sendLog, status('sent', '2026-08-11T10:00:01Z')]);
    expect(deliveryState(sent)).toBe('PENDING');
    expect(sent.status).toBe('sent');
  });

  it('applying a fact twice changes nothing', () => {
    const facts: MessageFact[] = [
      sendLog,
      status('sent', '2026-08-11T10:00:01Z', { pricing: pricing('regular', 'utility') }),
      status('delivered', '2026-08-11T10:00:05Z', { pricing: pricing('regular', 'utility') }),
      status('failed', '2026-08-11T10:00:09Z', { errorCode: 131026 }),
    ];
    let row: MessageFacts | null = null;
    for (const fact of facts) {
      const once = applyFact(row, KEY, fact);
      expect(applyFact(once, KEY, fact)).toEqual(once);
      row = once;
    }
  });

  it('earliest timestamps win', () => {
    const row = fold([
      sendLog,
      status('delivered', '2026-08-11T10:00:07Z'),
      status('delivered', '2026-08-11T10:00:05Z'),
      status('read', '2026-08-11T10:05:00Z'),
    ]);
    expect(row.deliveredAt).toEqual(at('2026-08-11T10:00:05Z'));
    expect(row.readAt).toEqual(at('2026-08-11T10:05:00Z'));
  });

  it('delivered pricing outranks the sent one in either order', () => {
    const sent = status('sent', '2026-08-11T10:00:01Z', {
      pricing: pricing('free_customer_service', 'utility'),
    });
    const delivered = status('delivered', '2026-08-11T10:00:05Z', {
      pricing: pricing('regular', 'utility'),
    });
    for (const row of [fold([sendLog, sent, delivered]), fold([delivered, sent, sendLog])]) {
      expect(row.metaPricingType).toBe('regular');
      expect(row.metaBillable).toBe(true);
      expect(row.metaPricingStatus).toBe('delivered');
    }
  });

  it('failed statuses carry no pricing', () => {
    const row = fold([
      sendLog,
      status('failed', '2026-08-11T10:00:09Z', { pricing: pricing('regular', 'utility') }),
    ]);
    expect(row.metaPricingType).toBeNull();
  });

  it('an echo stays a Business app message when a status arrives', () => {
    const echo: MessageFact = {
      kind: 'business_app',
      contact: CONTACT,
      at: at('2026-08-11T10:00:00Z'),
      messageType: 'text',
    };
    for (const row of [
      fold([echo, status('delivered', '2026-08-11T10:00:05Z')]),
      fold([status('delivered', '2026-08-11T10:00:05Z'), echo]),
    ]) {
      expect(row.origin).toBe('BUSINESS_APP');
      expect(row.direction).toBe('OUTBOUND');
    }
  });

  it('a live inbound seen again in the history import stays a live Cloud API message', () => {
    const live: MessageFact = {
      kind: 'inbound',
      origin: 'CLOUD_API',
      contact: CONTACT,
      at: at('2026-08-11T10:00:00Z'),
      messageType: 'text',
      referral: { sourceType: 'ad', sourceId: '123', ctwaClid: 'clid' },
    };
    const history: MessageFact = { ...live, origin: 'HISTORY_IMPORT', referral: null };
    for (const row of [fold([live, history]), fold([history, live])]) {
      expect(row.origin).toBe('CLOUD_API');
      expect(row.referralSourceType).toBe('ad');
      expect(row.status).toBe('received');
    }
  });

  it('a history-imported customer message alone keeps origin HISTORY_IMPORT', () => {
    const row = fold([
      {
        kind: 'inbound',
        origin: 'HISTORY_IMPORT',
        contact: CONTACT,
        at: at('2026-08-01T10:00:00Z'),
        messageType: 'text',
        referral: null,
      },
    ]);
    expect(row).toMatchObject({ origin: 'HISTORY_IMPORT', direction: 'INBOUND' });
  });

  it('without a send record, the pricing category says which template category was used', () => {
    const row = fold([
      status('delivered', '2026-08-11T10:00:05Z', {
        pricing: pricing('regular', 'marketing_lite'),
      }),
    ]);
    expect(row).toMatchObject({ kind: 'TEMPLATE', templateCategory: 'MARKETING', api: 'MM_LITE' });
  });
});

/** Facts of one outbound Cloud API message, each from some source, some possibly missing. */
const outboundFactsArb: fc.Arbitrary<MessageFact[]> = fc
  .record({
    withSendLog: fc.boolean(),
    category: fc.constantFrom('MARKETING', 'UTILITY', 'AUTHENTICATION') as fc.Arbitrary<
      'MARKETING' | 'UTILITY' | 'AUTHENTICATION'
    >,
    statuses: fc.subarray(['sent', 'delivered', 'read', 'failed'] as const),
    seconds: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 4, maxLength: 4 }),
    pricingOn: fc.subarray(['sent', 'delivered', 'read'] as const),
    pricingType: fc.constantFrom('regular', 'free_customer_service', 'free_entry_point'),
    errorCode: fc.constantFrom(131026, 131047, 131049),
  })
  .map((spec) => {
    const facts: MessageFact[] = [];
    if (spec.withSendLog) facts.push({ ...sendLog, templateCategory: spec.category });
    spec.statuses.forEach((name, i) => {
      facts.push(
        status(
          name,
          new Date(Date.parse('2026-08-11T10:00:00Z') + spec.seconds[i] * 1000).toISOString(),
          {
            errorCode: name === 'failed' ? spec.errorCode : null,
            pricing:
              name !== 'failed' && (spec.pricingOn as readonly string[]).includes(name)
                ? pricing(spec.pricingType, spec.category.toLowerCase())
                : null,
          },
        ),
      );
    });
    return facts.length > 0 ? facts : [sendLog];
  });

describe('applyFact: properties', () => {
  it('the same facts in any order, with duplicates, give the same row', () => {
    fc.assert(
      fc.property(
        outboundFactsArb.chain((facts) =>
          fc.tuple(
            fc.constant(facts),
            fc.shuffledSubarray([...facts, ...facts], {
              minLength: facts.length * 2,
              maxLength: facts.length * 2,
            }),
          ),
        ),
        ([facts, reordered]) => {
          expect(fold(reordered)).toEqual(fold(facts));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a delivered or read status always means DELIVERED, whatever else arrived', () => {
    fc.assert(
      fc.property(outboundFactsArb, (facts) => {
        const row = fold(facts);
        const delivered = facts.some(
          (f) => f.kind === 'status' && (f.status === 'delivered' || f.status === 'read'),
        );
        const failed = facts.some((f) => f.kind === 'status' && f.status === 'failed');
        expect(deliveryState(row)).toBe(delivered ? 'DELIVERED' : failed ? 'FAILED' : 'PENDING');
      }),
      { numRuns: 200 },
    );
  });
});

describe('applyFact: usernames (business-scoped user ids)', () => {
  const BSUID = 'user.9373795779eb6441c8adb2eaee5b848e7dd174ddd302d7db62142f4722d574b6';
  // Meta's two delivered examples for the same user: sent to the BSUID (recipient_id "", the
  // contacts entry with wa_id "") and sent to the phone number (contacts entry with both).
  const toUserId = status('sent', '2026-11-02T10:00:00Z', {
    contact: '',
    userId: BSUID,
    country: 'US',
  });
  const toPhone = status('delivered', '2026-11-02T10:00:05Z', {
    contact: '16505551234',
    userId: BSUID,
    country: 'US',
  });

  it.each([
    ['user id first', [toUserId, toPhone]],
    ['phone number first', [toPhone, toUserId]],
  ])('statuses naming the phone number and the user id, %s, end the same', (_order, facts) => {
    expect(fold(facts)).toMatchObject({
      contact: '16505551234',
      contactUserId: BSUID,
      contactCountry: 'US',
      status: 'delivered',
    });
  });

  it('a customer known only by the BSUID has it as contact, with the country code', () => {
    const row = fold([
      {
        kind: 'inbound',
        origin: 'CLOUD_API',
        contact: '',
        userId: BSUID,
        country: 'US',
        at: at('2026-11-02T09:00:00Z'),
        messageType: 'text',
        referral: null,
      },
    ]);
    expect(row).toMatchObject({ contact: BSUID, contactUserId: BSUID, contactCountry: 'US' });
  });

  it('a group delivery keeps the group as contact and the participant apart', () => {
    const row = fold([
      status('delivered', '2026-11-02T10:00:05Z', {
        contact: '16505551234',
        groupId: 'GROUP-1',
      }),
    ]);
    expect(row).toMatchObject({
      contact: 'GROUP-1',
      groupId: 'GROUP-1',
      participant: '16505551234',
    });
  });
});
