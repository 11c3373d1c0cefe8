import { createHash } from 'node:crypto';
import type {
  DemoMonth,
  DemoPhoneNumber,
  DemoSend,
  DemoStory,
  DemoWaba,
  DemoWebhook,
} from './demo-month.types';

/** Meta's example WABA and number (its webhook reference), so the README's queries match. */
export const DEMO_WABA_ID = '102290129340398';
export const DEMO_US_NUMBER = { id: '106540352242922', display: '15550783881' };
export const DEMO_MX_NUMBER = { id: '109432785126540', display: '525550123456' };

/** The first month the demo's story fits: service replies and in-window utility charged. */
export const DEMO_FIRST_MONTH = '2026-10';

/** Delivered Cloud API service replies per number: the US number passes its 1,000 free ones. */
const SERVICE_REPLY_TARGET = { us: 1_140, mx: 380 };

type Market =
  | 'north-america'
  | 'mexico'
  | 'spain'
  | 'rest-of-africa'
  | 'rest-of-latin-america'
  | 'brazil'
  | 'united-kingdom'
  | 'india'
  | 'indonesia';

type Template = {
  name: string;
  language: string;
  category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  api?: 'MM_LITE';
};

type Fate =
  | { kind: 'delivered'; after?: number; read?: boolean }
  | { kind: 'failed'; code: 131026 | 131047 | 131049 }
  | { kind: 'pending' };

const ERRORS: Record<number, { title: string; details: string }> = {
  131026: {
    title: 'Message undeliverable',
    details: 'Unable to deliver message. The recipient may not be using a WhatsApp account.',
  },
  131047: {
    title: 'Re-engagement message',
    details:
      'More than 24 hours have passed since the recipient last replied to the sender number.',
  },
  131049: {
    title: 'This message was not delivered to maintain healthy ecosystem engagement.',
    details:
      'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
  },
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A month of realistic traffic for two coexistence numbers of one WABA, the same every time
 * for the same month (a seeded generator): customer conversations answered from the Cloud API
 * and from the Business app, click-to-WhatsApp referrals and their free entry point windows,
 * utility templates in and out of the service window, marketing campaigns (a few through the
 * Marketing Messages API), one-time passwords at home, to India (before and from the WABA's
 * authentication-international start there) and to Indonesia, failed, late and pending
 * deliveries, and the chat history the Mexican number imports when it joins coexistence on the
 * 3rd. Bodies follow Meta's webhook reference; wamids and timestamps are synthetic.
 */
export function buildDemoMonth(month: string): DemoMonth {
  return new DemoMonthBuilder(month).build();
}

/** The calendar month before `now` (UTC), YYYY-MM. */
export function previousMonth(now: Date): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return date.toISOString().slice(0, 7);
}

class DemoMonthBuilder {
  private readonly year: number;
  private readonly monthIndex: number;
  private readonly days: number;
  private state: number;
  private wamids = 0;
  private readonly numbersTaken = new Set<string>();
  private readonly webhooks: (DemoWebhook & { order: number })[] = [];
  private readonly sends: DemoSend[] = [];
  private readonly story: DemoStory = {
    inbound: 0,
    referrals: 0,
    businessApp: 0,
    historyImport: 0,
    entryPoint: 0,
    serviceReplies: { [DEMO_US_NUMBER.id]: 0, [DEMO_MX_NUMBER.id]: 0 },
    inWindowUtility: 0,
    utility: 0,
    marketing: 0,
    marketingLite: 0,
    authentication: { domestic: 0, indiaBeforeStart: 0, indiaFromStart: 0, indonesia: 0 },
    notDelivered: 0,
    pending: 0,
    lateDeliveries: 0,
  };

  constructor(private readonly month: string) {
    const match = /^(\d{4})-(\d{2})$/.exec(month);
    if (!match) throw new Error(`month must be YYYY-MM; got "${month}"`);
    this.year = Number(match[1]);
    this.monthIndex = Number(match[2]) - 1;
    this.days = new Date(Date.UTC(this.year, this.monthIndex + 1, 0)).getUTCDate();
    this.state = [...month].reduce(
      (hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619),
      2166136261,
    );
  }

