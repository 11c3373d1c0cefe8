import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { WebhookQueue } from '../ingestion/services/webhook-queue.service';
import { JobRunner } from '../jobs/services/job-runner.service';

export interface GracefulShutdownOptions {
  app: INestApplication;
  server: Server;
  timeoutMs: number;
  log: (line: string) => void;
  /** Ends the process (tests replace it). */
  exit?: (code: number) => void;
}

/**
 * On SIGTERM or SIGINT: stops accepting connections, lets the requests in flight finish, applies
 * every webhook body already answered 200, closes the application, then exits 0. Past
 * `timeoutMs` it exits 1; bodies not applied by then stay in the raw event log for the next
 * start. A second signal changes nothing (Ctrl-C under npm start brings SIGINT, then SIGTERM).
 * Returns what removes the signal handlers.
 */
export function stopGracefullyOnSignals(options: GracefulShutdownOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const seconds = Math.round(options.timeoutMs / 1000);
    options.log(
      `${signal}: finishing requests and applying answered webhook bodies (at most ${seconds} s)`,
    );
    const deadline = setTimeout(() => {
      options.log(`stopping took more than ${seconds} s (SHUTDOWN_TIMEOUT_SECONDS): exiting now`);
      exit(1);
    }, options.timeoutMs);
    stopGracefully(options.app, options.server).then(
      () => {
        clearTimeout(deadline);
        options.log('stopped');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        options.log(`stopping failed: ${String(error)}`);
        exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return () => {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
  };
}

export async function stopGracefully(app: INestApplication, server: Server): Promise<void> {
  await closeServer(server);
  // A running job hands itself back at its next checkpoint instead of holding up the queue.
  app.get(JobRunner).stop();
  // Every body answered 200 is in the raw event log by now; the queue applies what is due.
  await app.get(WebhookQueue).idle();
  await app.close();
}

/**
 * Stops listening and resolves once every connection has ended: requests in flight are answered,
 * and keep-alive connections are closed as soon as they are idle.
 */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearInterval(idle);
      resolve();
    });
    server.closeIdleConnections();
  });
}
