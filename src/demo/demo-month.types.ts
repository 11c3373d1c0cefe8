/** A webhook body as Meta would POST it, and when (epoch milliseconds). */
export interface DemoWebhook {
  at: number;
  body: string;
}

/** A send record, as `recordSentMessages` takes it. */
export interface DemoSend {
  wamid: string;
  phoneNumberId: string;
  to: string;
  sentAt: string;
  templateName?: string;
  templateLanguage?: string;
  templateCategory?: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  api?: 'CLOUD_API' | 'MM_LITE';
}

export interface DemoWaba {
  wabaId: string;
  name: string;
  portfolioName: string;
  timezone: string;
  currency: string;
  primaryBusinessCountry: string;
  authInternationalStarts: { country: string; startsAt: string }[];
}

export interface DemoPhoneNumber {
  phoneNumberId: string;
  displayPhoneNumber: string;
  coexistence: boolean;
  onboardedAt: string;
}

/**
 * What the month holds, by intent: how many messages of each kind were made, so that a reader
 * (or a test) can compare the charges with the story. Counts are of messages charged in the
 * month (WABA time).
 */
export interface DemoStory {
  /** Customer messages (FREE_INBOUND), referrals included. */
  inbound: number;
  /** Customer messages with a click-to-WhatsApp ad or Page referral. */
  referrals: number;
  /** Messages sent from the WhatsApp Business app (FREE_BUSINESS_APP). */
  businessApp: number;
  /** Imported chat history charged in the month (FREE_HISTORY_IMPORT). */
  historyImport: number;
  /** Cloud API messages inside a free entry point window (FREE_ENTRY_POINT). */
  entryPoint: number;
  /** Delivered Cloud API non-template replies inside a service window, per phone number id. */
  serviceReplies: Record<string, number>;
  /** Delivered utility templates inside a service window (charged from 2026-10-01). */
  inWindowUtility: number;
  /** Delivered utility templates outside any window, late deliveries included. */
  utility: number;
  /** Delivered marketing templates outside any window (Marketing Messages API included). */
  marketing: number;
  /** Of those, sent through the Marketing Messages API (MARKETING_LITE). */
  marketingLite: number;
  /** Delivered authentication templates, by recipient. */
  authentication: {
    domestic: number;
    /** To India, delivered before / from the WABA's authentication-international start there. */
    indiaBeforeStart: number;
    indiaFromStart: number;
    /** To Indonesia, where the WABA's start is long past. */
    indonesia: number;
  };
  /** Cloud API messages that failed (NOT_DELIVERED). */
  notDelivered: number;
  /** Sent at the end of the month, never reported delivered (PENDING). */
  pending: number;
  /** Utility templates sent the month before, delivered (and charged) in this one. */
  lateDeliveries: number;
}

/** A month of traffic of the demo WABA, ready to send to the service. */
export interface DemoMonth {
  month: string;
  waba: DemoWaba;
  phoneNumbers: DemoPhoneNumber[];
  /** The send log, recorded before the webhooks (templates need it to be priced). */
  sends: DemoSend[];
  /** In the order Meta would send them. */
  webhooks: DemoWebhook[];
  story: DemoStory;
}
