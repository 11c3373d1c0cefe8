import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';
import { Client } from 'pg';
import { createScratchDatabase, type ScratchDatabase } from '../../utils/scratch-database.util';
import { describeEachDatabase } from '../../utils/test-app.util';
import { inbound } from '../../utils/webhook.util';

const ROOT = join(__dirname, '..', '..', '..');
const BODIES = 300;

function post(port: number, path: string, body: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path,
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    },
  );
}

/** Rows of the scratch database, read after the service process has exited. */
async function queryDatabase<T>(scratch: ScratchDatabase, sql: string): Promise<T[]> {
  if (scratch.config.databaseKind === 'sqlite') {
    const db = new Database(scratch.config.sqliteFile, { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: scratch.config.databaseUrl! });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

(process.platform === 'linux' ? describe : describe.skip)('the server process', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ensure-build.js')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(build.status).toBe(0);
  }, 180_000);

  describeEachDatabase('on SIGTERM', (kind) => {
    let scratch: ScratchDatabase;
    beforeAll(async () => {
      scratch = await createScratchDatabase(kind);
    });
    afterAll(async () => {
      await scratch.dispose();
    });

    it('finishes the requests in flight, applies every body it answered 200, exits 0, and logs requests but not deliveries', async () => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: '0',
        DATA_DIR: scratch.config.dataDir,
        LOG_LEVEL: 'info',
        SCHEDULER: 'off',
        SHUTDOWN_TIMEOUT_SECONDS: '60',
      };
      for (const name of [
        'DATABASE_URL',
        'WHATSAPP_APP_SECRET',
        'BOOTSTRAP_API_KEY',
        'npm_lifecycle_event',
      ]) {
        delete env[name];
      }
      if (scratch.config.databaseUrl !== null) env.DATABASE_URL = scratch.config.databaseUrl;
      const server = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      server.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const exited = new Promise<number | null>((resolve) =>
        server.once('exit', (code) => resolve(code)),
      );
      try {
        const deadline = Date.now() + 90_000;
        while (!/listening on http:\/\/localhost:(\d+)/.test(stdout)) {
          if (Date.now() > deadline || server.exitCode !== null) {
            throw new Error(`the server did not start:\n${stdout}\n${stderr}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const port = Number(/listening on http:\/\/localhost:(\d+)/.exec(stdout)![1]);

        const graphql = await post(port, '/graphql', JSON.stringify({ query: '{ __typename }' }), {
          'X-Request-Id': 'shutdown-test-1',
        });
        expect(graphql.headers['x-request-id']).toBe('shutdown-test-1');

        // Deliveries in flight when the signal comes: those answered 200 must all be applied.
        const answered: string[] = [];
        let signalled = false;
        const deliveries = Array.from({ length: BODIES }, async (_, index) => {
          const wamid = `wamid.shutdown-${index}`;
          const body = JSON.stringify(
            inbound(wamid, `1555000${String(index).padStart(4, '0')}`, '2026-11-03T10:00:00Z'),
          );
          try {
            const response = await post(port, '/webhooks/whatsapp', body);
            if (response.status === 200) answered.push(wamid);
          } catch {
            // refused once the server stopped listening: Meta would deliver it again later
          }
          if (!signalled && answered.length >= BODIES / 3) {
            signalled = true;
            server.kill('SIGTERM');
          }
        });
        await Promise.all(deliveries);
        expect(signalled).toBe(true);
        expect(await exited).toBe(0);
        expect(stderr).toContain('SIGTERM: finishing requests');
        expect(answered.length).toBeGreaterThanOrEqual(BODIES / 3);

        const unapplied = await queryDatabase<{ n: number | string }>(
          scratch,
          'SELECT COUNT(*) AS n FROM raw_events WHERE processed_at IS NULL',
        );
        expect(Number(unapplied[0].n)).toBe(0);
        const stored = await queryDatabase<{ wamid: string }>(
          scratch,
          "SELECT wamid FROM messages WHERE wamid LIKE 'wamid.shutdown-%'",
        );
        const storedWamids = new Set(stored.map((row) => row.wamid));
        expect(answered.filter((wamid) => !storedWamids.has(wamid))).toEqual([]);

        const lines = stdout
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Record<string, any>);
        const access = lines.find((line) => line.requestId === 'shutdown-test-1');
        expect(access).toMatchObject({
          msg: 'request completed',
          req: { method: 'POST', path: '/graphql' },
          res: { status: 200 },
        });
        expect(typeof access!.durationMs).toBe('number');
        expect(lines.some((line) => line.req?.path === '/webhooks/whatsapp')).toBe(false);
      } finally {
        if (server.exitCode === null) server.kill('SIGKILL');
      }
    }, 180_000);
  });
});
