import { DomainError } from '../../common/errors/domain.error';
import { SqlParameters, type DatabaseDriver } from '../../database/sql-dialect';

/** A WABA of a statement's or reconciliation's scope, with its portfolio's name. */
export interface ScopeWaba {
  waba_id: string;
  name: string | null;
  portfolio_id: string;
  portfolio_name: string | null;
  currency: string;
  timezone: string;
}

/**
 * The WABAs of exactly one of `wabaId` or `portfolioId`, by id: BAD_USER_INPUT for both or
 * neither, NOT_FOUND when none matches. `query` runs the read (a snapshot's or the pool's).
 */
export async function findWabasInScope(
  query: (sql: string, parameters: unknown[]) => Promise<unknown[]>,
  driver: DatabaseDriver,
  scope: { wabaId?: string | null; portfolioId?: string | null },
): Promise<ScopeWaba[]> {
  if (Boolean(scope.wabaId) === Boolean(scope.portfolioId)) {
    throw new DomainError('BAD_USER_INPUT', 'give exactly one of wabaId or portfolioId');
  }
  const parameters = new SqlParameters(driver);
  const [column, id] = scope.wabaId
    ? ['waba_id', scope.wabaId]
    : ['portfolio_id', scope.portfolioId as string];
  const wabas = (await query(
    `SELECT w.waba_id, w.name, w.portfolio_id, p.name AS portfolio_name, w.currency, w.timezone
       FROM wabas w LEFT JOIN portfolios p ON p.id = w.portfolio_id
      WHERE w.${column} = ${parameters.add(id)} ORDER BY w.waba_id`,
    parameters.values,
  )) as ScopeWaba[];
  if (wabas.length === 0) {
    throw new DomainError(
      'NOT_FOUND',
      scope.wabaId ? `unknown WABA "${id}"` : `no WABA belongs to portfolio "${id}"`,
    );
  }
  return wabas;
}
