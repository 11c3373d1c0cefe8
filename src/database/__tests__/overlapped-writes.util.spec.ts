import { OverlappedWrites } from '../overlapped-writes.util';

/** Writes that record when they start and end, and end only when released, in order. */
function heldWrites(depth?: number) {
  const events: string[] = [];
  const releases: (() => void)[] = [];
  const writes = new OverlappedWrites<number>(async (batch) => {
    events.push(`start ${batch}`);
    await new Promise<void>((resolve) => releases.push(resolve));
    events.push(`end ${batch}`);
  }, depth);
  return { events, releases, writes };
}

describe('OverlappedWrites', () => {
  it('writes batches in order, one at a time, while the caller goes on', async () => {
    const { events, releases, writes } = heldWrites();
    await writes.start(1);
    events.push('caller prepares 2');
    const second = writes.start(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['start 1', 'caller prepares 2']);
    releases[0]();
    await second;
    releases[1]();
    await writes.settled();
    expect(events).toEqual(['start 1', 'caller prepares 2', 'end 1', 'start 2', 'end 2']);
  });

  it('keeps up to `depth` writes under way, still started in order', async () => {
    const { events, releases, writes } = heldWrites(2);
    await writes.start(1);
    await writes.start(2);
    const third = writes.start(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['start 1', 'start 2']);
    releases[0]();
    await third;
    expect(events).toEqual(['start 1', 'start 2', 'end 1', 'start 3']);
    releases[1]();
    releases[2]();
    await writes.settled();
    expect(events).toEqual(['start 1', 'start 2', 'end 1', 'start 3', 'end 2', 'end 3']);
  });

  it('raises a failed write at the next call, without an unhandled rejection', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const writes = new OverlappedWrites<number>((batch) =>
        batch === 1 ? Promise.reject(new Error('disk full')) : Promise.resolve(),
      );
      await writes.start(1);
      await new Promise((resolve) => setImmediate(resolve));
      await expect(writes.start(2)).rejects.toThrow('disk full');
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
