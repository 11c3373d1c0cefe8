import { listMarkets } from '../../markets/market-map';
import type { RateColumn } from '../../pricing.types';
import type { MarketRates, MarketTiers, RateCardData, TierBand } from '../rate-card.types';
import { tierLabel } from '../tier-ladder.util';
import type {
  MetaRateCardUpdate,
  RateObservation,
  RateSource,
  SourceDisagreement,
  SourceLadder,
} from './built-in-card.types';

const COLUMN_ORDER: readonly RateColumn[] = [
  'MARKETING',
  'UTILITY',
  'AUTHENTICATION',
  'AUTHENTICATION_INTERNATIONAL',
  'SERVICE',
];

export interface BuiltInCardInputs {
  sources: readonly RateSource[];
  observations: readonly RateObservation[];
  /** Meta's "Previous rate card updates", one entry per effective date after the first card. */
  updates: readonly MetaRateCardUpdate[];
  /** Effective dates of Meta's per-message cards, ascending. */
  cardDates: readonly string[];
  /** Currency → effective date of its first Meta card. */
  currencies: Readonly<Record<string, string>>;
}

export interface AssembledCards {
  cards: RateCardData[];
  disagreements: SourceDisagreement[];
}

interface Candidate {
  value: string;
  observation: RateObservation;
  /** Update dates crossed when carried from another card; null for a row of this very card. */
  crossed: readonly string[] | null;
}

function ladderBands(ladder: SourceLadder): TierBand[] {
  let from = 0;
  return ladder.map(([upTo, rate]) => {
    const band = { from, to: upTo, rate, label: tierLabel(from, upTo) };
    from = upTo ?? from;
    return band;
  });
}

function blocks(update: MetaRateCardUpdate, market: string, column: RateColumn): boolean {
  return update.changes.some(
    (change) =>
      change.markets.includes(market) &&
      (change.columns.includes(column) ||
        (column === 'AUTHENTICATION_INTERNATIONAL' &&
          change.columns.includes('AUTHENTICATION') &&
          change.authenticationInternationalUnchanged !== true)),
  );
}

/**
 * Assembles one card per currency and effective date from what public sources say, with the one
 * derivation Meta's own documentation supports: a rate a source gives for the card of date E is
 * also the rate of the card of date D when Meta's "Previous rate card updates" list every date
 * between them (after the earlier, up to and including the later) and none of those entries
 * changes that market and column. Service rates and volume-tier ladders are never carried. A
 * changed authentication rate blocks the authentication-international rate too, unless Meta says
 * the latter did not change. When sources disagree, a row of the card itself beats a carried one,
 * then the source closer to Meta wins, then the nearer card; every disagreement is returned.
 */
