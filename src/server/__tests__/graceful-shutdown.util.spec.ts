import type { INestApplication } from '@nestjs/common';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JobRunner } from '../../jobs/services/job-runner.service';
import { stopGracefullyOnSignals } from '../graceful-shutdown.util';

function listening(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function fakeApp(steps: string[], idle: () => Promise<void>): INestApplication {
  return {
    get: (token: unknown) =>
      token === JobRunner
        ? { stop: () => steps.push('running job told to hand itself back') }
        : {
            idle: async () => {
              steps.push('queue idle: start');
              await idle();
              steps.push('queue idle: done');
            },
          },
    close: () => {
      steps.push('app closed');
      return Promise.resolve();
    },
  } as unknown as INestApplication;
}

describe('stopGracefullyOnSignals', () => {
  it('answers the request in flight, then waits for the queue, closes the application and exits 0', async () => {
    const steps: string[] = [];
    let finishRequest: () => void = () => undefined;
    const server = await listening((_, response) => {
      steps.push('request received');
      finishRequest = () => {
        steps.push('request answered');
        response.end('done');
      };
    });
    const exited = new Promise<number>((resolve) => {
      const remove = stopGracefullyOnSignals({
        app: fakeApp(steps, () => Promise.resolve()),
        server,
        timeoutMs: 10_000,
        log: (line) => steps.push(`log: ${line.split(':')[0]}`),
        exit: (code) => {
          remove();
          resolve(code);
        },
      });
    });
    const answer = new Promise<string>((resolve) => {
      request({ port: (server.address() as AddressInfo).port, host: '127.0.0.1' }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve(text));
      }).end();
    });
    while (!steps.includes('request received')) await new Promise((r) => setTimeout(r, 10));
    process.emit('SIGTERM', 'SIGTERM');
    process.emit('SIGINT', 'SIGINT'); // a second signal changes nothing
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(steps).not.toContain('queue idle: start');
    finishRequest();
    expect(await answer).toBe('done');
    expect(await exited).toBe(0);
    expect(steps).toEqual([
      'request received',
      'log: SIGTERM',
      'request answered',
      'running job told to hand itself back',
      'queue idle: start',
      'queue idle: done',
      'app closed',
      'log: stopped',
    ]);
  });

  it('exits 1 when the stop takes longer than the timeout', async () => {
    const steps: string[] = [];
    const server = await listening((_, response) => response.end());
    const exitCode = await new Promise<number>((resolve) => {
      const remove = stopGracefullyOnSignals({
        app: fakeApp(steps, () => new Promise(() => undefined)),
        server,
        timeoutMs: 50,
        log: (line) => steps.push(line),
        exit: (code) => {
          remove();
          resolve(code);
        },
      });
      process.emit('SIGTERM', 'SIGTERM');
    });
    expect(exitCode).toBe(1);
    expect(steps.at(-1)).toBe(
      'stopping took more than 0 s (SHUTDOWN_TIMEOUT_SECONDS): exiting now',
    );
  });
});
