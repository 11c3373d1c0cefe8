import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { lastWholeMonth } from './month';

/** What every page shows: a month, one WABA or portfolio, and optionally a currency. */
export interface Scope {
  month: string;
  wabaId: string | null;
  portfolioId: string | null;
  currency: string | null;
}

const PARAMS = { month: 'month', wabaId: 'waba', portfolioId: 'portfolio', currency: 'currency' };

/** The scope lives in the address (?month=&waba=&currency=), so links and reloads keep it. */
export function useScope(): [Scope, (change: Partial<Scope>) => void] {
  const [params, setParams] = useSearchParams();
  const scope = useMemo<Scope>(
    () => ({
      month: params.get(PARAMS.month) ?? lastWholeMonth(),
      wabaId: params.get(PARAMS.wabaId),
      portfolioId: params.get(PARAMS.portfolioId),
      currency: params.get(PARAMS.currency),
    }),
    [params],
  );
  const update = useCallback(
    (change: Partial<Scope>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [field, name] of Object.entries(PARAMS) as [keyof Scope, string][]) {
            if (!(field in change)) continue;
            const value = change[field];
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [scope, update];
}

/** The statement input of a scope (exactly one of wabaId / portfolioId), or null when none chosen. */
export function statementInput(scope: Scope, month = scope.month) {
  if (!scope.wabaId && !scope.portfolioId) return null;
  return {
    month,
    ...(scope.wabaId ? { wabaId: scope.wabaId } : { portfolioId: scope.portfolioId }),
    ...(scope.currency ? { currency: scope.currency } : {}),
  };
}

/** The scope's search string, for links between pages. */
export function scopeSearch(scope: Scope, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  params.set(PARAMS.month, scope.month);
  if (scope.wabaId) params.set(PARAMS.wabaId, scope.wabaId);
  if (scope.portfolioId) params.set(PARAMS.portfolioId, scope.portfolioId);
  if (scope.currency) params.set(PARAMS.currency, scope.currency);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return `?${params.toString()}`;
}
