import { deserialize } from 'node:v8';
import { workerData } from 'node:worker_threads';
import { openSqliteInWorker } from '../../database/sqlite-worker.util';
import { answerRequests } from '../../database/worker-requests.util';
import {
  SqliteChargePlanWriter,
  type ChargeWriterWorkerData,
  type SqliteChargePlan,
} from '../utils/sqlite-charge-plan.util';

// The charge writer's thread: writes charges and new messages on its own connection while the
// main thread charges the next batch. Plans arrive serialised with node:v8 (cheaper than the
// structured clone of many small arrays).
const data = workerData as ChargeWriterWorkerData;
const database = openSqliteInWorker(data);
const writer = new SqliteChargePlanWriter(database, data.columns);

answerRequests(
  (serialisedPlan: Uint8Array) => writer.apply(deserialize(serialisedPlan) as SqliteChargePlan),
  () => database.close(),
);
