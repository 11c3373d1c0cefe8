import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface RunningService {
  url: string;
  adminKey: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The built service (dist/src/main.js, serving web/dist) on a scratch SQLite database and a free
 * port, with the demo month loaded through its webhooks.
 */
export async function startSeededService(month: string): Promise<RunningService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'billing-e2e-'));
  const adminKey = 'e2e-admin-key-0123456789abcdef';
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: '0',
      BOOTSTRAP_API_KEY: adminKey,
      SCHEDULER: 'off',
      LOG_LEVEL: 'warn',
      WHATSAPP_APP_SECRET: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await listeningUrl(child);
  const demo = spawnSync(
    process.execPath,
    [
      join(ROOT, 'dist', 'src', 'cli', 'demo.cli.js'),
      '--url',
      url,
      '--key',
      adminKey,
      '--month',
      month,
      '--quiet',
    ],
    { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' },
  );
  if (demo.status !== 0) throw new Error(`the demo month failed to load: ${demo.stderr}`);
  return {
    url,
    adminKey,
    dataDir,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`the service did not start:\n${output}`)),
      60_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the service exited (${code}):\n${output}`)));
  });
}
