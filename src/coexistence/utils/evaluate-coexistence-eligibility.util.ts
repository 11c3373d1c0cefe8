import Decimal from 'decimal.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DomainError, DomainErrorDetail } from '../../common/errors/domain.error';
import { Money } from '../../pricing/money';
import {
  CAMPAIGN_MINUTES_DECIMALS,
  COEXISTENCE_THROUGHPUT_MPS,
  CORAL_COEXISTENCE_DOCS,
  FEATURES_DISABLED_IN_APP,
  FEATURES_NOT_SYNCED,
  FEATURES_SUPPORTED_IN_ONE_TO_ONE,
  HISTORY_IMPORT_MEDIA_WEEKS,
  HISTORY_IMPORT_ONE_TO_ONE_MONTHS,
  MAX_DAYS_APP_CLOSED,
  META_CHANGELOG,
  META_GROUPS_API_DOCS,
  META_MM_FEATURES_TABLE,
  META_THROUGHPUT_PAGE,
  MIN_APP_VERSION,
  MIN_DAYS_ON_APP,
  STANDARD_THROUGHPUT_MPS,
  UNSUPPORTED_COMPANIONS,
  UNSUPPORTED_REGIONS,
  UNSUPPORTED_REGIONS_FROM,
  UPGRADED_THROUGHPUT_MPS,
} from '../constants/coexistence-rules.constant';
import { EligibilityInput } from '../dtos/inputs/eligibility.input';
import { Eligibility, Finding } from '../dtos/outputs/eligibility.output';
import { FindingCode } from '../enums/finding-code.enum';
import { FindingSeverity } from '../enums/finding-severity.enum';
import { PlannedFeature } from '../enums/planned-feature.enum';
import { compareAppVersions, parseAppVersion } from './app-version.util';

const PHONE_NUMBER_METADATA = 'libphonenumber-js numbering plan metadata';
const MIN_APP_VERSION_LABEL = MIN_APP_VERSION.join('.');

interface AppVersion {
  text: string;
  segments: number[];
}

interface CampaignTiming {
  messages: number;
  windowMinutes: number | null;
  minutesAtCoexistence: string;
  minutesStandard: string;
  fitsAtCoexistence: boolean | null;
  fitsStandard: boolean | null;
}

/** Applies the coexistence onboarding rules; `now` is used when the input has no asOf. */
export function evaluateCoexistenceEligibility(input: EligibilityInput, now: Date): Eligibility {
  const appVersion = validateInput(input);
  const asOf = input.asOf ?? now;
  const planned = new Set(input.plannedFeatures ?? []);
  const phone = parsePhoneNumberFromString(input.phoneNumber.trim());
  const timing =
    typeof input.campaignMessages === 'number'
      ? timeCampaign(input.campaignMessages, input.campaignWindowMinutes ?? null)
      : null;

  const findings: Finding[] = [
    ...invalidPhoneNumber(phone?.isValid() ?? false),
    ...countryNotSupported(phone?.countryCallingCode, asOf),
    ...appVersionFindings(appVersion),
    ...numberAgeFindings(input.daysOnApp ?? null),
    appInactivity(input.daysSinceAppLastOpened ?? null),
    finding(
      FindingCode.APP_MUST_STAY_INSTALLED,
      FindingSeverity.INFO,
      'The WhatsApp Business app must stay installed on the original phone. Uninstalling it breaks the coexistence link and the number then has to be onboarded again (Coral docs).',
    ),
    finding(
      FindingCode.COMPANION_DEVICES_UNLINKED,
      FindingSeverity.INFO,
      'Onboarding signs out WhatsApp Web, WhatsApp Desktop (macOS) and every other linked device; supported devices can be linked again afterwards (Coral docs).',
    ),
    unsupportedCompanion(planned),
    featuresDisabled(planned),
    featuresNotSynced(planned),
    ...groupsApiUnavailable(planned),
    ...marketingMessagesLite(planned),
    ...throughputCap(timing, planned),
    finding(
      FindingCode.HISTORY_IMPORT_LIMITS,
      FindingSeverity.INFO,
      `Onboarding imports only up to ${HISTORY_IMPORT_ONE_TO_ONE_MONTHS} months of 1:1 chat history and about ${HISTORY_IMPORT_MEDIA_WEEKS} weeks of media into the Cloud API account; group chat history is not imported and stays in the app (Coral docs).`,
    ),
  ];
  const blockers = findings.filter((f) => f.severity === FindingSeverity.BLOCKER);

  return {
    eligible: blockers.length === 0,
    blockers,
    warnings: findings.filter((f) => f.severity !== FindingSeverity.BLOCKER),
    country: phone?.country ?? null,
    asOf,
    throughputCoexistence: COEXISTENCE_THROUGHPUT_MPS,
    throughputStandard: STANDARD_THROUGHPUT_MPS,
    campaignMinutesAtCoexistence: timing?.minutesAtCoexistence ?? null,
    campaignMinutesStandard: timing?.minutesStandard ?? null,
    campaignFitsWindowAtCoexistence: timing?.fitsAtCoexistence ?? null,
    campaignFitsWindowStandard: timing?.fitsStandard ?? null,
  };
}

