import { HELD_ID_BLOCK, PendingMessages } from '../pending-messages.util';

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

  it('reserves a block once and gives out its ids in order, never twice', async () => {
    const pending = new PendingMessages(1_000_000, HELD_ID_BLOCK);
    const { reserve, calls } = reserver();
    const first = await pending.takeIds(3, reserve);
    const second = await pending.takeIds(2, reserve);
    expect(first).toEqual([1, 2, 3]);
    expect(second).toEqual([4, 5]);
    expect(calls).toEqual([100_000]);
  });

  it('reserves no more than the room left, and more when one batch needs more', async () => {
    const small = new PendingMessages(10, HELD_ID_BLOCK);
    const { reserve, calls } = reserver();
    expect(await small.takeIds(4, reserve)).toEqual([1, 2, 3, 4]);
    expect(calls).toEqual([10]);

    const large = new PendingMessages(1_000_000, HELD_ID_BLOCK);
    const other = reserver();
    const ids = await large.takeIds(150_000, other.reserve);
    expect(ids).toHaveLength(150_000);
    expect(ids[149_999]).toBe(150_000);
    expect(other.calls).toEqual([150_000]);
  });

  it('reserves just what is asked without a block', async () => {
    const pending = new PendingMessages(5000);
    const { reserve, calls } = reserver();
    expect(await pending.takeIds(3, reserve)).toEqual([1, 2, 3]);
    expect(await pending.takeIds(2, reserve)).toEqual([4, 5]);
    expect(calls).toEqual([3, 2]);
  });

  it('tops up a block it has partly given out', async () => {
    const pending = new PendingMessages(1_000_000, HELD_ID_BLOCK);
    const { reserve, calls } = reserver();
    await pending.takeIds(99_999, reserve);
    expect(await pending.takeIds(3, reserve)).toEqual([100_000, 100_001, 100_002]);
    expect(calls).toEqual([100_000, 100_000]);
  });
});