  build(): DemoMonth {
    const us = DEMO_US_NUMBER;
    const mx = DEMO_MX_NUMBER;
    // The Mexican number joins coexistence on the 3rd (15:00 UTC) and imports its chat history.
    const mxOnboarded = this.at(3, 15);
    const indiaStart = this.at(16, 0);
    const pools = {
      usChats: this.contacts([
        ['north-america', 300],
        ['spain', 100],
        ['rest-of-africa', 100],
      ]),
      usNotify: this.contacts([
        ['north-america', 400],
        ['spain', 60],
        ['united-kingdom', 60],
        ['rest-of-africa', 40],
      ]),
      usCodes: this.contacts([['north-america', 200]]),
      india: this.contacts([['india', 80]]),
      indonesia: this.contacts([['indonesia', 30]]),
      usAds: this.contacts([
        ['north-america', 40],
        ['spain', 20],
      ]),
      mxChats: this.contacts([
        ['mexico', 250],
        ['rest-of-latin-america', 50],
      ]),
      mxNotify: this.contacts([
        ['mexico', 300],
        ['brazil', 60],
        ['rest-of-latin-america', 30],
      ]),
      mxCodes: this.contacts([['mexico', 100]]),
      mxAds: this.contacts([
        ['mexico', 40],
        ['rest-of-latin-america', 10],
      ]),
    };

    this.history(mx, mxOnboarded, pools.mxChats);

    // Customer conversations until each number has sent its share of service replies.
    while (this.story.serviceReplies[us.id] < SERVICE_REPLY_TARGET.us) {
      this.conversation(us, this.pick(pools.usChats), this.businessHour(1));
    }
    while (this.story.serviceReplies[mx.id] < SERVICE_REPLY_TARGET.mx) {
      this.conversation(mx, this.pick(pools.mxChats), this.businessHour(4));
    }
    // Click-to-WhatsApp ads and Page buttons: a free entry point window after the first reply.
    // Their own contacts: an open entry point window would make other replies free too.
    for (let n = 0; n < 24; n += 1) this.referral(us, this.pick(pools.usAds), this.businessHour(1));
    for (let n = 0; n < 36; n += 1) this.referral(mx, this.pick(pools.mxAds), this.businessHour(4));

    // Staff writing from the phone, outside any conversation: free, and it opens no window.
    for (let n = 0; n < 110; n += 1) this.echo(us, this.pick(pools.usNotify), this.businessHour(1));
    for (let n = 0; n < 90; n += 1) this.echo(mx, this.pick(pools.mxNotify), this.businessHour(4));
    // A follow-up typed into the Cloud API after an app message: no window, Meta refuses it.
    for (let n = 0; n < 5; n += 1) {
      const contact = this.pick(pools.usNotify);
      const at = this.businessHour(1);
      this.echo(us, contact, at);
      this.cloudApi(us, contact, at + 20 * MINUTE, null, { kind: 'failed', code: 131047 });
    }

    // Order notifications: utility templates outside any window.
    const shipped: Template = { name: 'order_shipped', language: 'en_US', category: 'UTILITY' };
    const enviado: Template = { name: 'pedido_enviado', language: 'es_MX', category: 'UTILITY' };
    for (let n = 0; n < 280; n += 1)
      this.template(us, this.pick(pools.usNotify), this.businessHour(1), shipped);
    for (let n = 0; n < 190; n += 1)
      this.template(mx, this.pick(pools.mxNotify), this.businessHour(4), enviado);
    // Sent on the evening of the month before, delivered on the 2nd: charged in this month.
    for (let n = 0; n < 8; n += 1) {
      const sentAt = Date.UTC(this.year, this.monthIndex, 0, 21, n * 3);
      const deliveredAt = this.at(2, 14) + n * 7 * MINUTE;
      this.cloudApi(us, this.pick(pools.usNotify), sentAt, shipped, {
        kind: 'delivered',
        after: deliveredAt - sentAt,
      });
      this.story.utility += 1;
      this.story.lateDeliveries += 1;
    }

    // Marketing campaigns (a share refused by Meta's per-user marketing limit).
    const sale: Template = { name: 'seasonal_sale', language: 'en_US', category: 'MARKETING' };
    const oferta: Template = { name: 'oferta_temporada', language: 'es_MX', category: 'MARKETING' };
    for (const day of [6, 20]) {
      for (let n = 0; n < 140; n += 1) {
        this.campaign(us, this.pick(pools.usNotify), this.at(day, 15) + n * 2_000, sale);
      }
    }
    for (let n = 0; n < 180; n += 1) {
      this.campaign(mx, this.pick(pools.mxNotify), this.at(13, 17) + n * 2_000, oferta);
    }
    const lite: Template = { ...oferta, api: 'MM_LITE' };
    for (let n = 0; n < 20; n += 1) {
      this.campaign(mx, this.pick(pools.mxNotify), this.at(27, 17) + n * 2_000, lite);
    }
    // The last evening's campaign is still on its way when the month ends.
    for (let n = 0; n < 6; n += 1) {
      this.cloudApi(us, this.pick(pools.usNotify), this.at(this.days, 19) + n * 1_000, sale, {
        kind: 'pending',
      });
      this.story.pending += 1;
    }

    // One-time passwords: at home (the US is the primary business country), in India (the
    // authentication-international start there is on the 16th) and in Indonesia.
    const code: Template = { name: 'login_code', language: 'en_US', category: 'AUTHENTICATION' };
    const codigo: Template = {
      name: 'codigo_acceso',
      language: 'es_MX',
      category: 'AUTHENTICATION',
    };
    for (let n = 0; n < 140; n += 1)
      this.otp(us, this.pick(pools.usCodes), this.anyHour(1), code, 'domestic');
    for (let n = 0; n < 90; n += 1)
      this.otp(mx, this.pick(pools.mxCodes), this.anyHour(4), codigo, 'domestic');
    for (let n = 0; n < 40; n += 1) {
      this.otp(us, this.pick(pools.india), this.at(2 + (n % 12), 4 + (n % 12)), code, 'india');
      this.otp(us, this.pick(pools.india), this.at(17 + (n % 10), 4 + (n % 12)), code, 'india');
    }
    for (let n = 0; n < 30; n += 1)
      this.otp(us, this.pick(pools.indonesia), this.anyHour(1), code, 'indonesia');

    // Delivered before or from the India start, as the WABA's setting says.
    this.story.authentication.indiaBeforeStart = this.indiaDeliveries.filter(
      (at) => at < indiaStart,
    ).length;
    this.story.authentication.indiaFromStart =
      this.indiaDeliveries.length - this.story.authentication.indiaBeforeStart;

    const webhooks = [...this.webhooks]
      .sort((a, b) => a.at - b.at || a.order - b.order)
      .map(({ at, body }) => ({ at, body }));
    return {
      month: this.month,
      waba: this.waba(indiaStart),
      phoneNumbers: this.phoneNumbers(mxOnboarded),
      sends: this.sends,
      webhooks,
      story: this.story,
    };
  }

