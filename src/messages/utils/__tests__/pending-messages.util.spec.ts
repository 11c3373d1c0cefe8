import { PendingMessages, PROVISIONAL_ID_BASE } from '../pending-messages.util';

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
