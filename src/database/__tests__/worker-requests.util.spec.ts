import { join } from 'node:path';
import { WorkerRequests } from '../worker-requests.util';

describe('WorkerRequests', () => {
  const start = (onExit = jest.fn()) => ({
    thread: new WorkerRequests<{ echo?: string; fail?: string; exit?: number }, string>(
      join(__dirname, 'workers'),
      'echo.worker',
      null,
      'the echo thread',
      onExit,
    ),
    onExit,
  });

  it('answers requests in order, and reports a failed one with the thread named', async () => {
    const { thread } = start();
    const answers = await Promise.allSettled([
      thread.request({ echo: 'one' }),
      thread.request({ fail: 'no such table: raw_events' }),
      thread.request({ echo: 'three' }),
    ]);
    expect(answers).toEqual([
      { status: 'fulfilled', value: 'one' },
      {
        status: 'rejected',
        reason: new Error('the echo thread: no such table: raw_events'),
      },
      { status: 'fulfilled', value: 'three' },
    ]);
    await thread.close();
  });

  it('fails what a dying thread left unanswered, and tells its owner', async () => {
    const { thread, onExit } = start();
    const dying = thread.request({ exit: 3 });
    const after = thread.request({ echo: 'never answered' });
    await expect(dying).rejects.toThrow('the echo thread stopped (exit code 3)');
    await expect(after).rejects.toThrow('the echo thread stopped (exit code 3)');
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  it('answers what was sent before closing', async () => {
    const { thread, onExit } = start();
    const answer = thread.request({ echo: 'last' });
    await thread.close();
    await expect(answer).resolves.toBe('last');
    expect(onExit).toHaveBeenCalledTimes(1);
  });
});