  private readonly indiaDeliveries: number[] = [];

  private waba(indiaStart: number): DemoWaba {
    return {
      wabaId: DEMO_WABA_ID,
      name: 'Lumen Coffee Roasters – Customer Care',
      portfolioName: 'Lumen Coffee Roasters, Inc.',
      timezone: 'America/New_York',
      currency: 'USD',
      primaryBusinessCountry: 'US',
      authInternationalStarts: [
        { country: 'IN', startsAt: new Date(indiaStart).toISOString() },
        { country: 'ID', startsAt: '2026-06-01T00:00:00.000Z' },
      ],
    };
  }

  private phoneNumbers(mxOnboarded: number): DemoPhoneNumber[] {
    return [
      {
        phoneNumberId: DEMO_US_NUMBER.id,
        displayPhoneNumber: DEMO_US_NUMBER.display,
        coexistence: true,
        onboardedAt: '2026-09-10T15:00:00.000Z',
      },
      {
        phoneNumberId: DEMO_MX_NUMBER.id,
        displayPhoneNumber: DEMO_MX_NUMBER.display,
        coexistence: true,
        onboardedAt: new Date(mxOnboarded).toISOString(),
      },
    ];
  }

  // --- scenes -------------------------------------------------------------------------------

  /** A customer writes; the business answers (Cloud API, sometimes the app) within the window. */
  private conversation(number: BusinessNumber, contact: string, start: number): void {
    this.inbound(number, contact, start);
    let at = start + this.int(2, 30) * MINUTE;
    const replies = this.weighted([1, 2, 3, 4], [0.2, 0.35, 0.25, 0.2]);
    for (let n = 0; n < replies; n += 1) {
      if (this.random() < 0.1) {
        this.echo(number, contact, at);
      } else if (this.random() < 0.01) {
        this.cloudApi(number, contact, at, null, { kind: 'failed', code: 131026 });
      } else {
        this.cloudApi(number, contact, at, null, { kind: 'delivered', read: this.random() < 0.7 });
        this.story.serviceReplies[number.id] += 1;
      }
      if (this.random() < 0.3) {
        // The customer answers, and the window runs 24 h from that answer.
        at += this.int(3, 60) * MINUTE;
        this.inbound(number, contact, at);
      }
      at += this.int(5, 90) * MINUTE;
    }
    if (this.random() < 0.2) {
      // An order confirmed while the chat is open: a utility template inside the window.
      const template: Template =
        number.id === DEMO_US_NUMBER.id
          ? { name: 'order_confirmation', language: 'en_US', category: 'UTILITY' }
          : { name: 'confirmacion_pedido', language: 'es_MX', category: 'UTILITY' };
      this.cloudApi(number, contact, at + this.int(10, 120) * MINUTE, template, {
        kind: 'delivered',
        read: true,
      });
      this.story.inWindowUtility += 1;
    }
  }

