import { parseWebhookBody } from '../../ingestion/parsers/parse-webhook-body.util';
import { sentMessageProblems } from '../../ingestion/services/send-log.service';
import { resolveRecipient } from '../../pricing/markets/resolve-recipient.util';
import {
  buildDemoMonth,
  DEMO_MX_NUMBER,
  DEMO_US_NUMBER,
  DEMO_WABA_ID,
  previousMonth,
} from '../build-demo-month.util';

describe('buildDemoMonth', () => {
  const demo = buildDemoMonth('2026-11');

  it('gives the same traffic for the same month, and other traffic for another', () => {
    expect(JSON.stringify(buildDemoMonth('2026-11'))).toBe(JSON.stringify(demo));
    const december = buildDemoMonth('2026-12');
    expect(december.webhooks[0].body).not.toBe(demo.webhooks[0].body);
    expect(december.sends[0].sentAt.startsWith('2026-1')).toBe(true);
  });

  it('makes webhook bodies the service parses without a problem, in time order', () => {
    const fields = new Set<string>();
    for (const [index, webhook] of demo.webhooks.entries()) {
      const body = JSON.parse(webhook.body) as {
        entry: { id: string; changes: { field: string }[] }[];
      };
      const parsed = parseWebhookBody(body);
      expect(parsed.problems).toEqual([]);
      expect(parsed.events.length).toBeGreaterThan(0);
      expect(body.entry[0].id).toBe(DEMO_WABA_ID);
      fields.add(body.entry[0].changes[0].field);
      if (index > 0) expect(webhook.at).toBeGreaterThanOrEqual(demo.webhooks[index - 1].at);
    }
    expect([...fields].sort()).toEqual([
      'history',
      'messages',
      'smb_app_state_sync',
      'smb_message_echoes',
    ]);
  });

  it('makes send records the send log accepts, with unique wamids', () => {
    for (const send of demo.sends) {
      expect(sentMessageProblems({ ...send, sentAt: new Date(send.sentAt) })).toEqual([]);
    }
    expect(new Set(demo.sends.map((send) => send.wamid)).size).toBe(demo.sends.length);
  });

  it('sends to numbers the market map places in the intended markets', () => {
    const markets = new Map<string, number>();
    for (const send of demo.sends) {
      const recipient = resolveRecipient(send.to.slice(1), '2026-11-15');
      expect(recipient.valid).toBe(true);
      markets.set(recipient.market, (markets.get(recipient.market) ?? 0) + 1);
    }
    expect([...markets.keys()].sort()).toEqual([
      'Brazil',
      'India',
      'Indonesia',
      'Mexico',
      'North America',
      'Rest of Africa',
      'Rest of Latin America',
      'Spain',
      'United Kingdom',
    ]);
  });

  it('tells a story with every kind of message, the US number past its free service tier', () => {
    const { story } = demo;
    expect(story.serviceReplies[DEMO_US_NUMBER.id]).toBeGreaterThan(1_000);
    expect(story.serviceReplies[DEMO_MX_NUMBER.id]).toBeGreaterThan(0);
    expect(story.serviceReplies[DEMO_MX_NUMBER.id]).toBeLessThan(1_000);
    for (const count of [
      story.inbound,
      story.referrals,
      story.businessApp,
      story.historyImport,
      story.entryPoint,
      story.inWindowUtility,
      story.utility,
      story.marketing,
      story.marketingLite,
      story.authentication.domestic,
      story.authentication.indiaBeforeStart,
      story.authentication.indiaFromStart,
      story.authentication.indonesia,
      story.notDelivered,
      story.pending,
      story.lateDeliveries,
    ]) {
      expect(count).toBeGreaterThan(0);
    }
    // Cloud API messages: one send record each.
    const cloudApi =
      story.serviceReplies[DEMO_US_NUMBER.id] +
      story.serviceReplies[DEMO_MX_NUMBER.id] +
      story.entryPoint +
      story.inWindowUtility +
      story.utility +
      story.marketing +
      story.authentication.domestic +
      story.authentication.indiaBeforeStart +
      story.authentication.indiaFromStart +
      story.authentication.indonesia +
      story.notDelivered +
      story.pending;
    expect(demo.sends.length).toBe(cloudApi);
  });

  it('sets the WABA up for authentication-international in India from the 16th', () => {
    expect(demo.waba).toMatchObject({
      wabaId: DEMO_WABA_ID,
      primaryBusinessCountry: 'US',
      authInternationalStarts: [
        { country: 'IN', startsAt: '2026-11-16T00:00:00.000Z' },
        { country: 'ID', startsAt: '2026-06-01T00:00:00.000Z' },
      ],
    });
    expect(demo.phoneNumbers.map((phone) => phone.coexistence)).toEqual([true, true]);
  });
});

describe('previousMonth', () => {
  it('is the calendar month before, across a year', () => {
    expect(previousMonth(new Date('2026-12-05T10:00:00Z'))).toBe('2026-11');
    expect(previousMonth(new Date('2027-01-01T00:00:00Z'))).toBe('2026-12');
    expect(previousMonth(new Date('2026-03-31T23:59:59Z'))).toBe('2026-02');
  });
});
