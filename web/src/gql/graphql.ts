/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant as ISO-8601 text with a time zone, such as "2026-03-01T00:00:00Z", "2026-03-01T09:30:00+05:30" or "2026-03-01" (a bare date is 12am UTC). Answers are in UTC. */
  DateTime: { input: string; output: string; }
  /** Exact decimal number as a string, e.g. "0.0625", of at most 40 characters. Never rounded by the transport. */
  Decimal: { input: string; output: string; }
};

/** ACTIVE: in use. REJECTED: Meta refused it (expired or revoked); set a new one with upsertWaba. */
export type AccessTokenStatus =
  | 'ACTIVE'
  | 'REJECTED';

export type ApiKey = {
  __typename?: 'ApiKey';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** A public name for the key ("key_" and 12 hex digits), random and unrelated to the secret; no part of the secret is stored. */
  keyId: Scalars['String']['output'];
  name: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  role: ApiKeyRole;
};

/** FINANCE reads (messages, reports, statements, exports, quotes, simulations, eligibility). OPERATOR also edits WABAs and numbers, records sends, imports rate cards, reprices, closes months, pulls Meta's analytics, sets budgets, saves scenarios, and reads notification deliveries and set-aside webhook bodies (replays, discards). ADMIN also manages API keys. */
export type ApiKeyRole =
  | 'ADMIN'
  | 'FINANCE'
  | 'OPERATOR';

export type AuthInternationalStart = {
  __typename?: 'AuthInternationalStart';
  country: Scalars['String']['output'];
  startsAt: Scalars['DateTime']['output'];
};

export type AuthInternationalStartInput = {
  /** ISO 3166 alpha-2 country code */
  country: Scalars['String']['input'];
  startsAt: Scalars['DateTime']['input'];
};

/** A monthly budget and its current month's figures. */
export type Budget = {
  __typename?: 'Budget';
  /** This month's alerts. */
  alerts: Array<BudgetAlert>;
  amount: Scalars['Decimal']['output'];
  currency: Scalars['String']['output'];
  /** The month's forecast (recorded traffic priced as in force), refreshed daily. */
  forecast?: Maybe<Scalars['Decimal']['output']>;
  /** The current local month (the WABA's; a portfolio's first WABA's). */
  month: Scalars['String']['output'];
  portfolioId?: Maybe<Scalars['String']['output']>;
  scope: BudgetScope;
  /** Billed so far this month, exact. */
  spend: Scalars['Decimal']['output'];
  wabaId?: Maybe<Scalars['String']['output']>;
};

/** A threshold a budget crossed in a month (notified once). */
export type BudgetAlert = {
  __typename?: 'BudgetAlert';
  basis: BudgetAlertBasis;
  firedAt: Scalars['DateTime']['output'];
  forecast?: Maybe<Scalars['Decimal']['output']>;
  month: Scalars['String']['output'];
  spend: Scalars['Decimal']['output'];
  /** 50, 80 or 100 (% of the budget). */
  threshold: Scalars['Int']['output'];
};

/** SPEND: the month's spend reached the threshold. FORECAST: its forecast did. */
export type BudgetAlertBasis =
  | 'FORECAST'
  | 'SPEND';

/** A monthly budget for exactly one of wabaId or portfolioId. */
export type BudgetInput = {
  /** Per local month, at most 6 decimals, e.g. "1500". */
  amount: Scalars['Decimal']['input'];
  /** ISO 4217; the scope's billing currency by default (and the only one accepted). */
  currency?: InputMaybe<Scalars['String']['input']>;
  portfolioId?: InputMaybe<Scalars['String']['input']>;
  wabaId?: InputMaybe<Scalars['String']['input']>;
};

export type BudgetScope =
  | 'PORTFOLIO'
  | 'WABA';

/** Exactly one of wabaId or portfolioId. */
export type BudgetScopeInput = {
  portfolioId?: InputMaybe<Scalars['String']['input']>;
  wabaId?: InputMaybe<Scalars['String']['input']>;
};

/** What the messages sent from the WhatsApp Business app saved in a month: the Cloud API's price for them as service replies inside the customer service window, at the card in force on each day, after the number's free service replies left by its Cloud API replies. */
export type BusinessAppSavings = {
  __typename?: 'BusinessAppSavings';
  /** The saving: exact, unrounded. */
  amount: Scalars['Decimal']['output'];
  /** Of them, those the Cloud API would have billed (priced). */
  billedMessages: Scalars['Int']['output'];
  byMarket: Array<BusinessAppSavingsMarket>;
  currency: Scalars['String']['output'];
  /** Those the Cloud API would have sent free: before service replies were charged (2026-10-01) or within the free allowance. */
  freeMessages: Scalars['Int']['output'];
  /** Messages sent from the Business app. */
  messages: Scalars['Int']['output'];
  month: Scalars['String']['output'];
  /** Those the Cloud API would have billed, but the card has no service rate for. */
  unpricedMessages: Scalars['Int']['output'];
};

export type BusinessAppSavingsMarket = {
  __typename?: 'BusinessAppSavingsMarket';
  /** Exact, unrounded. */
  amount: Scalars['Decimal']['output'];
  billedMessages: Scalars['Int']['output'];
  /** Null when the market is unknown. */
  market?: Maybe<Scalars['String']['output']>;
  messages: Scalars['Int']['output'];
  unpricedMessages: Scalars['Int']['output'];
};

export type Charge = {
  __typename?: 'Charge';
  amount: Scalars['Decimal']['output'];
  billable: Scalars['Boolean']['output'];
  country?: Maybe<Scalars['String']['output']>;
  currency: Scalars['String']['output'];
  /** The engine's own verdict, kept even when Meta's pricing decided */
  estimateBillable: Scalars['Boolean']['output'];
  estimatePricingCategory?: Maybe<PricingCategory>;
  estimateReason: ChargeReason;
  explanation: Scalars['String']['output'];
  market?: Maybe<Scalars['String']['output']>;
  /** YYYY-MM in the WABA timezone */
  month?: Maybe<Scalars['String']['output']>;
  pricingCategory?: Maybe<PricingCategory>;
  rate?: Maybe<Scalars['Decimal']['output']>;
  rateCardId?: Maybe<Scalars['String']['output']>;
  reason: ChargeReason;
  source: ChargeSource;
  /** Volume tier band, Meta's style: 0:750000 */
  tier?: Maybe<Scalars['String']['output']>;
};

/** Why a message is billed or not. FREE_* reasons are free (FREE_CBP_CONVERSATION: a utility template inside a utility conversation opened under conversation-based pricing before 2025-07-01); PENDING, NOT_DELIVERED, REJECTED_OUTSIDE_WINDOW and NO_RATE (unpriced) are neither billed nor free. */
export type ChargeReason =
  | 'BILLED'
  | 'FREE_BUSINESS_APP'
  | 'FREE_CBP_CONVERSATION'
  | 'FREE_CUSTOMER_SERVICE_WINDOW'
  | 'FREE_ENTRY_POINT'
  | 'FREE_HISTORY_IMPORT'
  | 'FREE_INBOUND'
  | 'FREE_TIER'
  | 'NOT_DELIVERED'
  | 'NO_RATE'
  | 'PENDING'
  | 'REJECTED_OUTSIDE_WINDOW';

/** META when Meta's pricing verdict decided the charge, ESTIMATE otherwise. */
export type ChargeSource =
  | 'ESTIMATE'
  | 'META';

export type CostReport = {
  __typename?: 'CostReport';
  /** Sorted by the groupBy dimensions in order, then currency (nulls last). */
  rows: Array<CostReportRow>;
  /** One per currency. */
  totals: Array<CostTotal>;
};

export type CostReportInput = {
  filter?: InputMaybe<ReportFilter>;
  /** Start of the half-open range [from, to) of charge instants. */
  from: Scalars['DateTime']['input'];
  /** Dimensions to group by (no repeats); rows are always split by currency too. */
  groupBy: Array<ReportDimension>;
  /** End (exclusive); at most 400 days after from. */
  to: Scalars['DateTime']['input'];
};

/** One group; the dimensions not grouped by are null. */
export type CostReportRow = {
  __typename?: 'CostReportRow';
  /** Exact sum of the charges, never rounded. */
  amount: Scalars['Decimal']['output'];
  /** Messages whose charge is billable (NO_RATE ones included). */
  billableMessages: Scalars['Int']['output'];
  country?: Maybe<Scalars['String']['output']>;
  currency: Scalars['String']['output'];
  day?: Maybe<Scalars['String']['output']>;
  /** Messages with a FREE_* reason. */
  freeMessages: Scalars['Int']['output'];
  market?: Maybe<Scalars['String']['output']>;
  messages: Scalars['Int']['output'];
  month?: Maybe<Scalars['String']['output']>;
  origin?: Maybe<MessageOrigin>;
  phoneNumberId?: Maybe<Scalars['String']['output']>;
  portfolioId?: Maybe<Scalars['String']['output']>;
  pricingCategory?: Maybe<PricingCategory>;
  reason?: Maybe<ChargeReason>;
  tier?: Maybe<Scalars['String']['output']>;
  wabaId?: Maybe<Scalars['String']['output']>;
};

/** Counts and the exact amount of one currency, across the report. */
export type CostTotal = {
  __typename?: 'CostTotal';
  /** Exact sum of the charges, never rounded. */
  amount: Scalars['Decimal']['output'];
  /** Messages whose charge is billable (NO_RATE ones included). */
  billableMessages: Scalars['Int']['output'];
  currency: Scalars['String']['output'];
  /** Messages with a FREE_* reason. */
  freeMessages: Scalars['Int']['output'];
  messages: Scalars['Int']['output'];
};

export type CreateApiKeyInput = {
  name: Scalars['String']['input'];
  role: ApiKeyRole;
};

export type Direction =
  | 'INBOUND'
  | 'OUTBOUND';

export type DiscardSetAsideEventsInput = {
  /** The set-aside bodies to discard; at most 1000. */
  ids: Array<Scalars['ID']['input']>;
  /** Why (kept with the bodies, with who and when); at most 1000 characters. */
  reason: Scalars['String']['input'];
};

/** Whether a number can be onboarded to coexistence, and at what cost. */
export type Eligibility = {
  __typename?: 'Eligibility';
  /** Date the rules were evaluated at. */
  asOf: Scalars['DateTime']['output'];
  blockers: Array<Finding>;
  /** Null without a campaign window. */
  campaignFitsWindowAtCoexistence?: Maybe<Scalars['Boolean']['output']>;
  /** Null without a campaign window. */
  campaignFitsWindowStandard?: Maybe<Scalars['Boolean']['output']>;
  /** Minimum minutes to send the campaign at the coexistence cap, rounded up to 2 decimals. */
  campaignMinutesAtCoexistence?: Maybe<Scalars['Decimal']['output']>;
  /** Minimum minutes to send the campaign at the standard rate, rounded up to 2 decimals. */
  campaignMinutesStandard?: Maybe<Scalars['Decimal']['output']>;
  /** ISO 3166-1 alpha-2 country of the number. */
  country?: Maybe<Scalars['String']['output']>;
  /** True when there are no blockers. */
  eligible: Scalars['Boolean']['output'];
  /** Messages per second on a coexistence number. */
  throughputCoexistence: Scalars['Int']['output'];
  /** Default messages per second on a standard Cloud API number. */
  throughputStandard: Scalars['Int']['output'];
  warnings: Array<Finding>;
};