  /** A reply to an ad or a Page button: every Cloud API message for 72 h from the first reply is free. */
  private referral(number: BusinessNumber, contact: string, start: number): void {
    this.inbound(number, contact, start, this.random() < 0.8 ? 'ad' : 'post');
    this.story.referrals += 1;
    const firstReply = start + this.int(1, 20) * MINUTE;
    this.cloudApi(number, contact, firstReply, null, { kind: 'delivered', read: true });
    this.story.entryPoint += 1;
    let at = firstReply;
    for (let n = this.int(1, 2); n > 0; n -= 1) {
      at += this.int(30, 8 * 60) * MINUTE;
      this.cloudApi(number, contact, at, null, { kind: 'delivered', read: this.random() < 0.6 });
      this.story.entryPoint += 1;
    }
    if (this.random() < 0.5) {
      // An offer two days later, still inside the 72-hour window.
      const template: Template =
        number.id === DEMO_US_NUMBER.id
          ? { name: 'seasonal_sale', language: 'en_US', category: 'MARKETING' }
          : { name: 'oferta_temporada', language: 'es_MX', category: 'MARKETING' };
      this.cloudApi(number, contact, firstReply + this.int(26, 60) * HOUR, template, {
        kind: 'delivered',
      });
      this.story.entryPoint += 1;
    }
  }

  private template(number: BusinessNumber, contact: string, at: number, template: Template): void {
    if (this.random() < 0.02) {
      this.cloudApi(number, contact, at, template, { kind: 'failed', code: 131026 });
      return;
    }
    this.cloudApi(number, contact, at, template, { kind: 'delivered', read: this.random() < 0.5 });
    this.story.utility += 1;
  }

  private campaign(number: BusinessNumber, contact: string, at: number, template: Template): void {
    if (this.random() < 0.05) {
      this.cloudApi(number, contact, at, template, { kind: 'failed', code: 131049 });
      return;
    }
    this.cloudApi(number, contact, at, template, { kind: 'delivered', read: this.random() < 0.4 });
    this.story.marketing += 1;
    if (template.api === 'MM_LITE') this.story.marketingLite += 1;
  }

  private otp(
    number: BusinessNumber,
    contact: string,
    at: number,
    template: Template,
    where: 'domestic' | 'india' | 'indonesia',
  ): void {
    if (this.random() < 0.03) {
      this.cloudApi(number, contact, at, template, { kind: 'failed', code: 131026 });
      return;
    }
    const after = this.int(1, 20) * 1_000;
    this.cloudApi(number, contact, at, template, { kind: 'delivered', after, read: true });
    if (where === 'india') this.indiaDeliveries.push(at + after);
    else this.story.authentication[where] += 1;
  }