/** Throws BAD_USER_INPUT listing every problem; returns the parsed app version. */
function validateInput(input: EligibilityInput): AppVersion | null {
  const problems: DomainErrorDetail[] = [];
  const counts = [
    ['daysOnApp', input.daysOnApp],
    ['daysSinceAppLastOpened', input.daysSinceAppLastOpened],
    ['campaignMessages', input.campaignMessages],
    ['campaignWindowMinutes', input.campaignWindowMinutes],
  ] as const;
  for (const [field, value] of counts) {
    if (typeof value === 'number' && value < 0) {
      problems.push({ path: `input.${field}`, message: `${field} cannot be negative.` });
    }
  }
  if (
    typeof input.campaignWindowMinutes === 'number' &&
    typeof input.campaignMessages !== 'number'
  ) {
    problems.push({
      path: 'input.campaignWindowMinutes',
      message: 'campaignWindowMinutes needs campaignMessages: give the number of messages to send.',
    });
  }
  const text = input.appVersion?.trim();
  const segments = text === undefined ? null : parseAppVersion(text);
  if (text !== undefined && segments === null) {
    problems.push({
      path: 'input.appVersion',
      message: `appVersion ${JSON.stringify(text.slice(0, 40))} is not a WhatsApp Business app version; give 2 to 4 numbers separated by dots, such as "${MIN_APP_VERSION_LABEL}".`,
    });
  }
  if (problems.length > 0) {
    throw new DomainError('BAD_USER_INPUT', problems.map((p) => p.message).join(' '), problems);
  }
  return text === undefined || segments === null ? null : { text, segments };
}

function invalidPhoneNumber(valid: boolean): Finding[] {
  if (valid) return [];
  return [
    {
      code: FindingCode.INVALID_PHONE_NUMBER,
      severity: FindingSeverity.BLOCKER,
      message:
        'The phone number is not a valid number. Enter it in international format, starting with + and the country code, for example +44 20 7946 0958.',
      sources: [PHONE_NUMBER_METADATA],
    },
  ];
}

function countryNotSupported(callingCode: string | undefined, asOf: Date): Finding[] {
  const region = UNSUPPORTED_REGIONS.find((r) => r.callingCode === callingCode);
  if (region === undefined || asOf.getTime() < UNSUPPORTED_REGIONS_FROM.getTime()) return [];
  return [
    finding(
      FindingCode.COUNTRY_NOT_SUPPORTED,
      FindingSeverity.BLOCKER,
      `Numbers from ${region.name} (+${region.callingCode}) cannot be onboarded to coexistence from 1 February 2026, according to Coral's coexistence docs. Meta publishes no official country list, so use standard Cloud API onboarding for this number or confirm with Coral.`,
    ),
  ];
}

function appVersionFindings(version: AppVersion | null): Finding[] {
  if (version === null) {
    return [
      finding(
        FindingCode.APP_VERSION_UNKNOWN,
        FindingSeverity.ACTION_REQUIRED,
        `No app version was given. Coexistence needs WhatsApp Business app version ${MIN_APP_VERSION_LABEL} or later (Coral docs); check the version in the app before onboarding.`,
      ),
    ];
  }
  if (compareAppVersions(version.segments, MIN_APP_VERSION) >= 0) return [];
  return [
    finding(
      FindingCode.APP_VERSION_TOO_OLD,
      FindingSeverity.BLOCKER,
      `The WhatsApp Business app is version ${version.text}, but coexistence needs version ${MIN_APP_VERSION_LABEL} or later (Coral docs). Update the app from the app store, then check again.`,
    ),
  ];
}

