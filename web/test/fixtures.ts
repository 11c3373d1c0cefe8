import { WABA } from './render-app';

const row = (fields: Record<string, unknown>) => ({
  day: null,
  market: null,
  pricingCategory: null,
  reason: null,
  currency: 'USD',
  messages: 10,
  billableMessages: 5,
  freeMessages: 5,
  amount: '1.0625',
  ...fields,
});

export const OVERVIEW_BY_DAY = {
  byDay: { rows: [row({ day: '2026-11-01' }), row({ day: '2026-11-02', amount: '2.5' })] },
};

export const OVERVIEW = {
  statement: {
    number: `ST-W-${WABA}-2026-11-USD`,
    currency: 'USD',
    exactTotal: '26.1897',
    total: '26.19',
    billedMessages: 1554,
    unpricedMessages: 0,
    pendingMessages: 6,
    notDeliveredMessages: 62,
    rejectedMessages: 0,
    free: [
      { reason: 'FREE_INBOUND', quantity: 1296 },
      { reason: 'FREE_BUSINESS_APP', quantity: 379 },
    ],
  },
  previous: { month: '2026-10', currency: 'USD', exactTotal: '12.345', total: '12.35' },
  byMarketCategory: {
    rows: [
      row({ market: 'Mexico', pricingCategory: 'MARKETING', amount: '7.8162' }),
      row({ market: 'Mexico', pricingCategory: 'UTILITY', amount: '0.0000001' }),
      row({ market: 'North America', pricingCategory: 'MARKETING' }),
    ],
  },
  savings: {
    currency: 'USD',
    messages: 379,
    billedMessages: 247,
    freeMessages: 132,
    unpricedMessages: 0,
    amount: '1.648',
  },
};

export const STATEMENT = {
  monthlyStatement: {
    number: `ST-W-${WABA}-2026-11-USD`,
    issuedAt: '2026-12-05T10:00:00.000Z',
    month: '2026-11',
    currency: 'USD',
    wabaId: WABA,
    wabaName: 'Customer Care',
    portfolioId: WABA,
    portfolioName: 'Lumen Coffee',
    timezone: 'America/New_York',
    wabaIds: [WABA],
    rateCards: ['Meta USD 2026-10-01'],
    lines: [
      {
        market: 'North America',
        pricingCategory: 'MARKETING',
        tier: null,
        quantity: 20,
        rate: '0.025',
        amount: '0.5',
      },
      {
        market: 'Mexico',
        pricingCategory: 'MARKETING',
        tier: null,
        quantity: 124,
        rate: '0.0397',
        amount: '4.9228',
      },
      {
        market: 'Mexico',
        pricingCategory: 'UTILITY',
        tier: '0:750000',
        quantity: 173,
        rate: '0.0085',
        amount: '1.4705',
      },
    ],
    unpriced: [{ market: 'India', pricingCategory: 'SERVICE', quantity: 3 }],
    unpricedMessages: 3,
    unpricedUnclassifiedMessages: 0,
    free: [{ reason: 'FREE_INBOUND', quantity: 1296 }],
    billedMessages: 297,
    pendingMessages: 6,
    notDeliveredMessages: 62,
    rejectedMessages: 0,
    exactTotal: '6.8933',
    total: '6.89',
  },
};

const charge = (fields: Record<string, unknown>) => ({
  amount: '0.0397',
  currency: 'USD',
  reason: 'BILLED',
  billable: true,
  pricingCategory: 'MARKETING',
  market: 'Mexico',
  country: 'MX',
  tier: null,
  rate: '0.0397',
  explanation: 'a marketing template delivered to Mexico, billed at the card rate',
  source: 'ESTIMATE',
  estimateReason: 'BILLED',
  estimatePricingCategory: 'MARKETING',
  estimateBillable: true,
  ...fields,
});

export const MESSAGES = {
  messages: {
    edges: [
      {
        cursor: 'c1',
        node: {
          wamid: 'wamid.one',
          phoneNumberId: '1',
          direction: 'OUTBOUND',
          origin: 'CLOUD_API',
          status: 'DELIVERED',
          sentAt: null,
          deliveredAt: null,
          templateName: 'promo',
          metaPricingCategory: null,
          metaPricingType: null,
          charge: charge({}),
        },
      },
      {
        cursor: 'c2',
        node: {
          wamid: 'wamid.two',
          phoneNumberId: '1',
          direction: 'OUTBOUND',
          origin: 'CLOUD_API',
          status: 'DELIVERED',
          sentAt: null,
          deliveredAt: null,
          templateName: 'order',
          metaPricingCategory: 'utility',
          metaPricingType: 'regular',
          charge: charge({
            source: 'META',
            pricingCategory: 'UTILITY',
            amount: '0.0085',
            tier: '0:750000',
            estimatePricingCategory: 'MARKETING',
            explanation: "Meta's pricing says utility",
          }),
        },
      },
    ],
    pageInfo: { hasNextPage: true, endCursor: 'c2' },
  },
};

export const RECONCILIATION = {
  reconciliation: {
    totalCount: 1,
    groups: [{ kind: 'CATEGORY_DIFFERS', currency: 'USD', messages: 1, amountAtStake: '0.0085' }],
    edges: [
      {
        cursor: 'r1',
        node: {
          wamid: 'wamid.two',
          kind: 'CATEGORY_DIFFERS',
          amount: '0.0085',
          currency: 'USD',
          chargeReason: 'BILLED',
          chargePricingCategory: 'UTILITY',
          estimateReason: 'BILLED',
          estimatePricingCategory: 'MARKETING',
        },
      },
    ],
    pageInfo: { hasNextPage: false, endCursor: 'r1' },
  },
};

export const RATE_CARDS = {
  rateCards: [
    {
      id: 'c1',
      name: 'Meta USD 2026-10-01',
      currency: 'USD',
      effectiveFrom: '2026-10-01',
      builtIn: true,
      provenance: "Meta's rate card",
      importedAt: '2026-10-01T00:00:00.000Z',
    },
  ],
  rateCardCoverage: {
    pricedMarkets: 1,
    rateCard: {
      id: 'c1',
      name: 'Meta USD 2026-10-01',
      effectiveFrom: '2026-10-01',
      provenance: "Meta's rate card",
      rates: [
        {
          market: 'Mexico',
          marketing: '0.0397',
          utility: '0.0085',
          authentication: '0.0085',
          authenticationInternational: null,
          service: '0.0085',
        },
      ],
    },
    unpriced: [{ market: 'India', pricingCategory: 'SERVICE' }],
  },
};
