import { registerEnumType } from '@nestjs/graphql';

/**
 * The GraphQL enums shared across features, registered once. Values equal the string unions of
 * src/pricing/pricing.types.ts, so a union value can be used where the enum is expected.
 */

export enum Direction {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
}

export enum MessageOrigin {
  CLOUD_API = 'CLOUD_API',
  BUSINESS_APP = 'BUSINESS_APP',
  HISTORY_IMPORT = 'HISTORY_IMPORT',
}

export enum TemplateCategory {
  MARKETING = 'MARKETING',
  UTILITY = 'UTILITY',
  AUTHENTICATION = 'AUTHENTICATION',
}

export enum SendApi {
  CLOUD_API = 'CLOUD_API',
  MM_LITE = 'MM_LITE',
}

export enum PricingCategory {
  MARKETING = 'MARKETING',
  MARKETING_LITE = 'MARKETING_LITE',
  UTILITY = 'UTILITY',
  AUTHENTICATION = 'AUTHENTICATION',
  AUTHENTICATION_INTERNATIONAL = 'AUTHENTICATION_INTERNATIONAL',
  SERVICE = 'SERVICE',
  GROUP_MARKETING = 'GROUP_MARKETING',
  GROUP_UTILITY = 'GROUP_UTILITY',
  GROUP_SERVICE = 'GROUP_SERVICE',
}

export enum ChargeReason {
  BILLED = 'BILLED',
  FREE_INBOUND = 'FREE_INBOUND',
  FREE_BUSINESS_APP = 'FREE_BUSINESS_APP',
  FREE_HISTORY_IMPORT = 'FREE_HISTORY_IMPORT',
  FREE_CUSTOMER_SERVICE_WINDOW = 'FREE_CUSTOMER_SERVICE_WINDOW',
  FREE_CBP_CONVERSATION = 'FREE_CBP_CONVERSATION',
  FREE_ENTRY_POINT = 'FREE_ENTRY_POINT',
  FREE_TIER = 'FREE_TIER',
  NOT_DELIVERED = 'NOT_DELIVERED',
  PENDING = 'PENDING',
  REJECTED_OUTSIDE_WINDOW = 'REJECTED_OUTSIDE_WINDOW',
  NO_RATE = 'NO_RATE',
}

export enum ChargeSource {
  META = 'META',
  ESTIMATE = 'ESTIMATE',
}

export enum ReportDimension {
  MONTH = 'MONTH',
  DAY = 'DAY',
  PORTFOLIO = 'PORTFOLIO',
  WABA = 'WABA',
  PHONE_NUMBER = 'PHONE_NUMBER',
  MARKET = 'MARKET',
  COUNTRY = 'COUNTRY',
  PRICING_CATEGORY = 'PRICING_CATEGORY',
  ORIGIN = 'ORIGIN',
  REASON = 'REASON',
  TIER = 'TIER',
}

export enum ExportKind {
  STATEMENT = 'STATEMENT',
  COST_REPORT = 'COST_REPORT',
  MESSAGES = 'MESSAGES',
  META_RECONCILIATION = 'META_RECONCILIATION',
}

export enum ExportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
  PDF = 'PDF',
}

registerEnumType(Direction, { name: 'Direction' });
registerEnumType(MessageOrigin, {
  name: 'MessageOrigin',
  description:
    'Where a message came from: the Cloud API, the WhatsApp Business app, or imported history.',
});
registerEnumType(TemplateCategory, { name: 'TemplateCategory' });
registerEnumType(SendApi, { name: 'SendApi' });
registerEnumType(PricingCategory, {
  name: 'PricingCategory',
  description:
    "Meta's pricing category; MARKETING_LITE is billed at the MARKETING rate. GROUP_* are Groups API deliveries (one per participant), billed at the participant's market's marketing or utility rate, without volume tiers; GROUP_SERVICE is never billed.",
});
registerEnumType(ChargeReason, {
  name: 'ChargeReason',
  description:
    'Why a message is billed or not. FREE_* reasons are free (FREE_CBP_CONVERSATION: a utility template inside a utility conversation opened under conversation-based pricing before 2025-07-01); PENDING, NOT_DELIVERED, REJECTED_OUTSIDE_WINDOW and NO_RATE (unpriced) are neither billed nor free.',
});
registerEnumType(ChargeSource, {
  name: 'ChargeSource',
  description: "META when Meta's pricing verdict decided the charge, ESTIMATE otherwise.",
});
registerEnumType(ReportDimension, {
  name: 'ReportDimension',
  description: 'A column a cost report groups by. MONTH and DAY are in each WABA timezone.',
});
registerEnumType(ExportKind, {
  name: 'ExportKind',
  description:
    "META_RECONCILIATION: Meta's pricing_analytics beside our charges for a month (metaReconciliation), CSV or XLSX.",
});
registerEnumType(ExportFormat, { name: 'ExportFormat' });