function numberAgeFindings(daysOnApp: number | null): Finding[] {
  if (daysOnApp === null) {
    return [
      finding(
        FindingCode.NUMBER_AGE_UNKNOWN,
        FindingSeverity.ACTION_REQUIRED,
        `It was not said how long the WhatsApp Business app has used this number. Coral's docs require at least ${MIN_DAYS_ON_APP} days (1 week) of use before onboarding; check this first.`,
      ),
    ];
  }
  if (daysOnApp >= MIN_DAYS_ON_APP) return [];
  return [
    finding(
      FindingCode.NUMBER_TOO_NEW,
      FindingSeverity.BLOCKER,
      `The WhatsApp Business app has used this number for ${days(daysOnApp)}, but Coral's docs require at least ${MIN_DAYS_ON_APP} days (1 week) before coexistence onboarding. Try again in ${days(MIN_DAYS_ON_APP - daysOnApp)}.`,
    ),
  ];
}

function appInactivity(daysSinceAppLastOpened: number | null): Finding {
  const rule = `After onboarding, someone must open the WhatsApp Business app on the phone at least once every ${MAX_DAYS_APP_CLOSED} days; if it stays closed longer, the link to the Cloud API can drop (Coral docs).`;
  if (daysSinceAppLastOpened === null || daysSinceAppLastOpened <= MAX_DAYS_APP_CLOSED) {
    return finding(FindingCode.APP_INACTIVITY, FindingSeverity.INFO, rule);
  }
  return finding(
    FindingCode.APP_INACTIVITY,
    FindingSeverity.ACTION_REQUIRED,
    `The WhatsApp Business app has not been opened for ${days(daysSinceAppLastOpened)}, longer than the ${MAX_DAYS_APP_CLOSED} days allowed. Open it now; if the number is already onboarded, its link to the Cloud API may have dropped. ${rule}`,
  );
}

function unsupportedCompanion(planned: ReadonlySet<PlannedFeature>): Finding {
  return escalateForPlanned(
    FindingCode.UNSUPPORTED_COMPANION,
    planned,
    UNSUPPORTED_COMPANIONS,
    (list) => `You plan to use ${list}, which will not work with this number. `,
    `${joinList([...UNSUPPORTED_COMPANIONS.values()])} do not work with a coexistence number and cannot be linked as companion devices after onboarding (Coral docs).`,
  );
}

function featuresDisabled(planned: ReadonlySet<PlannedFeature>): Finding {
  return escalateForPlanned(
    FindingCode.FEATURES_DISABLED,
    planned,
    FEATURES_DISABLED_IN_APP,
    (list) => `You plan to use ${list}, which coexistence switches off. `,
    `Onboarding switches off these WhatsApp Business app features: ${joinList([...FEATURES_DISABLED_IN_APP.values()])}. Existing broadcast lists become read-only. ${capitalize(joinList([...FEATURES_SUPPORTED_IN_ONE_TO_ONE.values()]))} keep working in one-to-one chats (Meta's coexistence onboarding page, updated 2026-06-26).`,
  );
}

function featuresNotSynced(planned: ReadonlySet<PlannedFeature>): Finding {
  return escalateForPlanned(
    FindingCode.FEATURES_NOT_SYNCED,
    planned,
    FEATURES_NOT_SYNCED,
    (list) => `You plan to use ${list}, which will be visible in the app only. `,
    `These features keep working in the WhatsApp Business app but are not synchronised with the Cloud API or shown in Coral: ${joinList([...FEATURES_NOT_SYNCED.values()])} (Coral docs).`,
  );
}

/** An always-shown caveat that becomes ACTION_REQUIRED when a planned feature is affected. */
function escalateForPlanned(
  code: FindingCode,
  planned: ReadonlySet<PlannedFeature>,
  affected: ReadonlyMap<PlannedFeature, string>,
  plannedSentence: (list: string) => string,
  rule: string,
): Finding {
  const hits = [...affected].filter(([feature]) => planned.has(feature)).map(([, label]) => label);
  return hits.length === 0
    ? finding(code, FindingSeverity.INFO, rule)
    : finding(code, FindingSeverity.ACTION_REQUIRED, plannedSentence(joinList(hits)) + rule);
}

function groupsApiUnavailable(planned: ReadonlySet<PlannedFeature>): Finding[] {
  if (!planned.has(PlannedFeature.GROUPS_API)) return [];
  return [
    {
      code: FindingCode.GROUPS_API_UNAVAILABLE,
      severity: FindingSeverity.ACTION_REQUIRED,
      message:
        "You plan to use the WhatsApp Groups API, which Meta's documentation says is not available to coexistence numbers. Group chats keep working in the app only; Coral offers a separate group chat option (Coral docs).",
      sources: [META_GROUPS_API_DOCS, CORAL_COEXISTENCE_DOCS],
    },
  ];
}

