import { ReportDimension } from '../../common/graphql/enums';

/** The messages column behind each report dimension, and the CostReportRow field it fills. */
export const REPORT_DIMENSION_COLUMNS: Record<
  ReportDimension,
  { column: string; field: ReportDimensionField }
> = {
  [ReportDimension.MONTH]: { column: 'charge_month', field: 'month' },
  [ReportDimension.DAY]: { column: 'charge_day', field: 'day' },
  [ReportDimension.PORTFOLIO]: { column: 'portfolio_id', field: 'portfolioId' },
  [ReportDimension.WABA]: { column: 'waba_id', field: 'wabaId' },
  [ReportDimension.PHONE_NUMBER]: { column: 'phone_number_id', field: 'phoneNumberId' },
  [ReportDimension.MARKET]: { column: 'charge_market', field: 'market' },
  [ReportDimension.COUNTRY]: { column: 'charge_country', field: 'country' },
  [ReportDimension.PRICING_CATEGORY]: {
    column: 'charge_pricing_category',
    field: 'pricingCategory',
  },
  [ReportDimension.ORIGIN]: { column: 'origin', field: 'origin' },
  [ReportDimension.REASON]: { column: 'charge_reason', field: 'reason' },
  [ReportDimension.TIER]: { column: 'charge_tier', field: 'tier' },
};

export type ReportDimensionField =
  | 'month'
  | 'day'
  | 'portfolioId'
  | 'wabaId'
  | 'phoneNumberId'
  | 'market'
  | 'country'
  | 'pricingCategory'
  | 'origin'
  | 'reason'
  | 'tier';
