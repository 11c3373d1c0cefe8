import { answerRequests } from '../../worker-requests.util';

// A worker for the tests of WorkerRequests: echoes, fails, or dies on request.
answerRequests(
  (request: { echo?: string; fail?: string; exit?: number }) => {
    if (request.fail !== undefined) throw new Error(request.fail);
    if (request.exit !== undefined) process.exit(request.exit);
    return request.echo;
  },
  () => undefined,
);
