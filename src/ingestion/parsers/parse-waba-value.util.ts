import type { ChangeContext } from './change-context.types';
import {
  type JsonObject,
  itemsAt,
  parseEach,
  parseOptional,
  readObject,
  readString,
  readTimestamp,
  requireString,
  requireTimestamp,
} from './payload-reader.util';
import type {
  AccountUpdateEvent,
  AuthInternationalRateEligibility,
  TemplateCategoryUpdateEvent,
  VolumeTierInfo,
} from './webhook-event.types';

/** Field `account_update`: WABA lifecycle, pricing tiers, auth-international eligibility. */
export function parseAccountUpdateValue(
  value: JsonObject,
  ctx: ChangeContext,
): AccountUpdateEvent[] {
  const { path, problems } = ctx;
  const disconnection = readObject(value, 'disconnection_info');
  return [
    {
      type: 'account_update',
      ...ctx.source,
      event: requireString(value, 'event', path),
      time: requireTimestamp(ctx.entry, 'time', ctx.entryPath),
      volumeTierInfo: parseOptional(value, 'volume_tier_info', path, problems, parseVolumeTierInfo),
      disconnectionInfo: disconnection && {
        reason: readString(disconnection, 'reason'),
        initiatedBy: readString(disconnection, 'initiated_by'),
      },
      authInternationalRateEligibility: parseOptional(
        value,
        'auth_international_rate_eligibility',
        path,
        problems,
        (eligibility, eligibilityPath) =>
          parseAuthInternationalRateEligibility(eligibility, eligibilityPath, problems),
      ),
      primaryBusinessLocationCountry: readString(value, 'country'),
      raw: structuredClone(value),
    },
  ];
}

/**
 * Field `template_category_update`. The warning form (24 hours ahead) has `correct_category` and
 * no `previous_category`; its `category_update_timestamp` is when the new category applies.
 */
export function parseTemplateCategoryUpdateValue(
  value: JsonObject,
  ctx: ChangeContext,
): TemplateCategoryUpdateEvent[] {
  const { path } = ctx;
  const previousCategory = readString(value, 'previous_category');
  const correctCategory = readString(value, 'correct_category');
  return [
    {
      type: 'template_category_update',
      ...ctx.source,
      templateId: requireString(value, 'message_template_id', path),
      // Stored in template_category_changes: varchar(512) and varchar(32).
      templateName: requireString(value, 'message_template_name', path, 512),
      templateLanguage: requireString(value, 'message_template_language', path, 32),
      newCategory: requireString(value, 'new_category', path),
      previousCategory,
      correctCategory,
      categoryUpdateTime:
        readTimestamp(value, 'category_update_timestamp', path) ??
        requireTimestamp(ctx.entry, 'time', ctx.entryPath),
      isWarning: correctCategory !== undefined && previousCategory === undefined,
    },
  ];
}

function parseVolumeTierInfo(info: JsonObject, path: string): VolumeTierInfo {
  return {
    tierUpdateTime: requireTimestamp(info, 'tier_update_time', path),
    pricingCategory: requireString(info, 'pricing_category', path),
    tier: requireString(info, 'tier', path),
    effectiveMonth: requireString(info, 'effective_month', path),
    region: requireString(info, 'region', path),
  };
}

function parseAuthInternationalRateEligibility(
  eligibility: JsonObject,
  path: string,
  problems: string[],
): AuthInternationalRateEligibility {
  return {
    startTime: readTimestamp(eligibility, 'start_time', path),
    exceptionCountries: parseEach(
      itemsAt(eligibility, 'exception_countries', path, problems),
      `${path}.exception_countries`,
      problems,
      (country, countryPath) => ({
        countryCode: requireString(country, 'country_code', countryPath),
        startTime: requireTimestamp(country, 'start_time', countryPath),
      }),
    ),
  };
}
