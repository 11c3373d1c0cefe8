import { DomainError } from '../../../common/errors/domain.error';
import { EligibilityInput } from '../../dtos/inputs/eligibility.input';
import { Eligibility, Finding } from '../../dtos/outputs/eligibility.output';
import { FindingCode } from '../../enums/finding-code.enum';
import { FindingSeverity } from '../../enums/finding-severity.enum';
import { PlannedFeature } from '../../enums/planned-feature.enum';
import { evaluateCoexistenceEligibility } from '../evaluate-coexistence-eligibility.util';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const UK_NUMBER = '+44 20 7946 0958';
const NIGERIA_NUMBER = '+234 803 123 4567';
const SOUTH_AFRICA_NUMBER = '+27 82 123 4567';

function evaluate(overrides: Partial<EligibilityInput> = {}): Eligibility {
  return evaluateCoexistenceEligibility(
    { phoneNumber: UK_NUMBER, appVersion: '2.25.1', daysOnApp: 30, ...overrides },
    NOW,
  );
}

function codes(findings: Finding[]): string[] {
  return findings.map((f) => f.code);
}

function warning(result: Eligibility, code: `${FindingCode}`): Finding | undefined {
  return result.warnings.find((f) => f.code === (code as FindingCode));
}

function badInput(overrides: Partial<EligibilityInput>): DomainError {
  try {
    evaluate(overrides);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('evaluateCoexistenceEligibility', () => {
  it('accepts a known-good number with only the standing caveats', () => {
    const result = evaluate();

    expect(result.eligible).toBe(true);
    expect(result.blockers).toEqual([]);
    expect(codes(result.warnings)).toEqual([
      'APP_INACTIVITY',
      'APP_MUST_STAY_INSTALLED',
      'COMPANION_DEVICES_UNLINKED',
      'UNSUPPORTED_COMPANION',
      'FEATURES_DISABLED',
      'FEATURES_NOT_SYNCED',
      'HISTORY_IMPORT_LIMITS',
    ]);
    expect(result.warnings.every((f) => f.severity === FindingSeverity.INFO)).toBe(true);
    expect(result.warnings.every((f) => f.sources.length > 0)).toBe(true);
    expect(result).toMatchObject({
      country: 'GB',
      asOf: NOW,
      throughputCoexistence: 20,
      throughputStandard: 80,
      campaignMinutesAtCoexistence: null,
      campaignMinutesStandard: null,
      campaignFitsWindowAtCoexistence: null,
      campaignFitsWindowStandard: null,
    });
  });

  describe('phone number', () => {
    it.each(['12345', '+44 12', 'not a number', ''])('blocks %j as invalid', (phoneNumber) => {
      const result = evaluate({ phoneNumber });

      expect(result.eligible).toBe(false);
      expect(codes(result.blockers)).toEqual(['INVALID_PHONE_NUMBER']);
      expect(result.country).toBeNull();
    });

    it('reports the ISO country of a valid number', () => {
      expect(evaluate({ phoneNumber: '+1 202 555 0123' }).country).toBe('US');
      expect(evaluate({ phoneNumber: '+33 1 42 68 53 00' }).country).toBe('FR');
    });
  });

  describe('COUNTRY_NOT_SUPPORTED', () => {
    it.each([NIGERIA_NUMBER, SOUTH_AFRICA_NUMBER])('blocks %s from 2026-02-01', (phoneNumber) => {
      const result = evaluate({ phoneNumber, asOf: new Date('2026-02-01T00:00:00.000Z') });

      expect(result.eligible).toBe(false);
      expect(codes(result.blockers)).toEqual(['COUNTRY_NOT_SUPPORTED']);
      expect(result.blockers[0].message).toContain('1 February 2026');
      expect(result.blockers[0].message).toContain('Coral');
    });

    it('does not block Nigeria on 2026-01-31', () => {
      const result = evaluate({
        phoneNumber: NIGERIA_NUMBER,
        asOf: new Date('2026-01-31T23:59:59.999Z'),
      });

      expect(result.eligible).toBe(true);
      expect(result.country).toBe('NG');
    });

    it('uses now when asOf is not given', () => {
      expect(codes(evaluate({ phoneNumber: SOUTH_AFRICA_NUMBER }).blockers)).toEqual([
        'COUNTRY_NOT_SUPPORTED',
      ]);
      expect(
        evaluateCoexistenceEligibility(
          { phoneNumber: SOUTH_AFRICA_NUMBER, appVersion: '2.25.1', daysOnApp: 30 },
          new Date('2025-12-01T00:00:00.000Z'),
        ).eligible,
      ).toBe(true);
    });

    it('does not block other countries', () => {
      expect(evaluate({ phoneNumber: '+254 712 345678' }).eligible).toBe(true);
    });
  });

  describe('app version', () => {
    it.each(['2.24.16', '2.3.99', '1.99.99'])('blocks %s as too old', (appVersion) => {
      const result = evaluate({ appVersion });

      expect(codes(result.blockers)).toEqual(['APP_VERSION_TOO_OLD']);
      expect(result.blockers[0].message).toContain(appVersion);
      expect(result.blockers[0].message).toContain('2.24.17');
    });

    it.each(['2.24.17', ' 2.24.17 ', '2.25.1', '2.24.17.78', '3.0'])('accepts %j', (appVersion) => {
      const result = evaluate({ appVersion });

      expect(result.eligible).toBe(true);
      expect(codes(result.warnings)).not.toContain('APP_VERSION_UNKNOWN');
    });

    it.each([undefined, null])('warns when the version is %p', (appVersion) => {
      const result = evaluate({ appVersion });

      expect(result.eligible).toBe(true);
      expect(warning(result, 'APP_VERSION_UNKNOWN')?.severity).toBe(
        FindingSeverity.ACTION_REQUIRED,
      );
    });

    it.each(['', 'latest', '2.24.x', 'v2.24.17'])('rejects malformed %j', (appVersion) => {
      const error = badInput({ appVersion });

      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain('appVersion');
      expect(error.message).toContain('"2.24.17"');
      expect(error.details).toEqual([expect.objectContaining({ path: 'input.appVersion' })]);
    });
  });

  describe('number age', () => {
    it.each([0, 6])('blocks %i days on the app', (daysOnApp) => {
      const result = evaluate({ daysOnApp });

      expect(codes(result.blockers)).toEqual(['NUMBER_TOO_NEW']);
      expect(result.blockers[0].message).toContain(`${7 - daysOnApp} day`);
    });

    it('accepts exactly 7 days', () => {
      expect(evaluate({ daysOnApp: 7 }).eligible).toBe(true);
    });

    it('warns when the age is unknown', () => {
      const result = evaluate({ daysOnApp: null });

      expect(result.eligible).toBe(true);
      expect(warning(result, 'NUMBER_AGE_UNKNOWN')?.severity).toBe(FindingSeverity.ACTION_REQUIRED);
      expect(codes(evaluate().warnings)).not.toContain('NUMBER_AGE_UNKNOWN');
    });
  });

  it('lists every blocker at once', () => {
    const result = evaluate({
      phoneNumber: NIGERIA_NUMBER,
      appVersion: '2.24.16',
      daysOnApp: 3,
    });

    expect(codes(result.blockers)).toEqual([
      'COUNTRY_NOT_SUPPORTED',
      'APP_VERSION_TOO_OLD',
      'NUMBER_TOO_NEW',
    ]);
  });

  describe('APP_INACTIVITY', () => {
    it.each([undefined, 0, 13])('is informational at %p days closed', (daysSinceAppLastOpened) => {
      const finding = warning(evaluate({ daysSinceAppLastOpened }), 'APP_INACTIVITY');

      expect(finding?.severity).toBe(FindingSeverity.INFO);
      expect(finding?.message).toContain('every 13 days');
    });

    it('needs action after 14 days closed, without blocking', () => {
      const result = evaluate({ daysSinceAppLastOpened: 14 });

      expect(result.eligible).toBe(true);
      expect(warning(result, 'APP_INACTIVITY')?.severity).toBe(FindingSeverity.ACTION_REQUIRED);
      expect(warning(result, 'APP_INACTIVITY')?.message).toContain('14 days');
    });
  });

  describe('planned features', () => {
    it('escalates FEATURES_DISABLED for a planned disabled feature', () => {
      const result = evaluate({
        plannedFeatures: [PlannedFeature.BROADCAST_LISTS, PlannedFeature.LIVE_LOCATION],
      });
      const finding = warning(result, 'FEATURES_DISABLED');

      expect(result.eligible).toBe(true);
      expect(finding?.severity).toBe(FindingSeverity.ACTION_REQUIRED);
      expect(finding?.message).toMatch(
        /^You plan to use broadcast lists and live location sharing, which coexistence switches off\./,
      );
      expect(warning(result, 'FEATURES_NOT_SYNCED')?.severity).toBe(FindingSeverity.INFO);
    });

    it('lists every disabled feature in the standing caveat', () => {
      expect(warning(evaluate(), 'FEATURES_DISABLED')?.message).toContain(
        'broadcast lists, disappearing messages, view-once photos and videos and live location sharing.',
      );
    });

    // Meta, "Onboard WhatsApp Business app users" (updated 2026-06-26): "Individual (1:1) chats —
    // Message Edit/Revoke is now supported."
    it('planning message edit or revoke needs no action: both work in one-to-one chats', () => {
      const result = evaluate({
        plannedFeatures: [PlannedFeature.MESSAGE_EDIT, PlannedFeature.DELETE_FOR_EVERYONE],
      });
      const finding = warning(result, 'FEATURES_DISABLED');
      expect(finding?.severity).toBe(FindingSeverity.INFO);
      expect(finding?.message).toContain(
        'Editing sent messages and delete for everyone (revoke) keep working in one-to-one chats',
      );
    });

    it('escalates FEATURES_NOT_SYNCED for a planned unsynced feature', () => {
      const result = evaluate({ plannedFeatures: [PlannedFeature.LABELS_SYNC] });

      expect(warning(result, 'FEATURES_NOT_SYNCED')?.severity).toBe(
        FindingSeverity.ACTION_REQUIRED,
      );
      expect(warning(result, 'FEATURES_DISABLED')?.severity).toBe(FindingSeverity.INFO);
    });

    it('escalates UNSUPPORTED_COMPANION for Windows or Wear OS', () => {
      const result = evaluate({ plannedFeatures: [PlannedFeature.WEAR_OS] });

      expect(warning(result, 'UNSUPPORTED_COMPANION')).toMatchObject({
        severity: FindingSeverity.ACTION_REQUIRED,
        message: expect.stringMatching(/^You plan to use Wear OS/),
      });
      expect(warning(evaluate(), 'UNSUPPORTED_COMPANION')?.message).toContain(
        'WhatsApp for Windows and Wear OS',
      );
    });

    it('warns GROUPS_API_UNAVAILABLE only when the Groups API is planned', () => {
      const result = evaluate({ plannedFeatures: [PlannedFeature.GROUPS_API] });

      expect(result.eligible).toBe(true);
      expect(warning(result, 'GROUPS_API_UNAVAILABLE')?.severity).toBe(
        FindingSeverity.ACTION_REQUIRED,
      );
      expect(codes(evaluate().warnings)).not.toContain('GROUPS_API_UNAVAILABLE');
    });

    it('reports the Marketing Messages Lite conflict without blocking', () => {
      const result = evaluate({ plannedFeatures: [PlannedFeature.MARKETING_MESSAGES_LITE] });
      const finding = warning(result, 'MARKETING_MESSAGES_LITE');

      expect(result.eligible).toBe(true);
      expect(finding?.severity).toBe(FindingSeverity.ACTION_REQUIRED);
      expect(finding?.message).toContain('conflict');
      expect(finding?.message).toContain('29 September 2025');
      expect(finding?.sources).toHaveLength(3);
      expect(codes(evaluate().warnings)).not.toContain('MARKETING_MESSAGES_LITE');
    });

    it('ignores duplicate planned features', () => {
      const once = evaluate({ plannedFeatures: [PlannedFeature.VIEW_ONCE] });
      const twice = evaluate({
        plannedFeatures: [PlannedFeature.VIEW_ONCE, PlannedFeature.VIEW_ONCE],
      });

      expect(twice).toEqual(once);
    });
  });

  describe('THROUGHPUT_CAP and campaign timing', () => {
    it('is absent without a campaign or a high-throughput plan', () => {
      expect(codes(evaluate().warnings)).not.toContain('THROUGHPUT_CAP');
    });

    it('times 72,000 messages exactly: 60 minutes at 20/s and 15 at 80/s', () => {
      const result = evaluate({ campaignMessages: 72_000 });

      expect(result).toMatchObject({
        campaignMinutesAtCoexistence: '60.00',
        campaignMinutesStandard: '15.00',
        campaignFitsWindowAtCoexistence: null,
        campaignFitsWindowStandard: null,
      });
      expect(warning(result, 'THROUGHPUT_CAP')).toMatchObject({
        severity: FindingSeverity.INFO,
        message: expect.stringContaining('72,000 messages take at least 60.00 minutes'),
      });
    });

    it('rounds durations up to 2 decimals', () => {
      expect(evaluate({ campaignMessages: 1_000 })).toMatchObject({
        campaignMinutesAtCoexistence: '0.84',
        campaignMinutesStandard: '0.21',
      });
      expect(evaluate({ campaignMessages: 100_000 })).toMatchObject({
        campaignMinutesAtCoexistence: '83.34',
        campaignMinutesStandard: '20.84',
      });
      expect(evaluate({ campaignMessages: 0 }).campaignMinutesAtCoexistence).toBe('0.00');
    });

    it('fits a window exactly equal to the sending time', () => {
      const result = evaluate({ campaignMessages: 72_000, campaignWindowMinutes: 60 });

      expect(result.campaignFitsWindowAtCoexistence).toBe(true);
      expect(result.campaignFitsWindowStandard).toBe(true);
      expect(warning(result, 'THROUGHPUT_CAP')?.severity).toBe(FindingSeverity.INFO);
      expect(warning(result, 'THROUGHPUT_CAP')?.message).toContain('fits your 60-minute window');
    });

    it('needs action when only a standard number fits the window', () => {
      const result = evaluate({ campaignMessages: 72_001, campaignWindowMinutes: 60 });

      expect(result.eligible).toBe(true);
      expect(result.campaignMinutesAtCoexistence).toBe('60.01');
      expect(result.campaignFitsWindowAtCoexistence).toBe(false);
      expect(result.campaignFitsWindowStandard).toBe(true);
      expect(warning(result, 'THROUGHPUT_CAP')).toMatchObject({
        severity: FindingSeverity.ACTION_REQUIRED,
        message: expect.stringContaining('a standard Cloud API number would fit it'),
      });
    });

    it('says when neither number fits the window', () => {
      const result = evaluate({ campaignMessages: 500_000, campaignWindowMinutes: 60 });

      expect(result.campaignFitsWindowAtCoexistence).toBe(false);
      expect(result.campaignFitsWindowStandard).toBe(false);
      expect(warning(result, 'THROUGHPUT_CAP')?.message).toContain('neither would');
    });

    it('needs action for a high-throughput plan even without a campaign', () => {
      const finding = warning(
        evaluate({ plannedFeatures: [PlannedFeature.HIGH_THROUGHPUT] }),
        'THROUGHPUT_CAP',
      );

      expect(finding?.severity).toBe(FindingSeverity.ACTION_REQUIRED);
      expect(finding?.message).toContain('should not be onboarded via coexistence');
      expect(finding?.sources).toHaveLength(2);
    });
  });

  describe('input validation', () => {
    it.each([
      ['daysOnApp', { daysOnApp: -1 }],
      ['daysSinceAppLastOpened', { daysSinceAppLastOpened: -1 }],
      ['campaignMessages', { campaignMessages: -1 }],
      ['campaignWindowMinutes', { campaignMessages: 10, campaignWindowMinutes: -5 }],
    ])('rejects a negative %s', (field, overrides) => {
      const error = badInput(overrides);

      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toBe(`${field} cannot be negative.`);
    });

    it('rejects a window without messages', () => {
      const error = badInput({ campaignWindowMinutes: 60 });

      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain('campaignWindowMinutes needs campaignMessages');
    });

    it('reports every problem at once', () => {
      expect(badInput({ daysOnApp: -1, appVersion: 'x' }).details).toHaveLength(2);
    });
  });
});
