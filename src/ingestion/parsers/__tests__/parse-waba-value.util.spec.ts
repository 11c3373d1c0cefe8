import { loadWebhookFixture } from '../../../../test/fixtures/webhooks/load-webhook-fixture.util';
import { parseWebhookBody } from '../parse-webhook-body.util';

const wabaId = '102290129340398';

function parseFixture(name: string) {
  const result = parseWebhookBody(loadWebhookFixture(name));
  expect(result.problems).toEqual([]);
  return result.events;
}

describe('parseWebhookBody — WABA-level fields', () => {
  it.each([
    ['account-update-offboarded.json', 'ACCOUNT_OFFBOARDED'],
    ['account-update-reconnected.json', 'ACCOUNT_RECONNECTED'],
  ])('parses %s with the entry time', (fixture, event) => {
    expect(parseFixture(fixture)).toEqual([
      {
        type: 'account_update',
        wabaId,
        event,
        time: new Date('2025-03-31T20:11:43.000Z'),
        raw: { event },
      },
    ]);
  });

  it('parses a partner removal with its disconnection info', () => {
    expect(parseFixture('account-update-partner-removed.json')).toEqual([
      {
        type: 'account_update',
        wabaId: '2949482758682047',
        event: 'PARTNER_REMOVED',
        time: new Date('2025-05-29T00:09:19.000Z'),
        disconnectionInfo: { reason: 'PRIMARY_INACTIVITY', initiatedBy: 'SYSTEM' },
        raw: {
          event: 'PARTNER_REMOVED',
          waba_info: { waba_id: '980198427658004', owner_business_id: '2329417887457253' },
          disconnection_info: { reason: 'PRIMARY_INACTIVITY', initiated_by: 'SYSTEM' },
        },
      },
    ]);
  });

  it.each([
    ['account-update-tier.json', 'INDIA'],
    ['account-update-tier-pricing-page.json', 'India'],
  ])('parses the volume tier update of %s', (fixture, region) => {
    const [event] = parseFixture(fixture);
    expect(event).toEqual({
      type: 'account_update',
      wabaId,
      event: 'VOLUME_BASED_PRICING_TIER_UPDATE',
      time: new Date('2025-03-31T20:11:43.000Z'),
      volumeTierInfo: {
        tierUpdateTime: new Date('2025-03-31T20:11:43.000Z'),
        pricingCategory: 'UTILITY',
        tier: '25000001:50000000',
        effectiveMonth: '2025-11',
        region,
      },
      raw: expect.objectContaining({ event: 'VOLUME_BASED_PRICING_TIER_UPDATE' }),
    });
  });

  it('parses auth-international eligibility with its exception countries', () => {
    expect(parseFixture('account-update-auth-intl-eligibility.json')).toEqual([
      expect.objectContaining({
        type: 'account_update',
        wabaId,
        event: 'AUTH_INTL_PRICE_ELIGIBILITY_UPDATE',
        authInternationalRateEligibility: {
          startTime: new Date('2025-06-01T12:23:44.000Z'),
          exceptionCountries: [
            { countryCode: 'ID', startTime: new Date('2025-07-01T05:23:44.000Z') },
          ],
        },
      }),
    ]);
  });

  it('parses the primary business location country', () => {
    expect(parseFixture('account-update-primary-location.json')).toEqual([
      {
        type: 'account_update',
        wabaId,
        event: 'BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE',
        time: new Date('2025-03-28T05:16:22.000Z'),
        primaryBusinessLocationCountry: 'IN',
        raw: { country: 'IN', event: 'BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE' },
      },
    ]);
  });

  it('keeps the event but reports a malformed volume tier', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: wabaId,
          time: 1743451903,
          changes: [
            {
              field: 'account_update',
              value: {
                event: 'VOLUME_BASED_PRICING_TIER_UPDATE',
                volume_tier_info: { tier: '1:2' },
              },
            },
          ],
        },
      ],
    };
    const result = parseWebhookBody(body);
    expect(result.events).toEqual([
      expect.objectContaining({
        event: 'VOLUME_BASED_PRICING_TIER_UPDATE',
        volumeTierInfo: undefined,
      }),
    ]);
    expect(result.problems).toEqual([
      'entry[0].changes[0].value.volume_tier_info: missing tier_update_time',
    ]);
  });

  it('parses the 24-hour warning form of a template recategorisation', () => {
    expect(parseFixture('template-category-warning.json')).toEqual([
      {
        type: 'template_category_update',
        wabaId,
        templateId: '278077987957091',
        templateName: 'welcome_template',
        templateLanguage: 'en-US',
        newCategory: 'UTILITY',
        correctCategory: 'MARKETING',
        categoryUpdateTime: new Date('2025-05-02T07:00:00.000Z'),
        isWarning: true,
      },
    ]);
  });

  it('parses a confirmed template recategorisation at the entry time', () => {
    expect(parseFixture('template-category-update.json')).toEqual([
      {
        type: 'template_category_update',
        wabaId,
        templateId: '278077987957091',
        templateName: 'welcome_template',
        templateLanguage: 'en-US',
        newCategory: 'MARKETING',
        previousCategory: 'UTILITY',
        categoryUpdateTime: new Date('2025-05-02T07:00:00.000Z'),
        isWarning: false,
      },
    ]);
  });
});
