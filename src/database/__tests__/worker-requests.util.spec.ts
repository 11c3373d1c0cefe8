import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { typescriptEntry } from '../start-worker.util';
import { WorkerRequests } from '../worker-requests.util';

describe('WorkerRequests', () => {
  const start = (onExit = jest.fn()) => ({
    thread: new WorkerRequests<
      { echo?: string; fail?: string; exit?: number; later?: string; failLater?: string },
      string
    >(join(__dirname, 'workers'), 'echo.worker', null, 'the echo thread', onExit),
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

  it("answers with an asynchronous handler's result once it settles, or with its error", async () => {
    const { thread } = start();
    const answers = await Promise.allSettled([
      thread.request({ later: 'after a pause' }),
      thread.request({ failLater: 'connection terminated' }),
      thread.request({ echo: 'at once' }),
    ]);
    expect(answers).toEqual([
      { status: 'fulfilled', value: 'after a pause' },
      { status: 'rejected', reason: new Error('the echo thread: connection terminated') },
      { status: 'fulfilled', value: 'at once' },
    ]);
    const pending = thread.request({ later: 'answered before closing' });
    await thread.close();
    await expect(pending).resolves.toBe('answered before closing');
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

  it('keeps the process alive until the thread has closed (a command-line tool ends with close)', () => {
    // Under jest the event loop never empties, so this runs in a process of its own.
    const scenario = `${typescriptEntry(join(__dirname, '..', 'worker-requests.util.ts'))}
const { WorkerRequests } = require(${JSON.stringify(join(__dirname, '..', 'worker-requests.util.ts'))});
const thread = new WorkerRequests(${JSON.stringify(join(__dirname, 'workers'))}, 'echo.worker', null, 'the echo thread', () => {});
thread.request({ echo: 'answered' })
  .then((answer) => thread.close().then(() => process.stdout.write(answer + ', then closed')));`;
    const result = spawnSync(process.execPath, ['-e', scenario], {
      cwd: join(__dirname, '..', '..', '..'),
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('answered, then closed');
  });
});
