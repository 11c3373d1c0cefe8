import { InitialSchema1764086400000 } from './1764086400000-initial-schema';
import { ChargeRollupsAndWebhookQueue1764090000000 } from './1764090000000-charge-rollups-and-webhook-queue';
import { RawEventRetriesAndChargeOrigin1764093600000 } from './1764093600000-raw-event-retries-and-charge-origin';
import { ChargeFingerprint1764097200000 } from './1764097200000-charge-fingerprint';
import { OneWamidIndex1764100800000 } from './1764100800000-one-wamid-index';
import { UsernamesAndGroups1764104400000 } from './1764104400000-usernames-and-groups';
import { WabaName1764108000000 } from './1764108000000-waba-name';
import { Jobs1764111600000 } from './1764111600000-jobs';
import { ApiKeyIdsAndExportOwners1764115200000 } from './1764115200000-api-key-ids-and-export-owners';
import { RawEventRetrySchedule1764118800000 } from './1764118800000-raw-event-retry-schedule';
import { MetaAnalytics1764200100000 } from './1764200100000-meta-analytics';
import { MonthCloseNotificationsBudgets1764200200000 } from './1764200200000-month-close-notifications-budgets';
import { ServiceSecrets1764200300000 } from './1764200300000-service-secrets';
import { MessagesMonthPageIndex1764200400000 } from './1764200400000-messages-month-page-index';

/** Every migration, oldest first; start-up runs the pending ones. */
export const MIGRATIONS = [
  InitialSchema1764086400000,
  ChargeRollupsAndWebhookQueue1764090000000,
  RawEventRetriesAndChargeOrigin1764093600000,
  ChargeFingerprint1764097200000,
  OneWamidIndex1764100800000,
  UsernamesAndGroups1764104400000,
  WabaName1764108000000,
  Jobs1764111600000,
  ApiKeyIdsAndExportOwners1764115200000,
  RawEventRetrySchedule1764118800000,
  MetaAnalytics1764200100000,
  MonthCloseNotificationsBudgets1764200200000,
  ServiceSecrets1764200300000,
  MessagesMonthPageIndex1764200400000,
];
