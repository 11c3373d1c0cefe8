import { FREE_REASONS_SQL } from '../../src/pricing/pricing.types';
import { DataSource } from 'typeorm';
import type { TestApp } from './test-app.util';

const KEY =
  "COALESCE(waba_id, '') || '|' || COALESCE(portfolio_id, '') || '|' || COALESCE(phone_number_id, '') || '|' || COALESCE(charge_month, '') || '|' || COALESCE(charge_day, '') || '|' || COALESCE(charge_currency, '') || '|' || COALESCE(charge_reason, '') || '|' || COALESCE(charge_market, '') || '|' || COALESCE(charge_country, '') || '|' || COALESCE(charge_pricing_category, '') || '|' || COALESCE(charge_tier, '') || '|' || COALESCE(charge_rate, '') || '|' || COALESCE(origin, '')";
/** The same key over messages, where the summed origin is the one the charge was written under. */
const MESSAGE_KEY = KEY.replace("COALESCE(origin, '')", "COALESCE(charge_origin, '')");

/** The rollups must equal the sums of the charged messages, row for row. */
export async function rollupsAndMessageSums(testApp: TestApp) {
  const dataSource = testApp.app.get(DataSource);
  const fromMessages: Record<string, string>[] = await dataSource.query(
    `SELECT ${MESSAGE_KEY} AS key, CAST(COUNT(*) AS TEXT) AS messages,
            CAST(SUM(CASE WHEN charge_billable THEN 1 ELSE 0 END) AS TEXT) AS billable,
            CAST(SUM(CASE WHEN charge_reason IN ${FREE_REASONS_SQL} THEN 1 ELSE 0 END) AS TEXT) AS free,
            CAST(SUM(charge_amount_micros) AS TEXT) AS micros
       FROM messages WHERE charge_month IS NOT NULL GROUP BY ${MESSAGE_KEY} ORDER BY 1`,
  );
  const fromRollups: Record<string, string>[] = await dataSource.query(
    `SELECT ${KEY} AS key, CAST(messages AS TEXT) AS messages, CAST(billable_messages AS TEXT) AS billable,
            CAST(free_messages AS TEXT) AS free, CAST(amount_micros AS TEXT) AS micros
       FROM charge_rollups ORDER BY 1`,
  );
  const staleOrigins: { n: string | number }[] = await dataSource.query(
    `SELECT COUNT(*) AS n FROM messages WHERE charge_month IS NOT NULL AND charge_origin <> origin`,
  );
  // Every fact change is re-rated, so the summed origin is always the current one.
  return { fromMessages, fromRollups, staleOrigins: Number(staleOrigins[0].n) };
}