  /** The chat history the number imports when it joins coexistence, in two chunks. */
  private history(number: BusinessNumber, onboarded: number, contacts: string[]): void {
    const monthStart = this.at(1, 12);
    const threads = Array.from({ length: 6 }, () => {
      const contact = this.pick(contacts);
      // Half the threads from the last days of the month before, half from this one's first days.
      let at = this.random() < 0.5 ? monthStart - this.int(5, 10) * 24 * HOUR : monthStart;
      const messages = Array.from({ length: this.int(6, 10) }, (_, index) => {
        at += this.int(2, 240) * MINUTE;
        const fromCustomer = index % 2 === 0;
        // The 1st at 06:00 UTC is after midnight in New York: charged in this month.
        if (at >= this.at(1, 6)) this.story.historyImport += 1;
        return {
          from: fromCustomer ? contact : number.display,
          id: this.wamid(),
          timestamp: seconds(at),
          type: 'text',
          text: {
            body: fromCustomer ? '¿Tienen envío a domicilio?' : 'Sí, enviamos a todo el país.',
          },
          history_context: { status: fromCustomer ? 'READ' : 'DELIVERED' },
        };
      });
      return { id: contact, messages };
    });
    const chunks = [threads.slice(0, 3), threads.slice(3)];
    chunks.forEach((chunk, index) =>
      this.post(onboarded + (10 + index) * MINUTE, number, 'history', {
        history: [
          {
            metadata: { phase: 0, chunk_order: index + 1, progress: index === 0 ? 50 : 100 },
            threads: chunk,
          },
        ],
      }),
    );
    this.post(onboarded + 5 * MINUTE, number, 'smb_app_state_sync', {
      state_sync: threads.slice(0, 4).map((thread, index) => ({
        type: 'contact',
        contact: {
          full_name: `Cliente ${index + 1}`,
          first_name: `Cliente ${index + 1}`,
          phone_number: thread.id,
        },
        action: 'add',
        metadata: { timestamp: seconds(onboarded) },
      })),
    });
  }

  // --- messages -----------------------------------------------------------------------------

  private inbound(
    number: BusinessNumber,
    contact: string,
    at: number,
    referral?: 'ad' | 'post',
  ): void {
    this.story.inbound += 1;
    this.post(at, number, 'messages', {
      contacts: [{ profile: { name: 'Customer' }, wa_id: contact }],
      messages: [
        {
          from: contact,
          id: this.wamid(),
          timestamp: seconds(at),
          type: 'text',
          text: { body: referral ? 'Can I get more info about this?' : 'Hi! Where is my order?' },
          ...(referral
            ? {
                referral: {
                  source_url:
                    referral === 'ad'
                      ? 'https://fb.me/3cr4Wqqkv'
                      : 'https://www.facebook.com/demo/posts/1',
                  source_id: String(120226305854810000 + this.int(1, 999)),
                  source_type: referral,
                  headline: 'Chat with us',
                  body: 'New season, new arrivals',
                  media_type: 'image',
                  ctwa_clid: createHash('sha256')
                    .update(`${this.month}/clid/${at}`)
                    .digest('base64url'),
                },
              }
            : {}),
        },
      ],
    });
  }

  private echo(number: BusinessNumber, contact: string, at: number): void {
    this.story.businessApp += 1;
    this.post(at, number, 'smb_message_echoes', {
      message_echoes: [
        {
          from: number.display,
          to: contact,
          id: this.wamid(),
          timestamp: seconds(at),
          type: 'text',
          text: { body: 'Thanks! It left our warehouse this morning.' },
        },
      ],
    });
  }

