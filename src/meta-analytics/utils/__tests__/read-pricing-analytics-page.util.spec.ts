import { parseExactJson } from '../parse-exact-json.util';
import { readPricingAnalyticsPage } from '../read-pricing-analytics-page.util';

describe(readPricingAnalyticsPage.name, () => {
  it("reads Meta's documented shape: points with exact costs, tier omitted for free, paging.next", () => {
    const page = readPricingAnalyticsPage(
      parseExactJson(`{
        "pricing_analytics": {
          "data": [{ "data_points": [
            { "start": 1749106800, "end": 1749193200, "country": "IN", "tier": "0:750000",
              "pricing_type": "REGULAR", "pricing_category": "AUTHENTICATION_INTERNATIONAL",
              "volume": 2, "cost": 4.6 },
            { "start": 1748847600, "end": 1748934000, "country": "us", "phone_number": "15550783881",
              "pricing_type": "FREE_ENTRY_POINT", "pricing_category": "SERVICE", "volume": 6, "cost": 0 }
          ] }],
          "paging": { "cursors": { "before": "b", "after": "a" }, "next": "https://graph.facebook.com/v24.0/1?after=a" }
        },
        "id": "1"
      }`),
    );
    expect(page.problems).toEqual([]);
    expect(page.next).toBe('https://graph.facebook.com/v24.0/1?after=a');
    expect(page.points).toEqual([
      {
        start: 1749106800,
        end: 1749193200,
        phoneNumber: null,
        country: 'IN',
        pricingCategory: 'AUTHENTICATION_INTERNATIONAL',
        pricingType: 'REGULAR',
        tier: '0:750000',
        volume: 2,
        cost: '4.6',
      },
      {
        start: 1748847600,
        end: 1748934000,
        phoneNumber: '15550783881',
        country: 'US',
        pricingCategory: 'SERVICE',
        pricingType: 'FREE_ENTRY_POINT',
        tier: null,
        volume: 6,
        cost: '0',
      },
    ]);
  });

  it('reads a paging.next page ({ data, paging }) and an answer with no data ({ id })', () => {
    expect(
      readPricingAnalyticsPage(
        parseExactJson(
          '{"data":[{"data_points":[{"start":0,"end":86400,"country":"BR","pricing_type":"REGULAR","pricing_category":"MARKETING","tier":"0:MAX","volume":1,"cost":0.0625}]}]}',
        ),
      ).points.map((point) => point.cost),
    ).toEqual(['0.0625']);
    expect(readPricingAnalyticsPage(parseExactJson('{"id":"1"}'))).toEqual({
      points: [],
      next: null,
      problems: [],
    });
  });

  it('lists every bad point by path and keeps the good ones', () => {
    const page = readPricingAnalyticsPage(
      parseExactJson(`{"pricing_analytics":{"data":[{"data_points":[
        {"start":0,"end":1800,"country":"US","pricing_type":"REGULAR","pricing_category":"MARKETING","volume":1,"cost":1},
        {"start":0,"end":86400,"country":"US","pricing_type":"REGULAR","pricing_category":"MARKETING","volume":1.5,"cost":-1},
        {"start":0,"end":86400,"country":"US","pricing_type":"REGULAR","pricing_category":"MARKETING","volume":3},
        {"start":0,"end":86400,"country":"US","pricing_type":"REGULAR","pricing_category":"MARKETING","volume":3,"cost":"0.30"}
      ]}]}}`),
    );
    expect(page.points.map((point) => [point.volume, point.cost])).toEqual([[3, '0.3']]);
    expect(page.problems).toEqual([
      {
        path: '$.pricing_analytics.data[0].data_points[0]',
        message: 'covers 1800 seconds: only DAILY granularity can be reconciled',
      },
      {
        path: '$.pricing_analytics.data[0].data_points[1].volume',
        message: 'must be a whole number, 0 or more',
      },
      {
        path: '$.pricing_analytics.data[0].data_points[1].cost',
        message: 'must be a decimal number, 0 or more',
      },
      {
        path: '$.pricing_analytics.data[0].data_points[2].cost',
        message: 'cost is missing (the request must include the COST metric)',
      },
    ]);
  });
});