function marketingMessagesLite(planned: ReadonlySet<PlannedFeature>): Finding[] {
  if (!planned.has(PlannedFeature.MARKETING_MESSAGES_LITE)) return [];
  return [
    {
      code: FindingCode.MARKETING_MESSAGES_LITE,
      severity: FindingSeverity.ACTION_REQUIRED,
      message:
        "The sources conflict on Marketing Messages Lite for coexistence numbers: Coral's docs say coexistence numbers are not eligible, while Meta's changelog of 29 September 2025 added a coexistence onboarding guide for MM Lite and Meta's features table marks coexistence as supported. This does not block onboarding; confirm with Coral before relying on MM Lite for this number.",
      sources: [CORAL_COEXISTENCE_DOCS, META_CHANGELOG, META_MM_FEATURES_TABLE],
    },
  ];
}

function throughputCap(
  timing: CampaignTiming | null,
  planned: ReadonlySet<PlannedFeature>,
): Finding[] {
  const highThroughput = planned.has(PlannedFeature.HIGH_THROUGHPUT);
  if (timing === null && !highThroughput) return [];
  const cap = `Coexistence numbers are capped at ${COEXISTENCE_THROUGHPUT_MPS} messages per second whatever their tier (Meta throughput page)`;
  const sentences =
    timing === null
      ? [
          `${cap}, against ${STANDARD_THROUGHPUT_MPS} by default and up to ${formatCount(UPGRADED_THROUGHPUT_MPS)} on a standard Cloud API number.`,
        ]
      : [
          `${cap}, so ${formatCount(timing.messages)} messages take at least ${timing.minutesAtCoexistence} minutes, against ${timing.minutesStandard} minutes on a standard Cloud API number at its default ${STANDARD_THROUGHPUT_MPS} per second.`,
          ...windowSentence(timing),
        ];
  if (highThroughput) {
    sentences.push(
      `You plan high-throughput sending: Coral's docs say numbers that need more than ${COEXISTENCE_THROUGHPUT_MPS} messages per second should not be onboarded via coexistence.`,
    );
  }
  return [
    {
      code: FindingCode.THROUGHPUT_CAP,
      severity:
        highThroughput || timing?.fitsAtCoexistence === false
          ? FindingSeverity.ACTION_REQUIRED
          : FindingSeverity.INFO,
      message: sentences.join(' '),
      sources: highThroughput
        ? [META_THROUGHPUT_PAGE, CORAL_COEXISTENCE_DOCS]
        : [META_THROUGHPUT_PAGE],
    },
  ];
}

function windowSentence(timing: CampaignTiming): string[] {
  if (timing.windowMinutes === null) return [];
  const window = `your ${timing.windowMinutes}-minute window`;
  if (timing.fitsAtCoexistence === true) return [`That fits ${window}.`];
  if (timing.fitsStandard === true) {
    return [`That does not fit ${window}; a standard Cloud API number would fit it.`];
  }
  return [
    `That does not fit ${window}, and neither would a standard number at ${STANDARD_THROUGHPUT_MPS} per second; standard numbers can be upgraded to up to ${formatCount(UPGRADED_THROUGHPUT_MPS)} per second.`,
  ];
}

/** Fits are judged on the exact duration; displayed minutes round up, since sending can't finish early. */
function timeCampaign(messages: number, windowMinutes: number | null): CampaignTiming {
  const atCoexistence = sendingMinutes(messages, COEXISTENCE_THROUGHPUT_MPS);
  const standard = sendingMinutes(messages, STANDARD_THROUGHPUT_MPS);
  return {
    messages,
    windowMinutes,
    minutesAtCoexistence: formatMinutes(atCoexistence),
    minutesStandard: formatMinutes(standard),
    fitsAtCoexistence: windowMinutes === null ? null : atCoexistence.lte(windowMinutes),
    fitsStandard: windowMinutes === null ? null : standard.lte(windowMinutes),
  };
}

function sendingMinutes(messages: number, messagesPerSecond: number): Decimal {
  return new Money(messages).dividedBy(messagesPerSecond * 60);
}

function formatMinutes(minutes: Decimal): string {
  return minutes
    .toDecimalPlaces(CAMPAIGN_MINUTES_DECIMALS, Decimal.ROUND_UP)
    .toFixed(CAMPAIGN_MINUTES_DECIMALS);
}

function finding(code: FindingCode, severity: FindingSeverity, message: string): Finding {
  return { code, severity, message, sources: [CORAL_COEXISTENCE_DOCS] };
}

function joinList(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}

function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
