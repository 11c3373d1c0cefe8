import { setTimeout as delay } from 'node:timers/promises';
import { answerRequests } from '../../worker-requests.util';

type EchoRequest = {
  echo?: string;
  fail?: string;
  exit?: number;
  later?: string;
  failLater?: string;
};

// A worker for the tests of WorkerRequests: echoes, fails, or dies on request, at once or after
// a pause (an asynchronous handler, as a PostgreSQL client's).
answerRequests(
  (request: EchoRequest) => {
    if (request.fail !== undefined) throw new Error(request.fail);
    if (request.exit !== undefined) process.exit(request.exit);
    if (request.later !== undefined) return delay(20).then(() => request.later);
    if (request.failLater !== undefined) {
      const message = request.failLater;
      return delay(20).then(() => Promise.reject(new Error(message)));
    }
    return request.echo;
  },
  () => undefined,
);
