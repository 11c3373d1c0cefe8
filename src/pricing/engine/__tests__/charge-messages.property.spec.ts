import fc from 'fast-check';
import { money, toDecimalString } from '../../money';
import { priceGraduated } from '../../rate-cards/price-graduated.util';
import { rateFor, tierLadder } from '../../rate-cards/rate-card-lookup.util';
import type { Charge } from '../engine.types';
import {
  conversationArb,
  PROPERTY_ACCOUNTS,
  PROPERTY_BOOK,
  PROPERTY_CARD_DATA,
} from './engine-arbitraries';
import { charge } from './engine-fixtures';

const RUNS = { numRuns: 100 };

/** Messages, and how many each counter (tier or allowance) already held before them. */
const scenarioArb = fc.tuple(conversationArb, fc.nat({ max: 4 }));

const run = (messages: Parameters<typeof charge>[0], before = 0) =>
  charge(messages, {
    accounts: PROPERTY_ACCOUNTS,
    book: PROPERTY_BOOK,
    countedBefore: () => before,
  });

function sorted(charges: Map<string, Charge>): [string, Charge][] {
  return [...charges.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

describe('chargeMessages: properties', () => {
  it('charges every message exactly once', () => {
    fc.assert(
      fc.property(scenarioArb, ([messages, before]) => {
        const charges = run(messages, before);
        expect(charges.size).toBe(messages.length);
        for (const message of messages) expect(charges.has(message.id)).toBe(true);
      }),
      RUNS,
    );
  });

  it('the order of the input does not change any charge', () => {
    fc.assert(
      fc.property(
        scenarioArb.chain(([messages, before]) =>
          fc.tuple(
            fc.constant(messages),
            fc.constant(before),
            fc.shuffledSubarray(messages, {
              minLength: messages.length,
              maxLength: messages.length,
            }),
          ),
        ),
        ([messages, before, shuffled]) => {
          expect(sorted(run(shuffled, before))).toEqual(sorted(run(messages, before)));
        },
      ),
      RUNS,
    );
  });

  it('every FREE_* charge is zero and unpriced; no amount is negative; BILLED amount = rate', () => {
    fc.assert(
      fc.property(scenarioArb, ([messages, before]) => {
        for (const result of run(messages, before).values()) {
          expect(money(result.amount).isNegative()).toBe(false);
          expect(toDecimalString(money(result.amount))).toBe(result.amount);
          if (result.reason.startsWith('FREE_')) {
            expect(result.amount).toBe('0');
            expect(result.rate).toBeNull();
          }
          if (
            result.reason === 'NO_RATE' ||
            result.reason === 'PENDING' ||
            result.reason === 'NOT_DELIVERED' ||
            result.reason === 'REJECTED_OUTSIDE_WINDOW'
          ) {
            expect(result.amount).toBe('0');
          }
          if (result.reason === 'BILLED') {
            expect(result.rate).not.toBeNull();
            expect(result.amount).toBe(result.rate);
            expect(result.tier === null || result.sequenceGroup !== null).toBe(true);
            expect(result.rateCardId).toBe('card-usd-property');
          }
        }
      }),
      RUNS,
    );
  });

  it('each counter numbers its members 1..n in delivery order', () => {
    fc.assert(
      fc.property(scenarioArb, ([messages, before]) => {
        const groups = new Map<string, Charge[]>();
        for (const result of run(messages, before).values()) {
          if (result.sequenceGroup === null) continue;
          groups.set(result.sequenceGroup, [...(groups.get(result.sequenceGroup) ?? []), result]);
        }
        for (const members of groups.values()) {
          members.sort((a, b) => a.sequenceOrdinal! - b.sequenceOrdinal!);
          expect(members.map((m) => m.sequenceOrdinal)).toEqual(
            members.map((_, i) => before + i + 1),
          );
          for (let i = 1; i < members.length; i++) {
            expect(members[i].chargeAt.getTime()).toBeGreaterThanOrEqual(
              members[i - 1].chargeAt.getTime(),
            );
          }
        }
      }),
      RUNS,
    );
  });

  it("a tier group's amounts sum to the graduated price of its count; months add up", () => {
    fc.assert(
      fc.property(scenarioArb, ([messages, before]) => {
        const charges = [...run(messages, before).values()];
        const tierGroups = new Map<string, Charge[]>();
        for (const result of charges) {
          if (result.sequenceGroup?.startsWith('T|')) {
            tierGroups.set(result.sequenceGroup, [
              ...(tierGroups.get(result.sequenceGroup) ?? []),
              result,
            ]);
          }
        }
        for (const [group, members] of tierGroups) {
          const [, , market, family] = group.split('|');
          const billed = members.filter((m) => m.reason === 'BILLED');
          const listRate = rateFor(
            PROPERTY_CARD_DATA,
            market,
            family as 'UTILITY' | 'AUTHENTICATION',
          );
          if (listRate === null) {
            expect(billed).toHaveLength(0);
            continue;
          }
          expect(billed).toHaveLength(members.length);
          const ladder = tierLadder(
            PROPERTY_CARD_DATA,
            market,
            family as 'UTILITY' | 'AUTHENTICATION',
          );
          const expected = priceGraduated(ladder, listRate, before + 1, billed.length).amount;
          const sum = billed.reduce((total, m) => total.plus(m.amount), money('0'));
          expect(toDecimalString(sum)).toBe(expected);
        }
        const byMonth = new Map<string, ReturnType<typeof money>>();
        for (const result of charges) {
          byMonth.set(result.month, (byMonth.get(result.month) ?? money('0')).plus(result.amount));
        }
        const monthsTotal = [...byMonth.values()].reduce((a, b) => a.plus(b), money('0'));
        const allTotal = charges.reduce((a, c) => a.plus(c.amount), money('0'));
        expect(monthsTotal.equals(allTotal)).toBe(true);
      }),
      RUNS,
    );
  });

  it('inbound, echoes and history are always free with their own reasons', () => {
    fc.assert(
      fc.property(scenarioArb, ([messages, before]) => {
        const charges = run(messages, before);
        for (const message of messages) {
          const reason = charges.get(message.id)!.reason;
          if (message.origin === 'HISTORY_IMPORT') expect(reason).toBe('FREE_HISTORY_IMPORT');
          else if (message.direction === 'INBOUND') expect(reason).toBe('FREE_INBOUND');
          else if (message.origin === 'BUSINESS_APP') expect(reason).toBe('FREE_BUSINESS_APP');
        }
      }),
      RUNS,
    );
  });

  it('removing echoes never changes any other charge (echoes open no window)', () => {
    fc.assert(
      fc.property(scenarioArb, ([messages, before]) => {
        const all = run(messages, before);
        const withoutEchoes = run(
          messages.filter((m) => m.origin !== 'BUSINESS_APP'),
          before,
        );
        for (const [id, result] of withoutEchoes) expect(all.get(id)).toEqual(result);
      }),
      RUNS,
    );
  });
});
