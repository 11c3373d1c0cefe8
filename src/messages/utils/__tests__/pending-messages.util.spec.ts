import type { MessageFacts } from '../message-facts';
import {
  PendingMessages,
  PROVISIONAL_ID_BASE,
  type PendingMessage,
} from '../pending-messages.util';

describe('PendingMessages.takeIds', () => {
  const reserver = () => {
    let next = 1;
    const calls: number[] = [];
    const reserve = (count: number) => {
      calls.push(count);
      const ids = Array.from({ length: count }, (_, offset) => next + offset);
      next += count;
      return Promise.resolve(ids);
    };
    return { reserve, calls };
  };

  it('reserves just what is asked in the database', async () => {
    const pending = new PendingMessages(5000);
    const { reserve, calls } = reserver();
    expect(await pending.takeIds(3, reserve)).toEqual([1, 2, 3]);
    expect(await pending.takeIds(2, reserve)).toEqual([4, 5]);
    expect(calls).toEqual([3, 2]);
  });

  it('gives provisional ids in order, never twice, above any row id, without the database', async () => {
    const pending = new PendingMessages(1_000_000, true);
    const { reserve, calls } = reserver();
    const first = await pending.takeIds(3, reserve);
    const second = await pending.takeIds(2, reserve);
    expect(first).toEqual([100_000_000_000, 100_000_000_001, 100_000_000_002]);
    expect(second).toEqual([100_000_000_003, 100_000_000_004]);
    expect(PROVISIONAL_ID_BASE).toBe(100_000_000_000);
    expect(String(PROVISIONAL_ID_BASE)).toHaveLength(12);
    expect(calls).toEqual([]);
  });
});

describe('PendingMessages holding', () => {
  const held = (id: number, phoneNumberId: string, wamid: string, contact: string) =>
    ({ id, facts: { phoneNumberId, wamid, contact } as MessageFacts }) as PendingMessage;

  it('finds held messages by phone number and wamid, and by conversation', () => {
    const pending = new PendingMessages(10);
    const first = held(1, 'P1', 'wamid.A', '34600000001');
    const second = held(2, 'P1', 'wamid.B', '34600000001');
    const other = held(3, 'P2', 'wamid.A', '34600000001');
    for (const message of [first, second, other]) pending.add(message);
    expect(pending.get('P1', 'wamid.A')).toBe(first);
    expect(pending.get('P2', 'wamid.A')).toBe(other);
    expect(pending.get('P2', 'wamid.B')).toBeUndefined();
    expect(pending.byId(2)).toBe(second);
    expect(pending.conversation('P1', '34600000001')).toEqual([first, second]);
    expect(pending.conversation('P1', '34600000009')).toEqual([]);
    expect(
      [...pending.conversations()].map(({ phoneNumberId, contact, messages }) => [
        phoneNumberId,
        contact,
        messages.map((message) => message.id),
      ]),
    ).toEqual([
      ['P1', '34600000001', [1, 2]],
      ['P2', '34600000001', [3]],
    ]);
    expect(pending.room()).toBe(7);
  });

  it('lets a released message go from every look-up, and keeps a refused one for the replay', () => {
    const pending = new PendingMessages(10);
    const first = held(1, 'P1', 'wamid.A', '34600000001');
    const second = held(2, 'P1', 'wamid.B', '34600000001');
    pending.add(first);
    pending.add(second);
    expect(pending.conversation('P1', '34600000001')).toHaveLength(2);
    pending.release(first, false);
    pending.release(second, true);
    expect(pending.get('P1', 'wamid.A')).toBeUndefined();
    expect(pending.byId(2)).toBeUndefined();
    expect(pending.conversation('P1', '34600000001')).toEqual([]);
    expect(pending.size).toBe(0);
    expect(pending.refused).toEqual([second]);
    expect([...pending.unwrittenKeys()]).toEqual(['P1|wamid.B']);
  });

  it('regroups a message whose contact was learnt after it was held', () => {
    const pending = new PendingMessages(10);
    const message = held(1, 'P1', 'wamid.A', '');
    pending.add(message);
    expect(pending.conversation('P1', '')).toEqual([message]);
    message.facts = { ...message.facts, contact: '34600000001' };
    pending.changed();
    expect(pending.conversation('P1', '')).toEqual([]);
    expect(pending.conversation('P1', '34600000001')).toEqual([message]);
  });
});
