import { registerEnumType } from '@nestjs/graphql';

/** The roles of API keys; the values are the ones stored in api_keys.role. */
export enum ApiKeyRole {
  FINANCE = 'finance',
  OPERATOR = 'operator',
  ADMIN = 'admin',
}

registerEnumType(ApiKeyRole, {
  name: 'ApiKeyRole',
  description:
    "FINANCE reads (messages, reports, statements, exports, quotes, simulations, eligibility). OPERATOR also edits WABAs and numbers, records sends, imports rate cards, reprices, closes months, pulls Meta's analytics, sets budgets, saves scenarios, and reads notification deliveries and set-aside webhook bodies (replays, discards). ADMIN also manages API keys.",
});
