import { PlannedFeature } from '../enums/planned-feature.enum';

export const CORAL_COEXISTENCE_DOCS =
  'Coral docs, "Coexistence functionality": https://docs.coralmessaging.com/en/functionality/coexistence-functionality';
export const META_THROUGHPUT_PAGE =
  'Meta Cloud API throughput page: https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput';
export const META_CHANGELOG =
  'Meta WhatsApp changelog, 2025-09-29 entry "Added a Coexistence onboarding guide to MM Lite": https://developers.facebook.com/docs/whatsapp/changelog';
export const META_MM_FEATURES_TABLE =
  'Meta Marketing Messages API features table (Coexistence: "Yes" for MM API and Cloud API)';
export const META_GROUPS_API_DOCS =
  'Meta Cloud API Groups documentation (Groups API not available to coexistence users)';

/** Coral gives no time zone for "As of February 1, 2026"; the block starts at 00:00 UTC. */
export const UNSUPPORTED_REGIONS_FROM = new Date('2026-02-01T00:00:00.000Z');

/** Source: Coral docs. Matched on the calling code, as Coral words it ("country codes registered in"). */
export const UNSUPPORTED_REGIONS: ReadonlyArray<{ callingCode: string; name: string }> = [
  { callingCode: '234', name: 'Nigeria' },
  { callingCode: '27', name: 'South Africa' },
];

/** Source: Coral docs (also Telnyx and Jelou partner docs). */
export const MIN_APP_VERSION: readonly number[] = [2, 24, 17];

/** Source: Coral docs: the app must have used the number for at least 1 week. */
export const MIN_DAYS_ON_APP = 7;

/** Source: Coral docs: the app must be opened at least once every 13 days. */
export const MAX_DAYS_APP_CLOSED = 13;

/** Source: Meta throughput page: coexistence numbers have a fixed 20 mps. */
export const COEXISTENCE_THROUGHPUT_MPS = 20;

/** Source: Meta throughput page: standard Cloud API numbers get 80 mps by default. */
export const STANDARD_THROUGHPUT_MPS = 80;

/** Source: Meta throughput page: standard numbers can be upgraded to 1,000 mps. */
export const UPGRADED_THROUGHPUT_MPS = 1000;

/** Campaign durations are rounded up to this many decimals of a minute. */
export const CAMPAIGN_MINUTES_DECIMALS = 2;

/** Source: Coral docs, "Chat history import". */
export const HISTORY_IMPORT_ONE_TO_ONE_MONTHS = 6;
export const HISTORY_IMPORT_MEDIA_WEEKS = 2;

/**
 * Source: Meta, "Onboard WhatsApp Business app users" (updated 2026-06-26), feature comparison.
 * Message edit and revoke are no longer disabled: "Individual (1:1) chats — Message Edit/Revoke is
 * now supported" (older partner pages, such as Coral's, still list them as disabled).
 */
export const FEATURES_DISABLED_IN_APP: ReadonlyMap<PlannedFeature, string> = new Map([
  [PlannedFeature.BROADCAST_LISTS, 'broadcast lists'],
  [PlannedFeature.DISAPPEARING_MESSAGES, 'disappearing messages'],
  [PlannedFeature.VIEW_ONCE, 'view-once photos and videos'],
  [PlannedFeature.LIVE_LOCATION, 'live location sharing'],
]);

/** Source: Meta, "Onboard WhatsApp Business app users" (updated 2026-06-26). */
export const FEATURES_SUPPORTED_IN_ONE_TO_ONE: ReadonlyMap<PlannedFeature, string> = new Map([
  [PlannedFeature.MESSAGE_EDIT, 'editing sent messages'],
  [PlannedFeature.DELETE_FOR_EVERYONE, 'delete for everyone (revoke)'],
]);

export const META_COEXISTENCE_ONBOARDING =
  'https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/onboarding-business-app-users';

/** Source: Coral docs, table B "Features that continue in the app but don't sync to the Cloud API". */
export const FEATURES_NOT_SYNCED: ReadonlyMap<PlannedFeature, string> = new Map([
  [PlannedFeature.GROUP_CHATS, 'group chats'],
  [PlannedFeature.CALLS, 'voice and video calls'],
  [PlannedFeature.NUMBER_CONCEAL, 'number conceal'],
  [PlannedFeature.CATALOG_SYNC, 'catalogs and orders'],
  [PlannedFeature.GREETING_AWAY_SYNC, 'greeting and away messages'],
  [PlannedFeature.QUICK_REPLIES_SYNC, 'quick replies'],
  [PlannedFeature.LABELS_SYNC, 'labels'],
]);

/** Source: Coral docs, "Device requirements". */
export const UNSUPPORTED_COMPANIONS: ReadonlyMap<PlannedFeature, string> = new Map([
  [PlannedFeature.WINDOWS_DESKTOP, 'WhatsApp for Windows'],
  [PlannedFeature.WEAR_OS, 'Wear OS'],
]);
