import { PhoneNumberEntity } from '../accounts/entities/phone-number.entity';
import { PortfolioEntity } from '../accounts/entities/portfolio.entity';
import { WabaEntity } from '../accounts/entities/waba.entity';
import { ApiKeyEntity } from '../auth/entities/api-key.entity';
import { ChargeRollupEntity } from '../charging/entities/charge-rollup.entity';
import { ExportEntity } from '../exports/entities/export.entity';
import { AccountEventEntity } from '../ingestion/entities/account-event.entity';
import { ContactEntity } from '../ingestion/entities/contact.entity';
import { RawEventEntity } from '../ingestion/entities/raw-event.entity';
import { TemplateCategoryChangeEntity } from '../ingestion/entities/template-category-change.entity';
import { ContactLinkEntity } from '../messages/entities/contact-link.entity';
import { JobEntity } from '../jobs/entities/job.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { RateCardEntity } from '../rate-cards/entities/rate-card.entity';
import { SavedScenarioEntity } from '../simulations/entities/saved-scenario.entity';
import { BudgetAlertEntity } from '../budgets/entities/budget-alert.entity';
import { BudgetEntity } from '../budgets/entities/budget.entity';
import { MonthCloseEntity } from '../month-close/entities/month-close.entity';
import { StatementRevisionEntity } from '../month-close/entities/statement-revision.entity';
import { NotificationAttemptEntity } from '../notifications/entities/notification-attempt.entity';
import { NotificationDeliveryEntity } from '../notifications/entities/notification-delivery.entity';
import { MetaAnalyticsPullEntity } from '../meta-analytics/entities/meta-analytics-pull.entity';
import { MetaPricingAnalyticsEntity } from '../meta-analytics/entities/meta-pricing-analytics.entity';
import { ServiceSecretEntity } from './entities/service-secret.entity';

export const ENTITIES = [
  PortfolioEntity,
  WabaEntity,
  PhoneNumberEntity,
  ApiKeyEntity,
  RawEventEntity,
  TemplateCategoryChangeEntity,
  ContactEntity,
  AccountEventEntity,
  MessageEntity,
  ContactLinkEntity,
  RateCardEntity,
  ExportEntity,
  SavedScenarioEntity,
  ChargeRollupEntity,
  JobEntity,
  MetaPricingAnalyticsEntity,
  MetaAnalyticsPullEntity,
  NotificationDeliveryEntity,
  NotificationAttemptEntity,
  MonthCloseEntity,
  StatementRevisionEntity,
  BudgetEntity,
  BudgetAlertEntity,
  ServiceSecretEntity,
];