export function assembleBuiltInCards(inputs: BuiltInCardInputs): AssembledCards {
  const sources = new Map(inputs.sources.map((source) => [source.id, source]));
  const updates = new Map(inputs.updates.map((update) => [update.effectiveFrom, update]));
  const dateIndex = new Map(inputs.cardDates.map((date, index) => [date, index]));
  for (const observation of inputs.observations) {
    if (!sources.has(observation.source)) {
      throw new Error(`unknown source "${observation.source}"`);
    }
    if (!dateIndex.has(observation.cardDate)) {
      throw new Error(`${observation.source}: no card effective ${observation.cardDate}`);
    }
    if (inputs.currencies[observation.currency] === undefined) {
      throw new Error(`${observation.source}: unknown currency ${observation.currency}`);
    }
  }
  const sourceOf = (observation: RateObservation) => sources.get(observation.source) as RateSource;
  const listCites = [...new Set(inputs.updates.flatMap((update) => update.sources))]
    .map((id) => (sources.get(id) as RateSource).cite)
    .join('; ');

  /** Update dates crossed between two cards, or null when the rate may not be carried. */
  const crossing = (
    market: string,
    column: RateColumn,
    from: string,
    to: string,
  ): string[] | null => {
    if (column === 'SERVICE' || !listMarkets(to).includes(market)) {
      return null;
    }
    const [low, high] = from < to ? [from, to] : [to, from];
    const crossed = inputs.cardDates.filter((date) => date > low && date <= high);
    for (const date of crossed) {
      const update = updates.get(date);
      if (update === undefined || !update.listed || blocks(update, market, column)) {
        return null;
      }
    }
    return crossed;
  };

  const rank = (candidate: Candidate, date: string): [number, number, number, string] => [
    candidate.crossed === null ? 0 : 1,
    sourceOf(candidate.observation).closeness,
    Math.abs(
      (dateIndex.get(candidate.observation.cardDate) as number) - (dateIndex.get(date) as number),
    ),
    candidate.observation.source,
  ];
  const compare = (date: string) => (a: Candidate, b: Candidate) => {
    const [ra, rb] = [rank(a, date), rank(b, date)];
    for (let i = 0; i < ra.length; i++) {
      if (ra[i] !== rb[i]) return ra[i] < rb[i] ? -1 : 1;
    }
    return 0;
  };

  const cards: RateCardData[] = [];
  const disagreements: SourceDisagreement[] = [];
  for (const [currency, since] of Object.entries(inputs.currencies)) {
    const observations = inputs.observations.filter((item) => item.currency === currency);
    for (const date of [...inputs.cardDates].reverse()) {
      if (date < since) continue;
      const cells = new Map<string, Map<RateColumn, Candidate[]>>();
      for (const observation of observations) {
        for (const [column, value] of Object.entries(observation.rates) as [RateColumn, string][]) {
          const crossed =
            observation.cardDate === date
              ? null
              : crossing(observation.market, column, observation.cardDate, date);
          if (observation.cardDate !== date && crossed === null) continue;
          const columns = cells.get(observation.market) ?? new Map<RateColumn, Candidate[]>();
          cells.set(observation.market, columns);
          columns.set(column, [...(columns.get(column) ?? []), { value, observation, crossed }]);
        }
      }
      const rates: Record<string, MarketRates> = {};
      const tiers: Record<string, MarketTiers> = {};
      const rowProvenance: Record<string, string> = {};
      const used = new Set<string>();
      for (const market of [...cells.keys()].sort()) {
        const columns = cells.get(market) as Map<RateColumn, Candidate[]>;
        const groups = new Map<string, { columns: RateColumn[]; text: string }>();
        const marketRates: MarketRates = {};
        for (const column of COLUMN_ORDER) {
          const candidates = [...(columns.get(column) ?? [])].sort(compare(date));
          if (candidates.length === 0) continue;
          const chosen = candidates[0];
          marketRates[column] = chosen.value;
          const values = [...new Set(candidates.map((candidate) => candidate.value))];
          if (values.length > 1) {
            disagreements.push({
              currency,
              effectiveFrom: date,
              market,
              column,
              values: candidates.map((candidate) => ({
                value: candidate.value,
                source: candidate.observation.source,
                ...(candidate.crossed === null
                  ? {}
                  : { carriedFrom: candidate.observation.cardDate }),
              })),
              chosen: chosen.observation.source,
            });
          }
          const source = sourceOf(chosen.observation);
          used.add(source.id);
          const alsoRefs = [
            ...new Set(
              candidates
                .filter(
                  (candidate) =>
                    candidate.crossed === null &&
                    candidate !== chosen &&
                    candidate.value === chosen.value &&
                    candidate.observation.source !== source.id,
                )
                .map((candidate) => sourceOf(candidate.observation).ref),
            ),
          ];
          const also = alsoRefs.length > 0 ? `; same rate in ${alsoRefs.join(', ')}` : '';
          const key = `${source.id}|${chosen.observation.cardDate}|${chosen.crossed?.join(',') ?? ''}|${also}`;
          const text =
            chosen.crossed === null
              ? `${source.cite}${also}`
              : `derived: ${source.cite}, card eff. ${chosen.observation.cardDate}, carried to ${date} because Meta's "Previous rate card updates" list no change to these ${market} rates on ${chosen.crossed.join(', ')}${also}`;
          const group = groups.get(key) ?? { columns: [], text };
          group.columns.push(column);
          groups.set(key, group);
        }
        const marketTiers: MarketTiers = {};
        for (const observation of observations) {
          if (observation.cardDate !== date || observation.market !== market) continue;
          for (const [column, ladder] of Object.entries(observation.ladders ?? {})) {
            const ladderColumn = column as keyof MarketTiers;
            if (marketTiers[ladderColumn] !== undefined) {
              throw new Error(`${currency} ${date} ${market} ${column}: two ladders`);
            }
            marketTiers[ladderColumn] = ladderBands(ladder);
            used.add(observation.source);
            groups.set(`${observation.source}|tiers|${column}`, {
              columns: [],
              text: `${column} volume tiers: ${sourceOf(observation).cite}`,
            });
          }
        }
        rates[market] = marketRates;
        if (Object.keys(marketTiers).length > 0) {
          tiers[market] = marketTiers;
        }
        rowProvenance[market] = [...groups.values()]
          .map((group) =>
            group.columns.length > 0 ? `${group.columns.join(', ')}: ${group.text}` : group.text,
          )
          .join(' | ');
      }
      if (Object.keys(rates).length === 0) continue;
      const usedCites = inputs.sources
        .filter((source) => used.has(source.id))
        .map((source) => source.cite);
      cards.push({
        name: `Meta ${currency} ${date}`,
        currency,
        effectiveFrom: date,
        rates,
        tiers,
        provenance:
          `Meta's ${currency} rate card effective ${date} (list rates per delivered message), ` +
          `the rows public sources give, each market's source or derivation in rowProvenance. ` +
          `Sources: ${usedCites.join('; ')}. Rows are carried between cards only where Meta's ` +
          `"Previous rate card updates" (${listCites}) list no change; other markets and ` +
          `categories are absent (NO_RATE).`,
        rowProvenance,
      });
    }
  }
  return { cards, disagreements };
}

/** Rows of one source for one card: `[market, ...rates in the order of columns]`, null = not given. */
export function observe(
  source: string,
  currency: string,
  cardDate: string,
  columns: readonly RateColumn[],
  rows: readonly (readonly [string, ...(string | null)[]])[],
): RateObservation[] {
  return rows.map(([market, ...values]) => {
    if (values.length !== columns.length) {
      throw new Error(`${source} ${market}: ${values.length} rates for ${columns.length} columns`);
    }
    const rates: MarketRates = {};
    columns.forEach((column, index) => {
      const value = values[index];
      if (value !== null) rates[column] = value;
    });
    return { source, currency, cardDate, market, rates };
  });
}
