import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** The process ids under `pid` (Linux /proc), the npm → sh → node chain of `npm start`. */
function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // "pid (comm) state ppid …": comm may hold spaces and parentheses.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return state.slice(state.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(condition: () => boolean | Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Started {
  npm: ChildProcess;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<void>;
}

/** `npm start` as a person runs it, on a scratch DATA_DIR and a port the system chooses. */
async function npmStart(dataDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  };
  for (const name of ['DATABASE_URL', 'WHATSAPP_APP_SECRET', 'BOOTSTRAP_API_KEY']) delete env[name];
  const npm = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  npm.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  npm.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
  // The banner ends with the database line (and the key lines on a first start).
  await waitFor(
    () => /\n {2}Database {3}.*\n/.test(stdout),
    90_000,
    `the banner:\n${stdout}\n${stderr}`,
  );
  const port = Number(/listening on http:\/\/localhost:(\d+)/.exec(stdout)![1]);
  return { npm, port, stdout: () => stdout, stderr: () => stderr, exited };
}

async function stopWithSigterm(started: Started): Promise<number[]> {
  const chain = descendantsOf(started.npm.pid!);
  started.npm.kill('SIGTERM');
  try {
    await started.exited;
    await waitFor(() => chain.every((pid) => !alive(pid)), 20_000, 'the server to end');
    await waitFor(async () => !(await portOpen(started.port)), 5_000, 'the port to close');
  } catch (error) {
    // A failed test leaves no server behind (nor a pipe that keeps Jest waiting).
    for (const pid of chain.filter(alive)) process.kill(pid, 'SIGKILL');
    throw error;
  }
  return chain;
}

(process.platform === 'linux' ? describe : describe.skip)('npm start', () => {
  let scratch: string;
  let dataDir: string;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'npm-start-'));
    // Not created yet, as ./data on a fresh clone.
    dataDir = join(scratch, 'data');
    // Compile now, so that both starts below find dist/ up to date.
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ensure-build.js')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(build.status).toBe(0);
  }, 180_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  let adminKey: string;

  it('tells a person where it listens and its database, prints a generated key once outside the log, and stops with npm', async () => {
    const started = await npmStart(dataDir);
    await waitFor(() => /\n {2}wbk_\S+\n/.test(started.stdout()), 5_000, 'the key');
    adminKey = /\n {2}(wbk_\S+)\n/.exec(started.stdout())![1];
    const stdout = started.stdout();
    expect(stdout).toContain(`  Web page   http://localhost:${started.port}/\n`);
    expect(stdout).toContain(`  GraphQL    http://localhost:${started.port}/graphql`);
    expect(stdout).toContain(`  Database   SQLite ${join(dataDir, 'billing.sqlite')}\n`);
    expect(stdout.split(adminKey).length - 1).toBe(1);
    const logRecords = stdout.split('\n').filter((line) => line.startsWith('{'));
    expect(logRecords.length).toBeGreaterThan(5);
    expect(logRecords.some((line) => line.includes(adminKey))).toBe(false);
    expect(started.stderr()).toContain('Warning: WHATSAPP_APP_SECRET is not set');
    expect(started.stderr()).not.toContain(adminKey);

    const chain = await stopWithSigterm(started);
    // npm, the shell it runs the script in, and node.
    expect(chain.length).toBeGreaterThanOrEqual(2);
  }, 150_000);

  it('starts again without compiling or a new key; the first key still works', async () => {
    const started = await npmStart(dataDir);
    expect(started.stderr()).not.toContain('Compiling TypeScript');
    expect(started.stdout()).not.toContain('admin key was generated');
    const response = await fetch(`http://127.0.0.1:${started.port}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminKey}` },
      body: JSON.stringify({ query: '{ apiKeys { name role } }' }),
    });
    expect(await response.json()).toEqual({
      data: { apiKeys: [{ name: 'initial admin', role: 'ADMIN' }] },
    });
    await stopWithSigterm(started);
  }, 150_000);
});