/** What is known about a WhatsApp Business app number before coexistence. */
export type EligibilityInput = {
  /** WhatsApp Business app version on the phone, e.g. "2.24.17". */
  appVersion?: InputMaybe<Scalars['String']['input']>;
  /** Date the rules are evaluated at; defaults to now. */
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  /** Messages in a planned API campaign. */
  campaignMessages?: InputMaybe<Scalars['Int']['input']>;
  /** Minutes the campaign must finish in; requires campaignMessages. */
  campaignWindowMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Days the WhatsApp Business app has been using this number. */
  daysOnApp?: InputMaybe<Scalars['Int']['input']>;
  /** Days since the WhatsApp Business app was last opened on the phone. */
  daysSinceAppLastOpened?: InputMaybe<Scalars['Int']['input']>;
  /** The business number in international format, e.g. "+44 20 7946 0958". */
  phoneNumber: Scalars['String']['input'];
  plannedFeatures?: InputMaybe<Array<PlannedFeature>>;
};

export type Export = {
  __typename?: 'Export';
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Once DONE: a signed link that downloads the file without an API key (for a browser), valid 5 minutes; ask for the export again for a fresh one. */
  downloadUrl?: Maybe<Scalars['String']['output']>;
  /** Why the export FAILED. */
  error?: Maybe<Scalars['String']['output']>;
  fileName?: Maybe<Scalars['String']['output']>;
  format: ExportFormat;
  id: Scalars['ID']['output'];
  /** The EXPORT job that writes the file (same id as the export), run by any service process; null for the documents of a month close, written by the scheduler itself. */
  job?: Maybe<Job>;
  kind: ExportKind;
  /** Data rows written (lines, report rows or messages). */
  rows?: Maybe<Scalars['Int']['output']>;
  status: ExportStatus;
  /** Download path once DONE; GET it with the same API key. */
  url?: Maybe<Scalars['String']['output']>;
};

export type ExportFormat =
  | 'CSV'
  | 'PDF'
  | 'XLSX';

/** STATEMENT: month and exactly one of wabaId/portfolioId (CSV, XLSX or PDF). COST_REPORT and MESSAGES: month (each WABA timezone) or from/to, optionally narrowed to a WABA or portfolio (CSV or XLSX). */
export type ExportInput = {
  /** Only charges in this currency; a portfolio statement over several currencies needs it. */
  currency?: InputMaybe<Scalars['String']['input']>;
  format: ExportFormat;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  kind: ExportKind;
  /** YYYY-MM in the WABA timezone. */
  month?: InputMaybe<Scalars['String']['input']>;
  portfolioId?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
  wabaId?: InputMaybe<Scalars['String']['input']>;
};

/** META_RECONCILIATION: Meta's pricing_analytics beside our charges for a month (metaReconciliation), CSV or XLSX. */
export type ExportKind =
  | 'COST_REPORT'
  | 'MESSAGES'
  | 'META_RECONCILIATION'
  | 'STATEMENT';

/** PENDING until a process takes it; DONE once its file can be downloaded. */
export type ExportStatus =
  | 'DONE'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING';

/** One coexistence rule that applies to the number. */
export type Finding = {
  __typename?: 'Finding';
  code: FindingCode;
  /** Plain-language explanation naming its source. */
  message: Scalars['String']['output'];
  severity: FindingSeverity;
  /** Documents the rule comes from. */
  sources: Array<Scalars['String']['output']>;
};

/** The coexistence rule a finding reports (its message explains it). */
export type FindingCode =
  | 'APP_INACTIVITY'
  | 'APP_MUST_STAY_INSTALLED'
  | 'APP_VERSION_TOO_OLD'
  | 'APP_VERSION_UNKNOWN'
  | 'COMPANION_DEVICES_UNLINKED'
  | 'COUNTRY_NOT_SUPPORTED'
  | 'FEATURES_DISABLED'
  | 'FEATURES_NOT_SYNCED'
  | 'GROUPS_API_UNAVAILABLE'
  | 'HISTORY_IMPORT_LIMITS'
  | 'INVALID_PHONE_NUMBER'
  | 'MARKETING_MESSAGES_LITE'
  | 'NUMBER_AGE_UNKNOWN'
  | 'NUMBER_TOO_NEW'
  | 'THROUGHPUT_CAP'
  | 'UNSUPPORTED_COMPANION';

/** BLOCKER: the number cannot be onboarded. ACTION_REQUIRED: check or change something (a planned feature, a campaign, a missing answer). INFO: a caveat every coexistence number has. */
export type FindingSeverity =
  /** Onboarding is possible, but something needs attention. */
  | 'ACTION_REQUIRED'
  /** Onboarding to coexistence is not possible. */
  | 'BLOCKER'
  /** A general coexistence caveat to know about. */
  | 'INFO';

export type Forecast = {
  __typename?: 'Forecast';
  assumptions: Array<Scalars['String']['output']>;
  currency: Scalars['String']['output'];
  history: Array<ForecastHistoryMonth>;
  historyMonths: Array<Scalars['String']['output']>;
  lines: Array<SimulationLine>;
  rateCards: Array<Scalars['String']['output']>;
  roundedTotal: Scalars['Decimal']['output'];
  targetMonth: Scalars['String']['output'];
  total: Scalars['Decimal']['output'];
  wabaId: Scalars['String']['output'];
};

export type ForecastHistoryMonth = {
  __typename?: 'ForecastHistoryMonth';
  billableMessages: Scalars['Int']['output'];
  /** Sent messages with a pricing category. */
  messages: Scalars['Int']['output'];
  month: Scalars['String']['output'];
  /** Recomputed with the engine, exact. */
  total: Scalars['Decimal']['output'];
};

export type ForecastInput = {
  /** Complete months of history to average (default 3). */
  months?: InputMaybe<Scalars['Int']['input']>;
  /** YYYY-MM to forecast (default: next month in the WABA timezone). */
  targetMonth?: InputMaybe<Scalars['String']['input']>;
  wabaId: Scalars['String']['input'];
};

export type FreeLine = {
  __typename?: 'FreeLine';
  quantity: Scalars['Int']['output'];
  reason: ChargeReason;
};

/** SEND_LOG_CSV: the send log, a header line then one sent message a line; WEBHOOK_JSONL: one Meta webhook body a line. */
export type ImportFormat =
  | 'SEND_LOG_CSV'
  | 'WEBHOOK_JSONL';

/** Why a line of an imported file was not taken */
export type ImportProblem = {
  __typename?: 'ImportProblem';
  /** Line number in the file, from 1 */
  line: Scalars['Int']['output'];
  message: Scalars['String']['output'];
};

export type ImportRateCardInput = {
  /** ISO 4217, e.g. USD */
  currency: Scalars['String']['input'];
  /** YYYY-MM-DD, 12am in each WABA timezone */
  effectiveFrom: Scalars['String']['input'];
  name: Scalars['String']['input'];
  /** Where the file came from; at most 1000 characters. */
  provenance?: InputMaybe<Scalars['String']['input']>;
  /** Meta's rates CSV, as downloaded; at most 1048576 characters. */
  ratesCsv: Scalars['String']['input'];
  /** Meta's volume tiers CSV; at most 1048576 characters. */
  volumeTiersCsv?: InputMaybe<Scalars['String']['input']>;
};

/** What an imported file gave */
export type ImportSummary = {
  __typename?: 'ImportSummary';
  /** Webhook bodies already stored (by a delivery, an earlier import or an earlier run of the same job); always 0 for a send log */
  duplicates: Scalars['Int']['output'];
  format: ImportFormat;
  /** Lines read: every line of a file of webhook bodies, blank ones included; the rows of a send log (not its header or blank lines) */
  linesRead: Scalars['Int']['output'];
  /** Messages the file added or changed */
  messagesChanged: Scalars['Int']['output'];
  /** All the problems found, of which `problems` lists at most 100 */
  problemCount: Scalars['Int']['output'];
  /** The first 100 problems at most, by line number (problemCount counts them all) */
  problems: Array<ImportProblem>;
  /** Lines with at least one problem */
  rejectedLines: Scalars['Int']['output'];
  /** Messages re-rated over the span the file touched */
  repricedMessages: Scalars['Int']['output'];
  /** Webhook bodies stored as new; for a send log, the rows recorded (merged with what is stored: a row imported again counts again) */
  stored: Scalars['Int']['output'];
};

export type IngestProblem = {
  __typename?: 'IngestProblem';
  index: Scalars['Int']['output'];
  message: Scalars['String']['output'];
};

export type IngestResult = {
  __typename?: 'IngestResult';
  /** Records accepted (new or merged into a known message) */
  accepted: Scalars['Int']['output'];
  /** Messages whose stored facts changed */
  changed: Scalars['Int']['output'];
  received: Scalars['Int']['output'];
  rejected: Array<IngestProblem>;
};

export type IssuedApiKey = {
  __typename?: 'IssuedApiKey';
  apiKey: ApiKey;
  /** The secret; shown only in this response */
  secret: Scalars['String']['output'];
};

/** Long work run by any service process. A job interrupted by a stop is resumed (from its last checkpoint) by another process or the next start. */
export type Job = {
  __typename?: 'Job';
  /** Times a process started it; above 1 it was resumed */
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** Why it failed */
  error?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** An IMPORT job once DONE: what its file gave (null for FINANCE keys: it quotes the uploaded lines). A resumed import (attempts above 1) read its file again from the start, and these counts describe that last run: lines an earlier run stored count as duplicates. */
  import?: Maybe<ImportSummary>;
  kind: JobKind;
  /** Messages re-rated, once a re-rate is done */
  messages?: Maybe<Scalars['Int']['output']>;
  /** Share done, from 0 to 1 */
  progress: Scalars['Float']['output'];
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: JobStatus;
};

