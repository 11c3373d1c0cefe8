/** One data point of Meta's pricing_analytics (DAILY), as stored. */
export interface MetaPricingDataPoint {
  /** The bucket's start and end, Unix seconds as Meta sends them. */
  start: number;
  end: number;
  phoneNumber: string | null;
  /** ISO 3166 alpha-2. */
  country: string | null;
  /** AUTHENTICATION, AUTHENTICATION_INTERNATIONAL, MARKETING, MARKETING_LITE, SERVICE, UTILITY, REFERRAL_CONVERSION, GROUP_*… */
  pricingCategory: string | null;
  /** REGULAR, FREE_CUSTOMER_SERVICE, FREE_ENTRY_POINT, FREE_GROUP_CUSTOMER_SERVICE… */
  pricingType: string | null;
  /** "<LOWER>:<UPPER>", e.g. "0:750000" or "0:MAX"; omitted by Meta for free messages. */
  tier: string | null;
  volume: number;
  /** Meta's approximate cost in the WABA's currency, as an exact canonical decimal. */
  cost: string;
}

export interface MetaAnalyticsProblem {
  path: string;
  message: string;
}

/** One page of a pricing_analytics answer: its data points and the next page's URL. */
export interface PricingAnalyticsPage {
  points: MetaPricingDataPoint[];
  next: string | null;
  problems: MetaAnalyticsProblem[];
}