  /** A Cloud API message: its send record, then the statuses Meta reports. */
  private cloudApi(
    number: BusinessNumber,
    contact: string,
    sentAt: number,
    template: Template | null,
    fate: Fate,
  ): void {
    const wamid = this.wamid();
    this.sends.push({
      wamid,
      phoneNumberId: number.id,
      to: `+${contact}`,
      sentAt: new Date(sentAt).toISOString(),
      ...(template
        ? {
            templateName: template.name,
            templateLanguage: template.language,
            templateCategory: template.category,
            api: template.api ?? 'CLOUD_API',
          }
        : {}),
    });
    const status = (state: string, at: number, extra: Record<string, unknown> = {}) =>
      this.post(at, number, 'messages', {
        statuses: [
          { id: wamid, status: state, timestamp: seconds(at), recipient_id: contact, ...extra },
        ],
      });
    if (fate.kind === 'failed') {
      const error = ERRORS[fate.code];
      status('failed', sentAt + 2_000, {
        errors: [
          {
            code: fate.code,
            title: error.title,
            message: error.title,
            error_data: { details: error.details },
            href: '/documentation/business-messaging/whatsapp/support/error-codes',
          },
        ],
      });
      this.story.notDelivered += 1;
      return;
    }
    status('sent', sentAt + 1_000);
    if (fate.kind === 'pending') return;
    const deliveredAt = sentAt + (fate.after ?? this.int(2, 60) * 1_000);
    status('delivered', deliveredAt);
    if (fate.read) status('read', deliveredAt + this.int(1, 180) * MINUTE);
  }

  private post(
    at: number,
    number: BusinessNumber,
    field: string,
    value: Record<string, unknown>,
  ): void {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: DEMO_WABA_ID,
          changes: [
            {
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: number.display, phone_number_id: number.id },
                ...value,
              },
              field,
            },
          ],
        },
      ],
    };
    this.webhooks.push({ at, body: JSON.stringify(body), order: this.webhooks.length });
  }

  // --- time, numbers, chance ----------------------------------------------------------------

  /** Day of the month at an hour (UTC). */
  private at(day: number, hour: number, minute = 0): number {
    return Date.UTC(this.year, this.monthIndex, day, hour, minute);
  }

  /** Office hours in New York (13:00 to 22:00 UTC) on a day from `firstDay` to the day before last. */
  private businessHour(firstDay: number): number {
    return this.at(this.int(firstDay, this.days - 1), this.int(13, 21), this.int(0, 59));
  }

  private anyHour(firstDay: number): number {
    return this.at(this.int(firstDay, this.days - 1), this.int(6, 23), this.int(0, 59));
  }

  private wamid(): string {
    this.wamids += 1;
    const digest = createHash('sha256').update(`${this.month}/${this.wamids}`).digest('base64');
    return `wamid.HBgL${digest.slice(0, 40)}`;
  }

  private contacts(markets: [Market, number][]): string[] {
    const out: string[] = [];
    for (const [market, count] of markets) {
      for (let n = 0; n < count; n += 1) {
        let number: string;
        do number = this.phoneNumberIn(market);
        while (this.numbersTaken.has(number));
        this.numbersTaken.add(number);
        out.push(number);
      }
    }
    return out;
  }

  /** A mobile number (wa_id digits) that the market map places in `market`. */
  private phoneNumberIn(market: Market): string {
    const digits = (count: number) =>
      Array.from({ length: count }, () => String(this.int(0, 9))).join('');
    switch (market) {
      case 'north-america':
        return `1${this.pick(['212', '415', '305', '312', '617', '646', '206', '512', '416', '604'])}${this.int(201, 989)}${digits(4)}`;
      case 'mexico':
        return `521${this.pick(['55', '33', '81'])}${digits(8)}`;
      case 'spain':
        return `346${digits(8)}`;
      case 'rest-of-africa':
        return this.random() < 0.6 ? `2547${this.int(10, 29)}${digits(6)}` : `23324${digits(7)}`;
      case 'rest-of-latin-america':
        return `5025${digits(7)}`;
      case 'brazil':
        return `55119${digits(8)}`;
      case 'united-kingdom':
        // 76xx numbers are pagers, not mobiles.
        return `447${this.pick(['4', '5', '7', '8', '9'])}${digits(8)}`;
      case 'india':
        return `91${this.int(7, 9)}${digits(9)}`;
      case 'indonesia':
        return `62812${digits(8)}`;
    }
  }

  /** mulberry32: a small seeded generator, the same sequence for the same month. */
  private random(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let roll = this.random();
    for (const [index, weight] of weights.entries()) {
      roll -= weight;
      if (roll < 0) return items[index];
    }
    return items[items.length - 1];
  }
}

type BusinessNumber = { id: string; display: string };

function seconds(at: number): string {
  return String(Math.floor(at / 1000));
}