export type JobConnection = {
  __typename?: 'JobConnection';
  edges: Array<JobEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type JobEdge = {
  __typename?: 'JobEdge';
  cursor: Scalars['String']['output'];
  node: Job;
};

/** REPRICE: a reprice mutation; RATE_CARD_REPRICE: the re-rate after a rate card import (or a change of built-in cards); ACCOUNT_REPRICE: the re-rate after a WABA edit (time zone, currency, portfolio, allowance, auth-international) or a move of a phone number to another WABA; EXPORT: a file export; IMPORT: a file uploaded to POST /imports (a send log or webhook bodies), imported and its span re-rated. */
export type JobKind =
  | 'ACCOUNT_REPRICE'
  | 'EXPORT'
  | 'IMPORT'
  | 'RATE_CARD_REPRICE'
  | 'REPRICE';

export type JobStatus =
  | 'DONE'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING';

export type MarketRate = {
  __typename?: 'MarketRate';
  authentication?: Maybe<Scalars['Decimal']['output']>;
  authenticationInternational?: Maybe<Scalars['Decimal']['output']>;
  market: Scalars['String']['output'];
  marketing?: Maybe<Scalars['Decimal']['output']>;
  service?: Maybe<Scalars['Decimal']['output']>;
  /** Volume tier bands, e.g. "UTILITY 0:750000 @ 0.0034" */
  tiers: Array<Scalars['String']['output']>;
  utility?: Maybe<Scalars['Decimal']['output']>;
};

export type Message = {
  __typename?: 'Message';
  api?: Maybe<SendApi>;
  charge: Charge;
  /** The conversation's other side: the customer's phone number (digits), else their business-scoped user id while no phone number is known; for a group message, the group id */
  contact: Scalars['String']['output'];
  /** ISO 3166 alpha-2 from Meta's contacts[].profile.country_code */
  contactCountry?: Maybe<Scalars['String']['output']>;
  /** The customer's business-scoped user id (BSUID), when Meta named one */
  contactUserId?: Maybe<Scalars['String']['output']>;
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  direction: Direction;
  errorCode?: Maybe<Scalars['Int']['output']>;
  failedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The group of a Groups API message */
  groupId?: Maybe<Scalars['String']['output']>;
  messageType?: Maybe<Scalars['String']['output']>;
  metaPricingCategory?: Maybe<Scalars['String']['output']>;
  /** Meta's pricing.type from status webhooks */
  metaPricingType?: Maybe<Scalars['String']['output']>;
  origin: MessageOrigin;
  /** A group delivery's participant (phone number, else BSUID); each participant reached is a message and a charge of its own, its wamid the group message's wamid, '~' and the participant */
  participant?: Maybe<Scalars['String']['output']>;
  phoneNumberId: Scalars['String']['output'];
  readAt?: Maybe<Scalars['DateTime']['output']>;
  referralSourceType?: Maybe<Scalars['String']['output']>;
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  status: MessageStatus;
  templateCategory?: Maybe<TemplateCategory>;
  templateLanguage?: Maybe<Scalars['String']['output']>;
  templateName?: Maybe<Scalars['String']['output']>;
  wabaId: Scalars['String']['output'];
  wamid: Scalars['String']['output'];
};

export type MessageConnection = {
  __typename?: 'MessageConnection';
  edges: Array<MessageEdge>;
  pageInfo: PageInfo;
};

export type MessageEdge = {
  __typename?: 'MessageEdge';
  cursor: Scalars['String']['output'];
  node: Message;
};

export type MessageFilter = {
  /** The customer by phone number (digits; '+', spaces and dashes are ignored) or by business-scoped user id; a group participant by phone number; at most 256 characters */
  contact?: InputMaybe<Scalars['String']['input']>;
  /** Recipient countries of the charge (ISO 3166 alpha-2). */
  countries?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Currencies of the charge (ISO 4217). */
  currencies?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Local days of the charge (YYYY-MM-DD, each WABA's timezone). */
  days?: InputMaybe<Array<Scalars['String']['input']>>;
  direction?: InputMaybe<Direction>;
  /** Charge instant (delivery, else send) from, inclusive */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** The deliveries and messages of one group; at most 256 characters */
  groupId?: InputMaybe<Scalars['String']['input']>;
  /** Pricing markets of the charge, as rate cards name them ("North America"). */
  markets?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Local months of the charge (YYYY-MM, each WABA's timezone), as statements use. */
  months?: InputMaybe<Array<Scalars['String']['input']>>;
  origins?: InputMaybe<Array<MessageOrigin>>;
  phoneNumberIds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Messages of the WABAs of these portfolios (business portfolios). */
  portfolioIds?: InputMaybe<Array<Scalars['String']['input']>>;
  pricingCategories?: InputMaybe<Array<PricingCategory>>;
  reasons?: InputMaybe<Array<ChargeReason>>;
  source?: InputMaybe<ChargeSource>;
  /** Volume-tier bands of the charge ("0:750000", "750001:15000000"). */
  tiers?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Charge instant to, exclusive */
  to?: InputMaybe<Scalars['DateTime']['input']>;
  wabaIds?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Where a message came from: the Cloud API, the WhatsApp Business app, or imported history. */
export type MessageOrigin =
  | 'BUSINESS_APP'
  | 'CLOUD_API'
  | 'HISTORY_IMPORT';

/** RECEIVED: inbound. ACCEPTED: a Cloud API message known from the send log only. SENT, DELIVERED, READ: the furthest status Meta reported (READ implies delivered); an outbound Business app or history message without one is SENT. FAILED: a failure and no delivery. */
export type MessageStatus =
  | 'ACCEPTED'
  | 'DELIVERED'
  | 'FAILED'
  | 'READ'
  | 'RECEIVED'
  | 'SENT';

/** A pull of Meta's pricing_analytics, or an import of saved answers. */
export type MetaAnalyticsPull = {
  __typename?: 'MetaAnalyticsPull';
  dataPoints: Scalars['Int']['output'];
  error?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['Int']['output'];
  kind: MetaAnalyticsPullKind;
  pages: Scalars['Int']['output'];
  period: Scalars['String']['output'];
  rangeEnd: Scalars['DateTime']['output'];
  rangeStart: Scalars['DateTime']['output'];
  startedAt: Scalars['DateTime']['output'];
  status: MetaAnalyticsPullStatus;
  wabaId: Scalars['String']['output'];
};

export type MetaAnalyticsPullConnection = {
  __typename?: 'MetaAnalyticsPullConnection';
  edges: Array<MetaAnalyticsPullEdge>;
  pageInfo: PageInfo;
  /** Every pull and import of the WABA asked for, not only this page. */
  totalCount: Scalars['Int']['output'];
};

export type MetaAnalyticsPullEdge = {
  __typename?: 'MetaAnalyticsPullEdge';
  cursor: Scalars['String']['output'];
  node: MetaAnalyticsPull;
};

/** DAILY: the scheduled pull of the last days. MONTH: the pull of a closed month. MANUAL: pullMetaAnalytics. FILE: npm run analytics:import. */
export type MetaAnalyticsPullKind =
  | 'DAILY'
  | 'FILE'
  | 'MANUAL'
  | 'MONTH';

export type MetaAnalyticsPullStatus =
  | 'DONE'
  | 'FAILED'
  | 'RUNNING';

/** Meta's own analytics beside our charges for a month. */
export type MetaReconciliation = {
  __typename?: 'MetaReconciliation';
  currency: Scalars['String']['output'];
  /** Only the keys where Meta and we differ, by day, WABA, country, category, type, tier. */
  lines: Array<MetaReconciliationLine>;
  metaCost: Scalars['Decimal']['output'];
  metaVolume: Scalars['Int']['output'];
  month: Scalars['String']['output'];
  ourCost: Scalars['Decimal']['output'];
  ourVolume: Scalars['Int']['output'];
  wabaIds: Array<Scalars['String']['output']>;
};

/** The likeliest cause of a difference between Meta's pricing_analytics and our charges (docs/meta-reconciliation.md). */
export type MetaReconciliationCause =
  | 'CATEGORY_DIFFERS'
  | 'FREE_ENTRY_POINT'
  | 'MESSAGES_NOT_SEEN'
  | 'META_DATA_MISSING'
  | 'NOT_IN_META'
  | 'PRICING_TYPE_DIFFERS'
  | 'RATE_CARD_MISSING'
  | 'RATE_DIFFERS'
  | 'TIER_PLACE'
  | 'TIMEZONE_EDGE'
  | 'WITHIN_META_ROUNDING';

/** Exactly one of wabaId or portfolioId. */
export type MetaReconciliationInput = {
  /** YYYY-MM, a calendar month in each WABA's timezone. */
  month: Scalars['String']['input'];
  portfolioId?: InputMaybe<Scalars['String']['input']>;
  wabaId?: InputMaybe<Scalars['String']['input']>;
};

/** Meta's pricing_analytics and our charges for one WABA × local day × country × pricing category × pricing type × tier where they differ. */
export type MetaReconciliationLine = {
  __typename?: 'MetaReconciliationLine';
  /** The likeliest cause. */
  cause?: Maybe<MetaReconciliationCause>;
  /** ISO 3166 alpha-2. */
  country?: Maybe<Scalars['String']['output']>;
  /** The WABA's local day (YYYY-MM-DD). */
  day: Scalars['String']['output'];
  /** The cause in a sentence. */
  explanation?: Maybe<Scalars['String']['output']>;
  /** Meta's approximate cost, in the WABA's currency. */
  metaCost: Scalars['Decimal']['output'];
  metaVolume: Scalars['Int']['output'];
  ourCost: Scalars['Decimal']['output'];
  ourVolume: Scalars['Int']['output'];
  /** Meta's pricing category as Meta names it (its analytics may add values); free entry point lines are REFERRAL_CONVERSION whatever either side calls them. */
  pricingCategory?: Maybe<Scalars['String']['output']>;
  /** Meta's pricing type as Meta names it (its analytics may add values): REGULAR, FREE_CUSTOMER_SERVICE, FREE_ENTRY_POINT or FREE_GROUP_CUSTOMER_SERVICE today. */
  pricingType?: Maybe<Scalars['String']['output']>;
  /** Tier band for REGULAR lines (0:MAX outside a ladder); null for free lines. */
  tier?: Maybe<Scalars['String']['output']>;
  wabaId: Scalars['String']['output'];
  /** True when the line differs only within Meta's rounding of its cost. */
  withinRounding: Scalars['Boolean']['output'];
};

/** A WABA's closed local month. */
export type MonthClose = {
  __typename?: 'MonthClose';
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  error?: Maybe<Scalars['String']['output']>;
  month: Scalars['String']['output'];
  /** The current revision of the statement (1 at the close). */
  revision: Scalars['Int']['output'];
  /** Every revision issued, oldest first. */
  revisions: Array<StatementRevision>;
  statementNumber?: Maybe<Scalars['String']['output']>;
  status: MonthCloseStatus;
  wabaId: Scalars['String']['output'];
};

/** RUNNING: a process is closing the month. DONE: its statement is issued. FAILED: see error; tried again an hour later. */
export type MonthCloseStatus =
  | 'DONE'
  | 'FAILED'
  | 'RUNNING';

export type Mutation = {
  __typename?: 'Mutation';
  /** Closes an ended month of a WABA now (re-rate, statement documents, notifications) if not closed yet; else issues a new revision if its figures changed. */
  closeMonth: MonthClose;
  createApiKey: IssuedApiKey;
  /** Starts an export (status PENDING) as an EXPORT job any service process runs (its job field); poll export(id) until DONE, then GET its url with the same API key. The export belongs to that key: other keys do not see it, ADMIN keys do. */
  createExport: Export;
  /** True when a saved scenario of that name was deleted. */
  deleteScenario: Scalars['Boolean']['output'];
  /** Discards set-aside bodies for good (never applied, no longer counted as failed); the reason, the key and the time are kept. Returns the ids discarded. */
  discardSetAsideEvents: Array<Scalars['ID']['output']>;
  /** Imports a card; the messages it now prices are re-rated by a job (repriceJob), which any service process runs */
  importRateCard: RateCard;
  /** Pulls Meta's pricing_analytics for a WABA and range now (needs its access token). */
  pullMetaAnalytics: MetaAnalyticsPull;
  /** The send log: which template and category each wamid was. Merges with status webhooks in any order. At most 10000 records per call. */
  recordSentMessages: IngestResult;
  /** Removes a budget; false when there was none. */
  removeBudget: Scalars['Boolean']['output'];
  /** Applies set-aside bodies again (after a fix), one by one, the way the queue applies them, and re-rates what they touch; says how each went. */
  replaySetAsideEvents: ReplayResult;
  /** Re-rates whole local months as a job: returns at once; follow it with job(id) (messages re-rated when DONE). */
  reprice: Job;
  revokeApiKey: ApiKey;
  /** Stores (or replaces) a scenario under its name. */
  saveScenario: SavedScenario;
  /** Sets the monthly budget of a WABA or portfolio; 50, 80 and 100% of it, by spend or forecast, notify once a month each. */
  setBudget: Budget;
  /** Creates or edits a phone number; when it moves to another WABA the messages of both WABAs are re-rated by a job (repriceJob), which any service process runs */
  upsertPhoneNumber: PhoneNumber;
  /** Creates or edits a WABA; when the edit changes how its messages are priced (portfolio, time zone, currency, country, auth-international starts, allowance) they are re-rated by a job (repriceJob), which any service process runs */
  upsertWaba: Waba;
};


export type MutationCloseMonthArgs = {
  month: Scalars['String']['input'];
  wabaId: Scalars['String']['input'];
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationCreateExportArgs = {
  input: ExportInput;
};


export type MutationDeleteScenarioArgs = {
  name: Scalars['String']['input'];
};


export type MutationDiscardSetAsideEventsArgs = {
  input: DiscardSetAsideEventsInput;
};


export type MutationImportRateCardArgs = {
  input: ImportRateCardInput;
};


export type MutationPullMetaAnalyticsArgs = {
  input: PullMetaAnalyticsInput;
};


export type MutationRecordSentMessagesArgs = {
  input: Array<SentMessageInput>;
};


export type MutationRemoveBudgetArgs = {
  input: BudgetScopeInput;
};


export type MutationReplaySetAsideEventsArgs = {
  input: ReplaySetAsideEventsInput;
};


export type MutationRepriceArgs = {
  input: RepriceInput;
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSaveScenarioArgs = {
  input: ScenarioInput;
};


export type MutationSetBudgetArgs = {
  input: BudgetInput;
};


export type MutationUpsertPhoneNumberArgs = {
  input: PhoneNumberInput;
};


export type MutationUpsertWabaArgs = {
  input: WabaInput;
};

/** One attempt to send a notification. */
export type NotificationAttempt = {
  __typename?: 'NotificationAttempt';
  attempt: Scalars['Int']['output'];
  attemptedAt: Scalars['DateTime']['output'];
  durationMs: Scalars['Int']['output'];
  error?: Maybe<Scalars['String']['output']>;
  /** The callback's HTTP status or the SMTP reply code; null when no answer came. */
  statusCode?: Maybe<Scalars['Int']['output']>;
  succeeded: Scalars['Boolean']['output'];
};

/** WEBHOOK: the signed HTTP callback (NOTIFY_CALLBACK_URL). EMAIL: SMTP. */
export type NotificationChannel =
  | 'EMAIL'
  | 'WEBHOOK';

/** A notification on one channel, with its delivery log. */
export type NotificationDelivery = {
  __typename?: 'NotificationDelivery';
  attempts: Scalars['Int']['output'];
  channel: NotificationChannel;
  createdAt: Scalars['DateTime']['output'];
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** The idempotency key (X-Billing-Event-Id), e.g. statement:ST-W-…-R1. */
  eventKey: Scalars['String']['output'];
  eventType: NotificationEventType;
  id: Scalars['Int']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  lastStatusCode?: Maybe<Scalars['Int']['output']>;
  log: Array<NotificationAttempt>;
  /** When a PENDING delivery is tried next. */
  nextAttemptAt: Scalars['DateTime']['output'];
  status: NotificationStatus;
};

export type NotificationDeliveryConnection = {
  __typename?: 'NotificationDeliveryConnection';
  edges: Array<NotificationDeliveryEdge>;
  pageInfo: PageInfo;
  /** Every delivery of the status asked for, not only this page. */
  totalCount: Scalars['Int']['output'];
};

export type NotificationDeliveryEdge = {
  __typename?: 'NotificationDeliveryEdge';
  cursor: Scalars['String']['output'];
  node: NotificationDelivery;
};

/** The event notified; the callback names it in X-Billing-Event as statement.issued, statement.revised or budget.threshold. */
export type NotificationEventType =
  | 'BUDGET_THRESHOLD'
  | 'STATEMENT_ISSUED'
  | 'STATEMENT_REVISED';

/** PENDING: waiting for its next attempt. SENDING: an attempt is under way. DELIVERED. FAILED: every attempt failed (NOTIFY_MAX_ATTEMPTS). */
export type NotificationStatus =
  | 'DELIVERED'
  | 'FAILED'
  | 'PENDING'
  | 'SENDING';

export type PageInfo = {
  __typename?: 'PageInfo';
  /** The last edge's cursor, to pass as after for the next page; null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PhoneNumber = {
  __typename?: 'PhoneNumber';
  coexistence: Scalars['Boolean']['output'];
  displayPhoneNumber?: Maybe<Scalars['String']['output']>;
  offboardedAt?: Maybe<Scalars['DateTime']['output']>;
  onboardedAt?: Maybe<Scalars['DateTime']['output']>;
  phoneNumberId: Scalars['String']['output'];
  /** The re-rate of the messages of the number's old and new WABA (set by upsertPhoneNumber; null unless the number moved to another WABA) */
  repriceJob?: Maybe<Job>;
  wabaId: Scalars['String']['output'];
};

export type PhoneNumberInput = {
  coexistence?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 32 characters. */
  displayPhoneNumber?: InputMaybe<Scalars['String']['input']>;
  onboardedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** At most 64 characters. */
  phoneNumberId: Scalars['String']['input'];
  /** At most 64 characters. */
  wabaId: Scalars['String']['input'];
};

/** Something the business intends to use on the number; findings that affect it are escalated. */
export type PlannedFeature =
  | 'BROADCAST_LISTS'
  | 'CALLS'
  | 'CATALOG_SYNC'
  | 'DELETE_FOR_EVERYONE'
  | 'DISAPPEARING_MESSAGES'
  | 'GREETING_AWAY_SYNC'
  | 'GROUPS_API'
  | 'GROUP_CHATS'
  | 'HIGH_THROUGHPUT'
  | 'LABELS_SYNC'
  | 'LIVE_LOCATION'
  | 'MARKETING_MESSAGES_LITE'
  | 'MESSAGE_EDIT'
  | 'NUMBER_CONCEAL'
  | 'QUICK_REPLIES_SYNC'
  | 'VIEW_ONCE'
  | 'WEAR_OS'
  | 'WINDOWS_DESKTOP';

export type Portfolio = {
  __typename?: 'Portfolio';
  id: Scalars['String']['output'];
  /** Display name; null when unnamed. */
  name?: Maybe<Scalars['String']['output']>;
  wabaIds: Array<Scalars['String']['output']>;
};

/** Meta's pricing category; MARKETING_LITE is billed at the MARKETING rate. GROUP_* are Groups API deliveries (one per participant), billed at the participant's market's marketing or utility rate, without volume tiers; GROUP_SERVICE is never billed. */
export type PricingCategory =
  | 'AUTHENTICATION'
  | 'AUTHENTICATION_INTERNATIONAL'
  | 'GROUP_MARKETING'
  | 'GROUP_SERVICE'
  | 'GROUP_UTILITY'
  | 'MARKETING'
  | 'MARKETING_LITE'
  | 'SERVICE'
  | 'UTILITY';

export type PullMetaAnalyticsInput = {
  /** Start of the range (at most 93 days). */
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
  wabaId: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  apiKeys: Array<ApiKey>;
  /** Monthly budgets with this month's spend and alerts. */
  budgets: Array<Budget>;
  /** What the Business app saved in a month (WABA time) for one WABA or portfolio: its messages priced as Cloud API service replies. Read from the rollups. */
  businessAppSavings: BusinessAppSavings;
  /** Checks whether a WhatsApp Business app number can be onboarded to coexistence (Business app + Cloud API on one number). */
  coexistenceEligibility: Eligibility;
  /** Message counts and exact amounts grouped by any dimensions over [from, to), one total per currency. */
  costReport: CostReport;
  /** The API key this request is made with (any role): its name and role. */
  currentApiKey: ApiKey;
  /** An export made with the same API key (an ADMIN key sees every export); null for any other. */
  export?: Maybe<Export>;
  /** Next month's cost of a WABA from its last months' recorded traffic, under the card and regime in force then. */
  forecast: Forecast;
  job?: Maybe<Job>;
  /** Jobs, newest first. */
  jobs: JobConnection;
  message?: Maybe<Message>;
  /** Stored messages in the order they were first recorded. */
  messages: MessageConnection;
  /** Pulls and imports of Meta's analytics, newest first. */
  metaAnalyticsPulls: MetaAnalyticsPullConnection;
  /** Meta's pricing_analytics beside our charges for a month, with the likeliest cause of each difference. */
  metaReconciliation: MetaReconciliation;
  /** Closed months and their statement revisions. */
  monthCloses: Array<MonthClose>;
  /** The invoice-like statement of a month (WABA time) for one WABA or portfolio. */
  monthlyStatement: Statement;
  /** The notification delivery log (callbacks and e-mails), newest first. */
  notificationDeliveries: NotificationDeliveryConnection;
  phoneNumbers: Array<PhoneNumber>;
  portfolios: Array<Portfolio>;
  quote: Quote;
  /** The card in force for a currency on a date (YYYY-MM-DD, a WABA in UTC) and what it leaves unpriced. */
  rateCardCoverage: RateCardCoverage;
  rateCards: Array<RateCard>;
  /** Messages where Meta's pricing verdict and the engine's estimate disagree. */
  reconciliation: ReconciliationConnection;
  /** Re-runs saved scenarios by name. */
  runSavedScenarios: Simulation;
  savedScenarios: Array<SavedScenario>;
  /** Webhook bodies set aside after every attempt of their retry schedule, oldest first, with their last error; discarded: true lists the discarded ones instead (who, when, why). */
  setAsideEvents: SetAsideEventConnection;
  /** Prices scenarios side by side with the charging engine; deltas against the baseline scenario. */
  simulate: Simulation;
  wabas: Array<Waba>;
};


export type QueryBusinessAppSavingsArgs = {
  input: StatementInput;
};


export type QueryCoexistenceEligibilityArgs = {
  input: EligibilityInput;
};


export type QueryCostReportArgs = {
  input: CostReportInput;
};


export type QueryExportArgs = {
  id: Scalars['ID']['input'];
};


export type QueryForecastArgs = {
  input: ForecastInput;
};


export type QueryJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<JobKind>;
  status?: InputMaybe<JobStatus>;
};


export type QueryMessageArgs = {
  wamid: Scalars['String']['input'];
};


export type QueryMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MessageFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMetaAnalyticsPullsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  wabaId?: InputMaybe<Scalars['String']['input']>;
};


export type QueryMetaReconciliationArgs = {
  input: MetaReconciliationInput;
};


export type QueryMonthClosesArgs = {
  month?: InputMaybe<Scalars['String']['input']>;
  wabaId?: InputMaybe<Scalars['String']['input']>;
};


export type QueryMonthlyStatementArgs = {
  input: StatementInput;
};


export type QueryNotificationDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<NotificationStatus>;
};


export type QueryPhoneNumbersArgs = {
  wabaId?: InputMaybe<Scalars['String']['input']>;
};


export type QueryQuoteArgs = {
  input: QuoteInput;
};


export type QueryRateCardCoverageArgs = {
  currency: Scalars['String']['input'];
  date: Scalars['String']['input'];
};


export type QueryReconciliationArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  input: ReconciliationInput;
};


export type QueryRunSavedScenariosArgs = {
  baseline?: InputMaybe<Scalars['String']['input']>;
  names: Array<Scalars['String']['input']>;
};


export type QuerySetAsideEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  discarded?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySimulateArgs = {
  input: SimulationInput;
};

export type Quote = {
  __typename?: 'Quote';
  amount: Scalars['Decimal']['output'];
  bands: Array<QuoteBand>;
  country?: Maybe<Scalars['String']['output']>;
  currency: Scalars['String']['output'];
  explanation: Scalars['String']['output'];
  market: Scalars['String']['output'];
  priced: Scalars['Boolean']['output'];
  pricingCategory: PricingCategory;
  /** Rate of the first quoted message */
  rate?: Maybe<Scalars['Decimal']['output']>;
  rateCardName?: Maybe<Scalars['String']['output']>;
};

export type QuoteBand = {
  __typename?: 'QuoteBand';
  amount: Scalars['Decimal']['output'];
  quantity: Scalars['Int']['output'];
  rate: Scalars['Decimal']['output'];
  tier: Scalars['String']['output'];
};

export type QuoteInput = {
  /** ISO 3166 alpha-2; or give phoneNumber */
  country?: InputMaybe<Scalars['String']['input']>;
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Delivery date YYYY-MM-DD (default today, UTC) */
  date?: InputMaybe<Scalars['String']['input']>;
  messages?: InputMaybe<Scalars['Int']['input']>;
  /** Billed messages of this market and category family already sent this month */
  monthlyVolumeSoFar?: InputMaybe<Scalars['Int']['input']>;
  /** Recipient's number; its calling code decides the market */
  phoneNumber?: InputMaybe<Scalars['String']['input']>;
  pricingCategory: PricingCategory;
};

export type RateCard = {
  __typename?: 'RateCard';
  builtIn: Scalars['Boolean']['output'];
  currency: Scalars['String']['output'];
  effectiveFrom: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  importOrder: Scalars['Int']['output'];
  importedAt: Scalars['DateTime']['output'];
  name: Scalars['String']['output'];
  provenance: Scalars['String']['output'];
  rates: Array<MarketRate>;
  /** The re-rate of the messages this card prices (set by importRateCard) */
  repriceJob?: Maybe<Job>;
};

/** What the card in force leaves unpriced (NO_RATE): every market of the market map on the date × the categories Meta bills there (marketing, utility, authentication; authentication-international where Meta has such a rate; service from 2026-10-01, priced by the service or else the utility column). */
export type RateCardCoverage = {
  __typename?: 'RateCardCoverage';
  /** Markets whose every billed category the card prices */
  pricedMarkets: Scalars['Int']['output'];
  /** The card in force for the currency on the date; null when none is */
  rateCard?: Maybe<RateCard>;
  unpriced: Array<UnpricedRate>;
};

/** WEBHOOK: posted to /webhooks/whatsapp. IMPORT: a line of npm run import. */
export type RawEventSource =
  | 'IMPORT'
  | 'WEBHOOK';

/** Messages where Meta's pricing verdict and the estimate disagree: every one counted in groups, a page of them listed in the order they were first recorded. */
export type ReconciliationConnection = {
  __typename?: 'ReconciliationConnection';
  edges: Array<ReconciliationEdge>;
  /** Every disagreement in range, by kind and currency. */
  groups: Array<ReconciliationGroup>;
  pageInfo: PageInfo;
  /** Every disagreement in range, not only this page. */
  totalCount: Scalars['Int']['output'];
};

export type ReconciliationEdge = {
  __typename?: 'ReconciliationEdge';
  cursor: Scalars['String']['output'];
  node: ReconciliationItem;
};

export type ReconciliationGroup = {
  __typename?: 'ReconciliationGroup';
  /** Sum of the final (Meta-decided) charges. Null for META_FREE_ESTIMATE_BILLED: Meta's verdict made them 0 and the estimate's amount is not kept. */
  amountAtStake?: Maybe<Scalars['Decimal']['output']>;
  currency: Scalars['String']['output'];
  kind: ReconciliationKind;
  messages: Scalars['Int']['output'];
};

export type ReconciliationInput = {
  /** Start of the half-open range [from, to) of charge instants. */
  from: Scalars['DateTime']['input'];
  portfolioId?: InputMaybe<Scalars['String']['input']>;
  to: Scalars['DateTime']['input'];
  wabaId?: InputMaybe<Scalars['String']['input']>;
};

export type ReconciliationItem = {
  __typename?: 'ReconciliationItem';
  amount: Scalars['Decimal']['output'];
  chargeAt?: Maybe<Scalars['DateTime']['output']>;
  /** Meta's verdict, which decided the charge. */
  chargeBillable: Scalars['Boolean']['output'];
  chargePricingCategory?: Maybe<PricingCategory>;
  chargeReason: ChargeReason;
  currency: Scalars['String']['output'];
  estimateBillable: Scalars['Boolean']['output'];
  estimatePricingCategory?: Maybe<PricingCategory>;
  estimateReason: ChargeReason;
  kind: ReconciliationKind;
  phoneNumberId: Scalars['String']['output'];
  wabaId: Scalars['String']['output'];
  wamid: Scalars['String']['output'];
};

/** How Meta's pricing verdict (the final charge) and the engine's estimate disagree. */
export type ReconciliationKind =
  /** Both agree on billability but Meta put the message in another pricing category. */
  | 'CATEGORY_DIFFERS'
  /** Meta billed a message the estimate expected to be free (or not billable). */
  | 'META_BILLED_ESTIMATE_FREE'
  /** Meta did not bill a message the estimate expected to be billed. */
  | 'META_FREE_ESTIMATE_BILLED';

/** APPLIED: the body is applied and its messages re-rated. FAILED: it failed again and stays set aside with its new error. */
export type ReplayOutcome =
  | 'APPLIED'
  | 'FAILED';

export type ReplayResult = {
  __typename?: 'ReplayResult';
  applied: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  /** One per body, in arrival order. */
  results: Array<ReplayedEvent>;
};

/** Exactly one of ids or all. */
export type ReplaySetAsideEventsInput = {
  /** Replay every set-aside body. */
  all?: InputMaybe<Scalars['Boolean']['input']>;
  /** The set-aside bodies to replay; at most 1000. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type ReplayedEvent = {
  __typename?: 'ReplayedEvent';
  /** Why it failed again. */
  error?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  outcome: ReplayOutcome;
};

/** A column a cost report groups by. MONTH and DAY are in each WABA timezone. */
export type ReportDimension =
  | 'COUNTRY'
  | 'DAY'
  | 'MARKET'
  | 'MONTH'
  | 'ORIGIN'
  | 'PHONE_NUMBER'
  | 'PORTFOLIO'
  | 'PRICING_CATEGORY'
  | 'REASON'
  | 'TIER'
  | 'WABA';

/** Narrows a report; every list is a set of accepted values (an empty list matches nothing). */
export type ReportFilter = {
  /** ISO 3166 alpha-2 country codes. */
  countries?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Rate card market names, e.g. "India". */
  markets?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Months (YYYY-MM) in each WABA timezone, the way statements count them. With from/to wide enough (e.g. the UTC month ± 1 day) this reports exactly a statement month. */
  months?: InputMaybe<Array<Scalars['String']['input']>>;
  origins?: InputMaybe<Array<MessageOrigin>>;
  phoneNumberIds?: InputMaybe<Array<Scalars['String']['input']>>;
  portfolioIds?: InputMaybe<Array<Scalars['String']['input']>>;
  pricingCategories?: InputMaybe<Array<PricingCategory>>;
  reasons?: InputMaybe<Array<ChargeReason>>;
  wabaIds?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type RepriceInput = {
  /** Whole local months touching [from, to) are re-rated */
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
  /** Only these WABAs (default: all) */
  wabaIds?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type SavedScenario = {
  __typename?: 'SavedScenario';
  createdAt: Scalars['DateTime']['output'];
  name: Scalars['String']['output'];
  /** The saved ScenarioInput as JSON. */
  scenario: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** Traffic (volumes, or recorded traffic) plus prices (a stored card, an inline card, or the card in force) plus options. See docs/simulations.md. */
export type ScenarioInput = {
  authInternationalStarts?: InputMaybe<Array<AuthInternationalStartInput>>;
  /** Currency of the card in force (default USD for volumes, the WABA currency for recorded traffic). */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Free service replies per phone number per month from 2026-10-01 (default 1000, unconfirmed by Meta). */
  freeServiceAllowance?: InputMaybe<Scalars['Int']['input']>;
  /** First month of recorded traffic, YYYY-MM. */
  fromMonth?: InputMaybe<Scalars['String']['input']>;
  /** Recorded traffic of this portfolio. */
  fromPortfolioId?: InputMaybe<Scalars['String']['input']>;
  /** Recorded traffic of this WABA. */
  fromWabaId?: InputMaybe<Scalars['String']['input']>;
  /** Growth per month, compounded, from the first month of the volumes; counts rounded half-up. */
  growthPercent?: InputMaybe<Scalars['Decimal']['input']>;
  /** Share (0-100) of marketing messages sent inside free entry point windows instead. */
  marketingInsideEntryPointPercent?: InputMaybe<Scalars['Decimal']['input']>;
  /** Share (0-100) of Cloud API non-template replies inside the service window sent from the Business app instead (free). */
  movedToAppPercent?: InputMaybe<Scalars['Decimal']['input']>;
  /** Unique within the simulation; the baseline refers to it. */
  name: Scalars['String']['input'];
  /** Phone numbers sharing the traffic (free service allowance each; default 1). */
  phoneNumbers?: InputMaybe<Scalars['Int']['input']>;
  /** The business's primary country (ISO alpha-2), for authentication-international. */
  primaryBusinessCountry?: InputMaybe<Scalars['String']['input']>;
  /** A stored rate card, used for every month. */
  rateCardId?: InputMaybe<Scalars['ID']['input']>;
  /** An inline rate card in Meta's rates CSV layout (needs currency); at most 1048576 characters. */
  ratesCsv?: InputMaybe<Scalars['String']['input']>;
  /** YYYY-MM-DD: price every volume as if delivered that day (regime, market map and card in force); counters stay per month. */
  regimeDate?: InputMaybe<Scalars['String']['input']>;
  /** Start from this saved scenario; fields given here override its own. */
  savedName?: InputMaybe<Scalars['String']['input']>;
  /** Last month of recorded traffic, YYYY-MM (default fromMonth). */
  toMonth?: InputMaybe<Scalars['String']['input']>;
  /** Volume tiers of the inline card, in Meta's tiers CSV layout; at most 1048576 characters. */
  volumeTiersCsv?: InputMaybe<Scalars['String']['input']>;
  /** At most 20000 volumes. */
  volumes?: InputMaybe<Array<VolumeInput>>;
};

export type ScenarioResult = {
  __typename?: 'ScenarioResult';
  assumptions: Array<Scalars['String']['output']>;
  billableMessages: Scalars['Int']['output'];
  currency: Scalars['String']['output'];
  /** total − the baseline scenario total (exact; null without a baseline). */
  deltaFromBaseline?: Maybe<Scalars['Decimal']['output']>;
  freeMessages: Scalars['Int']['output'];
  lines: Array<SimulationLine>;
  messages: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  /** Rate cards used. */
  rateCards: Array<Scalars['String']['output']>;
  /** total rounded half-up to the minor unit. */
  roundedTotal: Scalars['Decimal']['output'];
  /** Exact sum of the line amounts in currency. */
  total: Scalars['Decimal']['output'];
  /** Totals per currency. */
  totals: Array<SimulationTotal>;
  /** Messages without a pricing category (inbound, Business app echoes) by reason. */
  uncategorized: Array<SimulationReasonCount>;
  unpricedMessages: Scalars['Int']['output'];
};

export type SendApi =
  | 'CLOUD_API'
  | 'MM_LITE';

export type SentMessageInput = {
  api?: InputMaybe<SendApi>;
  /** At most 64 characters. */
  phoneNumberId: Scalars['String']['input'];
  sentAt: Scalars['DateTime']['input'];
  templateCategory?: InputMaybe<TemplateCategory>;
  /** At most 32 characters. */
  templateLanguage?: InputMaybe<Scalars['String']['input']>;
  /** No templateName means a non-template message; at most 512 characters. */
  templateName?: InputMaybe<Scalars['String']['input']>;
  /** Recipient: the phone number (wa_id, with or without +), or the business-scoped user id of a user with a username; at most 256 characters. */
  to: Scalars['String']['input'];
  /** At most 255 characters. */
  wamid: Scalars['String']['input'];
};

/** A logged webhook body the queue set aside after every attempt of its retry schedule (or one an operator discarded). */
export type SetAsideEvent = {
  __typename?: 'SetAsideEvent';
  /** Failed attempts so far. */
  attempts: Scalars['Int']['output'];
  /** The body as received. */
  body: Scalars['String']['output'];
  bodySha256: Scalars['String']['output'];
  discardReason?: Maybe<Scalars['String']['output']>;
  discardedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The API key (or command line) that discarded it. */
  discardedBy?: Maybe<Scalars['String']['output']>;
  /** The raw event id, to replay or discard it. */
  id: Scalars['ID']['output'];
  /** Why the last attempt failed. */
  lastError?: Maybe<Scalars['String']['output']>;
  receivedAt: Scalars['DateTime']['output'];
  setAsideAt?: Maybe<Scalars['DateTime']['output']>;
  source: RawEventSource;
};

export type SetAsideEventConnection = {
  __typename?: 'SetAsideEventConnection';
  edges: Array<SetAsideEventEdge>;
  pageInfo: PageInfo;
  /** All the bodies listed this way, not only this page. */
  totalCount: Scalars['Int']['output'];
};

export type SetAsideEventEdge = {
  __typename?: 'SetAsideEventEdge';
  cursor: Scalars['String']['output'];
  node: SetAsideEvent;
};

export type Simulation = {
  __typename?: 'Simulation';
  baseline?: Maybe<Scalars['String']['output']>;
  scenarios: Array<ScenarioResult>;
};

/** Billed messages of a line at one rate in one volume-tier band. */
export type SimulationBand = {
  __typename?: 'SimulationBand';
  /** messages × rate, exact. */
  amount: Scalars['Decimal']['output'];
  messages: Scalars['Int']['output'];
  rate: Scalars['Decimal']['output'];
  /** Meta's tier label ("0:750000"); empty for untiered rates. */
  tier: Scalars['String']['output'];
};

export type SimulationInput = {
  /** Name of the scenario the others are compared with (deltaFromBaseline). */
  baseline?: InputMaybe<Scalars['String']['input']>;
  scenarios: Array<ScenarioInput>;
};

export type SimulationLine = {
  __typename?: 'SimulationLine';
  /** Exact, unrounded. */
  amount: Scalars['Decimal']['output'];
  bands: Array<SimulationBand>;
  /** Billed, plus billable without a rate (NO_RATE). */
  billableMessages: Scalars['Int']['output'];
  freeMessages: Scalars['Int']['output'];
  market: Scalars['String']['output'];
  messages: Scalars['Int']['output'];
  month: Scalars['String']['output'];
  /** Neither billed nor free: rejected, not delivered, pending. */
  otherMessages: Scalars['Int']['output'];
  pricingCategory: PricingCategory;
  reasons: Array<SimulationReasonCount>;
  /** Volume-tier bands reached. */
  tiers?: Maybe<Array<Scalars['String']['output']>>;
  /** Billable messages the card has no rate for (not in amount). */
  unpricedMessages: Scalars['Int']['output'];
};

/** Messages of a line, a scenario or a forecast by charge reason. */
export type SimulationReasonCount = {
  __typename?: 'SimulationReasonCount';
  messages: Scalars['Int']['output'];
  reason: ChargeReason;
};

export type SimulationTotal = {
  __typename?: 'SimulationTotal';
  billableMessages: Scalars['Int']['output'];
  currency: Scalars['String']['output'];
  messages: Scalars['Int']['output'];
  /** total rounded half-up to the minor unit. */
  roundedTotal: Scalars['Decimal']['output'];
  /** Exact sum of the line amounts. */
  total: Scalars['Decimal']['output'];
};

/** A month of one WABA (or portfolio) in one currency, like an invoice. */
export type Statement = {
  __typename?: 'Statement';
  billedMessages: Scalars['Int']['output'];
  currency: Scalars['String']['output'];
  /** Exact sum of the line amounts. */
  exactTotal: Scalars['Decimal']['output'];
  free: Array<FreeLine>;
  /** When this statement was computed. */
  issuedAt: Scalars['DateTime']['output'];
  /** Sorted by market, pricing category, tier. */
  lines: Array<StatementLine>;
  month: Scalars['String']['output'];
  notDeliveredMessages: Scalars['Int']['output'];
  /** Stable statement number of the WABA (or portfolio), month and currency: ST-W-<wabaId>-<YYYY-MM>-<CUR> or ST-P-<portfolioId>-<YYYY-MM>-<CUR>. */
  number: Scalars['String']['output'];
  /** Sent, not yet delivered: provisional, not in the total. */
  pendingMessages: Scalars['Int']['output'];
  portfolioId: Scalars['String']['output'];
  /** The portfolio's name; null when unnamed. */
  portfolioName?: Maybe<Scalars['String']['output']>;
  /** Names of the rate cards the billed lines used. */
  rateCards: Array<Scalars['String']['output']>;
  /** REJECTED_OUTSIDE_WINDOW (error 131047). */
  rejectedMessages: Scalars['Int']['output'];
  /** The WABA timezone the month is counted in; null for a portfolio. */
  timezone?: Maybe<Scalars['String']['output']>;
  /** exactTotal rounded half-up to the currency's minor unit (2 decimals for USD). */
  total: Scalars['Decimal']['output'];
  /** NO_RATE messages whose market and pricing category are known, by market and category (sorted by market, then category). */
  unpriced: Array<UnpricedLine>;
  /** NO_RATE: billable but no rate in the card in force; not in the total. Equals the quantities of `unpriced` plus `unpricedUnclassifiedMessages`. */
  unpricedMessages: Scalars['Int']['output'];
  /** NO_RATE messages whose market or pricing category is unknown (e.g. a template whose category was never recorded); not in `unpriced`. */
  unpricedUnclassifiedMessages: Scalars['Int']['output'];
  wabaId?: Maybe<Scalars['String']['output']>;
  /** The WABAs the statement covers. */
  wabaIds: Array<Scalars['String']['output']>;
  /** The WABA's name (null when unnamed, and for a portfolio). */
  wabaName?: Maybe<Scalars['String']['output']>;
};

/** A stored export of a closed month's statement. */
export type StatementDocument = {
  __typename?: 'StatementDocument';
  exportId: Scalars['String']['output'];
  format: ExportFormat;
  /** GET it with an ADMIN key: the month close made it, no key owns it. */
  url: Scalars['String']['output'];
};

/** Exactly one of wabaId or portfolioId. */
export type StatementInput = {
  /** ISO 4217 code; needed only when the month was charged in several currencies (a portfolio with WABAs billing in different currencies). */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** YYYY-MM, a calendar month in the WABA timezone. */
  month: Scalars['String']['input'];
  portfolioId?: InputMaybe<Scalars['String']['input']>;
  wabaId?: InputMaybe<Scalars['String']['input']>;
};

export type StatementLine = {
  __typename?: 'StatementLine';
  /** quantity × rate, exactly. */
  amount: Scalars['Decimal']['output'];
  market: Scalars['String']['output'];
  pricingCategory: PricingCategory;
  quantity: Scalars['Int']['output'];
  rate: Scalars['Decimal']['output'];
  /** Volume tier band, e.g. "0:750000". */
  tier?: Maybe<Scalars['String']['output']>;
};

/** A statement a month close issued. */
export type StatementRevision = {
  __typename?: 'StatementRevision';
  currency: Scalars['String']['output'];
  documents: Array<StatementDocument>;
  exactTotal: Scalars['Decimal']['output'];
  issuedAt: Scalars['DateTime']['output'];
  revision: Scalars['Int']['output'];
  statementNumber: Scalars['String']['output'];
  /** Rounded half-up to the minor unit. */
  total: Scalars['Decimal']['output'];
};

export type TemplateCategory =
  | 'AUTHENTICATION'
  | 'MARKETING'
  | 'UTILITY';

/** Unpriced (NO_RATE) messages of one market and pricing category. */
export type UnpricedLine = {
  __typename?: 'UnpricedLine';
  market: Scalars['String']['output'];
  pricingCategory: PricingCategory;
  quantity: Scalars['Int']['output'];
};

export type UnpricedRate = {
  __typename?: 'UnpricedRate';
  market: Scalars['String']['output'];
  pricingCategory: PricingCategory;
};

/** Messages of one pricing category to one market or country in one month; the window counts say how many of them were sent inside a customer service window or a free entry point window (the rest: outside any window). */
export type VolumeInput = {
  /** ISO 3166 alpha-2 recipient country. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** Of the messages, how many were sent inside a free entry point window (default 0). */
  insideEntryPoint?: InputMaybe<Scalars['Int']['input']>;
  /** Of the messages, how many were sent inside an open customer service window (default 0; for SERVICE: all those not inside an entry point). */
  insideServiceWindow?: InputMaybe<Scalars['Int']['input']>;
  /** Meta's market name (e.g. "Rest of Africa"); give market or country. */
  market?: InputMaybe<Scalars['String']['input']>;
  messages: Scalars['Int']['input'];
  /** YYYY-MM; decides the regime and the rate card in force (docs/charging-rules.md, "Regimes"). */
  month: Scalars['String']['input'];
  pricingCategory: PricingCategory;
};

export type Waba = {
  __typename?: 'Waba';
  /** Meta's answer when it refused the token. */
  accessTokenError?: Maybe<Scalars['String']['output']>;
  /** Null without a token. */
  accessTokenStatus?: Maybe<AccessTokenStatus>;
  authInternationalStarts: Array<AuthInternationalStart>;
  currency: Scalars['String']['output'];
  freeServiceAllowance: Scalars['Int']['output'];
  /** Whether a Graph API access token is stored (the token is never returned). */
  hasAccessToken: Scalars['Boolean']['output'];
  /** Display name; null when unnamed. */
  name?: Maybe<Scalars['String']['output']>;
  portfolioId: Scalars['String']['output'];
  primaryBusinessCountry?: Maybe<Scalars['String']['output']>;
  /** The re-rate of this WABA's messages (set by upsertWaba; null when the edit changed nothing they are priced by) */
  repriceJob?: Maybe<Job>;
  timezone: Scalars['String']['output'];
  wabaId: Scalars['String']['output'];
};

export type WabaInput = {
  /** A Graph API access token with whatsapp_business_management, used to read Meta's pricing_analytics for this WABA. Stored encrypted (needs TOKEN_ENCRYPTION_KEY on the server), never returned; null removes it. */
  accessToken?: InputMaybe<Scalars['String']['input']>;
  authInternationalStarts?: InputMaybe<Array<AuthInternationalStartInput>>;
  /** ISO 4217 billing currency; fixed once messages exist */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Free service messages per phone number per month from 2026-10-01 (default 1000, unconfirmed by Meta) */
  freeServiceAllowance?: InputMaybe<Scalars['Int']['input']>;
  /** Display name shown on statements (at most 200 characters); null clears it. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** At most 64 characters. */
  portfolioId?: InputMaybe<Scalars['String']['input']>;
  /** Display name of the WABA's portfolio (the business), after portfolioId applies; at most 200 characters; null clears it. */
  portfolioName?: InputMaybe<Scalars['String']['input']>;
  /** ISO 3166 alpha-2 */
  primaryBusinessCountry?: InputMaybe<Scalars['String']['input']>;
  /** IANA timezone, e.g. America/Sao_Paulo; at most 64 characters. */
  timezone?: InputMaybe<Scalars['String']['input']>;
  /** At most 64 characters. */
  wabaId: Scalars['String']['input'];
};

export type CurrentApiKeyQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentApiKeyQuery = { __typename?: 'Query', currentApiKey: { __typename?: 'ApiKey', id: string, name: string, role: ApiKeyRole } };

export type ScopesQueryVariables = Exact<{ [key: string]: never; }>;


export type ScopesQuery = { __typename?: 'Query', wabas: Array<{ __typename?: 'Waba', wabaId: string, name?: string | null, currency: string, timezone: string, portfolioId: string }>, portfolios: Array<{ __typename?: 'Portfolio', id: string, name?: string | null, wabaIds: Array<string> }> };

export type OverviewByDayQueryVariables = Exact<{
  byDay: CostReportInput;
}>;


export type OverviewByDayQuery = { __typename?: 'Query', byDay: { __typename?: 'CostReport', rows: Array<{ __typename?: 'CostReportRow', day?: string | null, currency: string, messages: number, billableMessages: number, freeMessages: number, amount: string }> } };

export type OverviewQueryVariables = Exact<{
  statement: StatementInput;
  previous: StatementInput;
  byMarketCategory: CostReportInput;
}>;


export type OverviewQuery = { __typename?: 'Query', statement: { __typename?: 'Statement', number: string, currency: string, exactTotal: string, total: string, billedMessages: number, unpricedMessages: number, pendingMessages: number, notDeliveredMessages: number, rejectedMessages: number, free: Array<{ __typename?: 'FreeLine', reason: ChargeReason, quantity: number }> }, previous: { __typename?: 'Statement', month: string, currency: string, exactTotal: string, total: string }, byMarketCategory: { __typename?: 'CostReport', rows: Array<{ __typename?: 'CostReportRow', market?: string | null, pricingCategory?: PricingCategory | null, currency: string, messages: number, billableMessages: number, freeMessages: number, amount: string }> }, savings: { __typename?: 'BusinessAppSavings', currency: string, messages: number, billedMessages: number, freeMessages: number, unpricedMessages: number, amount: string } };

export type StatementPageQueryVariables = Exact<{
  input: StatementInput;
}>;


export type StatementPageQuery = { __typename?: 'Query', monthlyStatement: { __typename?: 'Statement', number: string, issuedAt: string, month: string, currency: string, wabaId?: string | null, wabaName?: string | null, portfolioId: string, portfolioName?: string | null, timezone?: string | null, wabaIds: Array<string>, rateCards: Array<string>, unpricedMessages: number, unpricedUnclassifiedMessages: number, billedMessages: number, pendingMessages: number, notDeliveredMessages: number, rejectedMessages: number, exactTotal: string, total: string, lines: Array<{ __typename?: 'StatementLine', market: string, pricingCategory: PricingCategory, tier?: string | null, quantity: number, rate: string, amount: string }>, unpriced: Array<{ __typename?: 'UnpricedLine', market: string, pricingCategory: PricingCategory, quantity: number }>, free: Array<{ __typename?: 'FreeLine', reason: ChargeReason, quantity: number }> } };

export type CreateExportMutationVariables = Exact<{
  input: ExportInput;
}>;


export type CreateExportMutation = { __typename?: 'Mutation', createExport: { __typename?: 'Export', id: string, status: ExportStatus } };

export type ExportStatusQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ExportStatusQuery = { __typename?: 'Query', export?: { __typename?: 'Export', id: string, status: ExportStatus, fileName?: string | null, error?: string | null, downloadUrl?: string | null } | null };

export type MessagesPageQueryVariables = Exact<{
  filter?: InputMaybe<MessageFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MessagesPageQuery = { __typename?: 'Query', messages: { __typename?: 'MessageConnection', edges: Array<{ __typename?: 'MessageEdge', cursor: string, node: { __typename?: 'Message', wamid: string, phoneNumberId: string, direction: Direction, origin: MessageOrigin, status: MessageStatus, sentAt?: string | null, deliveredAt?: string | null, templateName?: string | null, metaPricingCategory?: string | null, metaPricingType?: string | null, charge: { __typename?: 'Charge', amount: string, currency: string, reason: ChargeReason, billable: boolean, pricingCategory?: PricingCategory | null, market?: string | null, country?: string | null, tier?: string | null, rate?: string | null, explanation: string, source: ChargeSource, estimateReason: ChargeReason, estimatePricingCategory?: PricingCategory | null, estimateBillable: boolean } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ReconciliationPageQueryVariables = Exact<{
  input: ReconciliationInput;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ReconciliationPageQuery = { __typename?: 'Query', reconciliation: { __typename?: 'ReconciliationConnection', totalCount: number, groups: Array<{ __typename?: 'ReconciliationGroup', kind: ReconciliationKind, currency: string, messages: number, amountAtStake?: string | null }>, edges: Array<{ __typename?: 'ReconciliationEdge', cursor: string, node: { __typename?: 'ReconciliationItem', wamid: string, kind: ReconciliationKind, amount: string, currency: string, chargeReason: ChargeReason, chargePricingCategory?: PricingCategory | null, estimateReason: ChargeReason, estimatePricingCategory?: PricingCategory | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type SimulationFieldsFragment = { __typename?: 'Simulation', baseline?: string | null, scenarios: Array<{ __typename?: 'ScenarioResult', name: string, currency: string, messages: number, billableMessages: number, freeMessages: number, unpricedMessages: number, total: string, roundedTotal: string, deltaFromBaseline?: string | null, assumptions: Array<string> }> };

export type SimulateQueryVariables = Exact<{
  input: SimulationInput;
}>;


export type SimulateQuery = { __typename?: 'Query', simulate: { __typename?: 'Simulation', baseline?: string | null, scenarios: Array<{ __typename?: 'ScenarioResult', name: string, currency: string, messages: number, billableMessages: number, freeMessages: number, unpricedMessages: number, total: string, roundedTotal: string, deltaFromBaseline?: string | null, assumptions: Array<string> }> } };

export type SavedScenariosQueryVariables = Exact<{ [key: string]: never; }>;


export type SavedScenariosQuery = { __typename?: 'Query', savedScenarios: Array<{ __typename?: 'SavedScenario', name: string, scenario: string, updatedAt: string }> };

export type SaveScenarioMutationVariables = Exact<{
  input: ScenarioInput;
}>;


export type SaveScenarioMutation = { __typename?: 'Mutation', saveScenario: { __typename?: 'SavedScenario', name: string } };

export type ForecastPageQueryVariables = Exact<{
  input: ForecastInput;
}>;


export type ForecastPageQuery = { __typename?: 'Query', forecast: { __typename?: 'Forecast', targetMonth: string, currency: string, total: string, roundedTotal: string, historyMonths: Array<string>, assumptions: Array<string> } };

export type EligibilityQueryVariables = Exact<{
  input: EligibilityInput;
}>;


export type EligibilityQuery = { __typename?: 'Query', coexistenceEligibility: { __typename?: 'Eligibility', eligible: boolean, country?: string | null, throughputCoexistence: number, throughputStandard: number, campaignMinutesAtCoexistence?: string | null, campaignMinutesStandard?: string | null, campaignFitsWindowAtCoexistence?: boolean | null, campaignFitsWindowStandard?: boolean | null, blockers: Array<{ __typename?: 'Finding', code: FindingCode, message: string }>, warnings: Array<{ __typename?: 'Finding', code: FindingCode, message: string }> } };

export type RateCardsPageQueryVariables = Exact<{
  currency: Scalars['String']['input'];
  date: Scalars['String']['input'];
}>;


export type RateCardsPageQuery = { __typename?: 'Query', rateCards: Array<{ __typename?: 'RateCard', id: string, name: string, currency: string, effectiveFrom: string, builtIn: boolean, provenance: string, importedAt: string }>, rateCardCoverage: { __typename?: 'RateCardCoverage', pricedMarkets: number, rateCard?: { __typename?: 'RateCard', id: string, name: string, effectiveFrom: string, provenance: string, rates: Array<{ __typename?: 'MarketRate', market: string, marketing?: string | null, utility?: string | null, authentication?: string | null, authenticationInternational?: string | null, service?: string | null }> } | null, unpriced: Array<{ __typename?: 'UnpricedRate', market: string, pricingCategory: PricingCategory }> } };

export type ImportRateCardMutationVariables = Exact<{
  input: ImportRateCardInput;
}>;


export type ImportRateCardMutation = { __typename?: 'Mutation', importRateCard: { __typename?: 'RateCard', id: string, name: string, repriceJob?: { __typename?: 'Job', id: string, status: JobStatus } | null } };

export type JobStatusQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type JobStatusQuery = { __typename?: 'Query', job?: { __typename?: 'Job', id: string, status: JobStatus, error?: string | null } | null };

export type MessageDetailQueryVariables = Exact<{
  wamid: Scalars['String']['input'];
}>;


export type MessageDetailQuery = { __typename?: 'Query', message?: { __typename?: 'Message', wamid: string, direction: Direction, origin: MessageOrigin, status: MessageStatus, templateName?: string | null, metaPricingCategory?: string | null, metaPricingType?: string | null, charge: { __typename?: 'Charge', amount: string, currency: string, reason: ChargeReason, pricingCategory?: PricingCategory | null, market?: string | null, tier?: string | null, explanation: string, source: ChargeSource, estimateReason: ChargeReason, estimatePricingCategory?: PricingCategory | null } } | null };

export type RunSavedScenariosQueryVariables = Exact<{
  names: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type RunSavedScenariosQuery = { __typename?: 'Query', runSavedScenarios: { __typename?: 'Simulation', baseline?: string | null, scenarios: Array<{ __typename?: 'ScenarioResult', name: string, currency: string, messages: number, billableMessages: number, freeMessages: number, unpricedMessages: number, total: string, roundedTotal: string, deltaFromBaseline?: string | null, assumptions: Array<string> }> } };

export type ImportJobQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ImportJobQuery = { __typename?: 'Query', job?: { __typename?: 'Job', id: string, status: JobStatus, progress: number, attempts: number, error?: string | null, startedAt?: string | null, finishedAt?: string | null, import?: { __typename?: 'ImportSummary', format: ImportFormat, linesRead: number, stored: number, duplicates: number, rejectedLines: number, messagesChanged: number, repricedMessages: number, problemCount: number, problems: Array<{ __typename?: 'ImportProblem', line: number, message: string }> } | null } | null };

export type ImportJobsQueryVariables = Exact<{ [key: string]: never; }>;


export type ImportJobsQuery = { __typename?: 'Query', jobs: { __typename?: 'JobConnection', edges: Array<{ __typename?: 'JobEdge', node: { __typename?: 'Job', id: string, status: JobStatus, progress: number, createdAt: string, finishedAt?: string | null, import?: { __typename?: 'ImportSummary', linesRead: number, stored: number, rejectedLines: number } | null } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SimulationFieldsFragmentDoc = new TypedDocumentString(`
    fragment SimulationFields on Simulation {
  baseline
  scenarios {
    name
    currency
    messages
    billableMessages
    freeMessages
    unpricedMessages
    total
    roundedTotal
    deltaFromBaseline
    assumptions
  }
}
    `, {"fragmentName":"SimulationFields"}) as unknown as TypedDocumentString<SimulationFieldsFragment, unknown>;
export const CurrentApiKeyDocument = new TypedDocumentString(`
    query CurrentApiKey {
  currentApiKey {
    id
    name
    role
  }
}
    `) as unknown as TypedDocumentString<CurrentApiKeyQuery, CurrentApiKeyQueryVariables>;
export const ScopesDocument = new TypedDocumentString(`
    query Scopes {
  wabas {
    wabaId
    name
    currency
    timezone
    portfolioId
  }
  portfolios {
    id
    name
    wabaIds
  }
}
    `) as unknown as TypedDocumentString<ScopesQuery, ScopesQueryVariables>;
export const OverviewByDayDocument = new TypedDocumentString(`
    query OverviewByDay($byDay: CostReportInput!) {
  byDay: costReport(input: $byDay) {
    rows {
      day
      currency
      messages
      billableMessages
      freeMessages
      amount
    }
  }
}
    `) as unknown as TypedDocumentString<OverviewByDayQuery, OverviewByDayQueryVariables>;
export const OverviewDocument = new TypedDocumentString(`
    query Overview($statement: StatementInput!, $previous: StatementInput!, $byMarketCategory: CostReportInput!) {
  statement: monthlyStatement(input: $statement) {
    number
    currency
    exactTotal
    total
    billedMessages
    unpricedMessages
    pendingMessages
    notDeliveredMessages
    rejectedMessages
    free {
      reason
      quantity
    }
  }
  previous: monthlyStatement(input: $previous) {
    month
    currency
    exactTotal
    total
  }
  byMarketCategory: costReport(input: $byMarketCategory) {
    rows {
      market
      pricingCategory
      currency
      messages
      billableMessages
      freeMessages
      amount
    }
  }
  savings: businessAppSavings(input: $statement) {
    currency
    messages
    billedMessages
    freeMessages
    unpricedMessages
    amount
  }
}
    `) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;
export const StatementPageDocument = new TypedDocumentString(`
    query StatementPage($input: StatementInput!) {
  monthlyStatement(input: $input) {
    number
    issuedAt
    month
    currency
    wabaId
    wabaName
    portfolioId
    portfolioName
    timezone
    wabaIds
    rateCards
    lines {
      market
      pricingCategory
      tier
      quantity
      rate
      amount
    }
    unpriced {
      market
      pricingCategory
      quantity
    }
    unpricedMessages
    unpricedUnclassifiedMessages
    free {
      reason
      quantity
    }
    billedMessages
    pendingMessages
    notDeliveredMessages
    rejectedMessages
    exactTotal
    total
  }
}
    `) as unknown as TypedDocumentString<StatementPageQuery, StatementPageQueryVariables>;
export const CreateExportDocument = new TypedDocumentString(`
    mutation CreateExport($input: ExportInput!) {
  createExport(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CreateExportMutation, CreateExportMutationVariables>;
export const ExportStatusDocument = new TypedDocumentString(`
    query ExportStatus($id: ID!) {
  export(id: $id) {
    id
    status
    fileName
    error
    downloadUrl
  }
}
    `) as unknown as TypedDocumentString<ExportStatusQuery, ExportStatusQueryVariables>;
export const MessagesPageDocument = new TypedDocumentString(`
    query MessagesPage($filter: MessageFilter, $first: Int, $after: String) {
  messages(filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        wamid
        phoneNumberId
        direction
        origin
        status
        sentAt
        deliveredAt
        templateName
        metaPricingCategory
        metaPricingType
        charge {
          amount
          currency
          reason
          billable
          pricingCategory
          market
          country
          tier
          rate
          explanation
          source
          estimateReason
          estimatePricingCategory
          estimateBillable
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MessagesPageQuery, MessagesPageQueryVariables>;
export const ReconciliationPageDocument = new TypedDocumentString(`
    query ReconciliationPage($input: ReconciliationInput!, $first: Int, $after: String) {
  reconciliation(input: $input, first: $first, after: $after) {
    totalCount
    groups {
      kind
      currency
      messages
      amountAtStake
    }
    edges {
      cursor
      node {
        wamid
        kind
        amount
        currency
        chargeReason
        chargePricingCategory
        estimateReason
        estimatePricingCategory
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ReconciliationPageQuery, ReconciliationPageQueryVariables>;
export const SimulateDocument = new TypedDocumentString(`
    query Simulate($input: SimulationInput!) {
  simulate(input: $input) {
    ...SimulationFields
  }
}
    fragment SimulationFields on Simulation {
  baseline
  scenarios {
    name
    currency
    messages
    billableMessages
    freeMessages
    unpricedMessages
    total
    roundedTotal
    deltaFromBaseline
    assumptions
  }
}`) as unknown as TypedDocumentString<SimulateQuery, SimulateQueryVariables>;
export const SavedScenariosDocument = new TypedDocumentString(`
    query SavedScenarios {
  savedScenarios {
    name
    scenario
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<SavedScenariosQuery, SavedScenariosQueryVariables>;
export const SaveScenarioDocument = new TypedDocumentString(`
    mutation SaveScenario($input: ScenarioInput!) {
  saveScenario(input: $input) {
    name
  }
}
    `) as unknown as TypedDocumentString<SaveScenarioMutation, SaveScenarioMutationVariables>;
export const ForecastPageDocument = new TypedDocumentString(`
    query ForecastPage($input: ForecastInput!) {
  forecast(input: $input) {
    targetMonth
    currency
    total
    roundedTotal
    historyMonths
    assumptions
  }
}
    `) as unknown as TypedDocumentString<ForecastPageQuery, ForecastPageQueryVariables>;
export const EligibilityDocument = new TypedDocumentString(`
    query Eligibility($input: EligibilityInput!) {
  coexistenceEligibility(input: $input) {
    eligible
    country
    throughputCoexistence
    throughputStandard
    campaignMinutesAtCoexistence
    campaignMinutesStandard
    campaignFitsWindowAtCoexistence
    campaignFitsWindowStandard
    blockers {
      code
      message
    }
    warnings {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<EligibilityQuery, EligibilityQueryVariables>;
export const RateCardsPageDocument = new TypedDocumentString(`
    query RateCardsPage($currency: String!, $date: String!) {
  rateCards {
    id
    name
    currency
    effectiveFrom
    builtIn
    provenance
    importedAt
  }
  rateCardCoverage(currency: $currency, date: $date) {
    pricedMarkets
    rateCard {
      id
      name
      effectiveFrom
      provenance
      rates {
        market
        marketing
        utility
        authentication
        authenticationInternational
        service
      }
    }
    unpriced {
      market
      pricingCategory
    }
  }
}
    `) as unknown as TypedDocumentString<RateCardsPageQuery, RateCardsPageQueryVariables>;
export const ImportRateCardDocument = new TypedDocumentString(`
    mutation ImportRateCard($input: ImportRateCardInput!) {
  importRateCard(input: $input) {
    id
    name
    repriceJob {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<ImportRateCardMutation, ImportRateCardMutationVariables>;
export const JobStatusDocument = new TypedDocumentString(`
    query JobStatus($id: ID!) {
  job(id: $id) {
    id
    status
    error
  }
}
    `) as unknown as TypedDocumentString<JobStatusQuery, JobStatusQueryVariables>;
export const MessageDetailDocument = new TypedDocumentString(`
    query MessageDetail($wamid: String!) {
  message(wamid: $wamid) {
    wamid
    direction
    origin
    status
    templateName
    metaPricingCategory
    metaPricingType
    charge {
      amount
      currency
      reason
      pricingCategory
      market
      tier
      explanation
      source
      estimateReason
      estimatePricingCategory
    }
  }
}
    `) as unknown as TypedDocumentString<MessageDetailQuery, MessageDetailQueryVariables>;
export const RunSavedScenariosDocument = new TypedDocumentString(`
    query RunSavedScenarios($names: [String!]!) {
  runSavedScenarios(names: $names) {
    ...SimulationFields
  }
}
    fragment SimulationFields on Simulation {
  baseline
  scenarios {
    name
    currency
    messages
    billableMessages
    freeMessages
    unpricedMessages
    total
    roundedTotal
    deltaFromBaseline
    assumptions
  }
}`) as unknown as TypedDocumentString<RunSavedScenariosQuery, RunSavedScenariosQueryVariables>;
export const ImportJobDocument = new TypedDocumentString(`
    query ImportJob($id: ID!) {
  job(id: $id) {
    id
    status
    progress
    attempts
    error
    startedAt
    finishedAt
    import {
      format
      linesRead
      stored
      duplicates
      rejectedLines
      messagesChanged
      repricedMessages
      problemCount
      problems {
        line
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ImportJobQuery, ImportJobQueryVariables>;
export const ImportJobsDocument = new TypedDocumentString(`
    query ImportJobs {
  jobs(kind: IMPORT, first: 10) {
    edges {
      node {
        id
        status
        progress
        createdAt
        finishedAt
        import {
          linesRead
          stored
          rejectedLines
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ImportJobsQuery, ImportJobsQueryVariables>;