import fc from 'fast-check';
import type { EngineMessage } from '../../engine/engine.types';
import {
  ConversationWindows,
  ENTRY_POINT_REPLY_MS,
  ENTRY_POINT_WINDOW_MS,
  SERVICE_WINDOW_MS,
} from '../conversation-windows';

const T0 = Date.parse('2026-08-11T10:00:00Z');
const HOUR = 3_600_000;

function message(
  at: number,
  direction: EngineMessage['direction'],
  overrides: Partial<EngineMessage> = {},
): EngineMessage {
  return {
    id: `wamid.W${at}${direction}`,
    phoneNumberId: 'phone-1',
    contact: '919876543210',
    direction,
    origin: 'CLOUD_API',
    kind: 'NON_TEMPLATE',
    templateCategory: null,
    api: null,
    hasReferral: false,
    sentAt: new Date(at),
    deliveredAt: null,
    delivery: 'DELIVERED',
    metaPricing: null,
    ...overrides,
  };
}

describe('ConversationWindows: customer service window', () => {
  const windows = new ConversationWindows([message(T0, 'INBOUND')]);

  it.each([
    [-1, false],
    [0, true],
    [SERVICE_WINDOW_MS - 1, true],
    [SERVICE_WINDOW_MS, false],
  ])('at T0%+d ms open=%s', (offset, open) => {
    expect(windows.serviceWindowOpenAt(new Date(T0 + offset))).toBe(open);
  });

  // Meta (coexistence onboarding page): "WhatsApp opens a customer service window only when a
  // WhatsApp user messages a business customer who is already onboarded onto Cloud API".
  it('only live customer messages open it: not imported history, echoes or business messages', () => {
    const imported = new ConversationWindows([
      message(T0, 'INBOUND', { origin: 'HISTORY_IMPORT' }),
    ]);
    expect(imported.serviceWindowOpenAt(new Date(T0 + HOUR))).toBe(false);
    const live = new ConversationWindows([message(T0, 'INBOUND', { origin: 'CLOUD_API' })]);
    expect(live.serviceWindowOpenAt(new Date(T0 + HOUR))).toBe(true);
    const business = new ConversationWindows([
      message(T0, 'OUTBOUND', { origin: 'BUSINESS_APP' }),
      message(T0, 'OUTBOUND', { origin: 'CLOUD_API' }),
      message(T0, 'OUTBOUND', { origin: 'HISTORY_IMPORT' }),
    ]);
    expect(business.serviceWindowOpenAt(new Date(T0 + HOUR))).toBe(false);
  });

  it('matches a brute-force definition', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 96 * 60 }), { maxLength: 10 }),
        fc.integer({ min: -60, max: 100 * 60 }),
        (minutes, probeMinutes) => {
          const times = minutes.map((m) => T0 + m * 60_000);
          const probe = T0 + probeMinutes * 60_000;
          const windows = new ConversationWindows(times.map((t) => message(t, 'INBOUND')));
          const expected = times.some((t) => t <= probe && probe < t + SERVICE_WINDOW_MS);
          expect(windows.serviceWindowOpenAt(new Date(probe))).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('ConversationWindows: free entry point window', () => {
  const referral = message(T0, 'INBOUND', { hasReferral: true });

  it('opens at the first Cloud API reply within 24 h, for 72 h', () => {
    const reply = T0 + 5 * HOUR;
    const windows = new ConversationWindows([referral, message(reply, 'OUTBOUND')]);
    expect(windows.entryPointOpenAt(new Date(reply - 1))).toBe(false);
    expect(windows.entryPointOpenAt(new Date(reply))).toBe(true);
    expect(windows.entryPointOpenAt(new Date(reply + ENTRY_POINT_WINDOW_MS - 1))).toBe(true);
    expect(windows.entryPointOpenAt(new Date(reply + ENTRY_POINT_WINDOW_MS))).toBe(false);
  });

  it('a reply exactly 24 h after the referral opens nothing; 24 h − 1 ms does', () => {
    const late = new ConversationWindows([
      referral,
      message(T0 + ENTRY_POINT_REPLY_MS, 'OUTBOUND'),
    ]);
    expect(late.entryPointOpenAt(new Date(T0 + ENTRY_POINT_REPLY_MS))).toBe(false);
    const inTime = new ConversationWindows([
      referral,
      message(T0 + ENTRY_POINT_REPLY_MS - 1, 'OUTBOUND'),
    ]);
    expect(inTime.entryPointOpenAt(new Date(T0 + ENTRY_POINT_REPLY_MS - 1))).toBe(true);
  });

  it('only the first reply counts: a later reply does not extend the window', () => {
    const windows = new ConversationWindows([
      referral,
      message(T0 + HOUR, 'OUTBOUND'),
      message(T0 + 10 * HOUR, 'OUTBOUND'),
    ]);
    expect(windows.entryPointOpenAt(new Date(T0 + HOUR + ENTRY_POINT_WINDOW_MS))).toBe(false);
  });

  it('echoes, history and failed replies do not start it', () => {
    for (const reply of [
      message(T0 + HOUR, 'OUTBOUND', { origin: 'BUSINESS_APP' }),
      message(T0 + HOUR, 'OUTBOUND', { origin: 'HISTORY_IMPORT' }),
      message(T0 + HOUR, 'OUTBOUND', { delivery: 'FAILED' }),
    ]) {
      const windows = new ConversationWindows([referral, reply]);
      expect(windows.entryPointOpenAt(new Date(T0 + 2 * HOUR))).toBe(false);
    }
  });

  it('no referral, no window; an imported referral, no window', () => {
    for (const customer of [
      message(T0, 'INBOUND'),
      message(T0, 'INBOUND', { hasReferral: true, origin: 'HISTORY_IMPORT' }),
    ]) {
      const windows = new ConversationWindows([customer, message(T0 + HOUR, 'OUTBOUND')]);
      expect(windows.entryPointOpenAt(new Date(T0 + 2 * HOUR))).toBe(false);
    }
  });

  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            minutes: fc.integer({ min: 0, max: 96 * 60 }),
            inbound: fc.boolean(),
            referral: fc.boolean(),
          }),
          { maxLength: 12 },
        ),
        fc.integer({ min: 0, max: 200 * 60 }),
        (specs, probeMinutes) => {
          const messages = specs.map((s) =>
            message(T0 + s.minutes * 60_000, s.inbound ? 'INBOUND' : 'OUTBOUND', {
              hasReferral: s.inbound && s.referral,
            }),
          );
          const probe = new Date(T0 + probeMinutes * 60_000);
          const forward = new ConversationWindows(messages);
          const backward = new ConversationWindows([...messages].reverse());
          expect(backward.entryPointOpenAt(probe)).toBe(forward.entryPointOpenAt(probe));
          expect(backward.serviceWindowOpenAt(probe)).toBe(forward.serviceWindowOpenAt(probe));
        },
      ),
      { numRuns: 200 },
    );
  });
});
