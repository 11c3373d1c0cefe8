import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Scripts that hand their arguments to a tool with its own --help (tsc, jest, vitest, eslint,
 * prettier, GraphQL Code Generator).
 */
const TOOL_WRAPPERS = new Set([
  'prepare',
  'test',
  'test:web',
  'test:e2e',
  'lint',
  'format',
  'typecheck',
  'codegen:web',
]);

const scripts = Object.keys(
  (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts,
).filter((name) => !name.startsWith('pre') && !TOOL_WRAPPERS.has(name));

/** The compiled commands as a person runs them: npm, its pre-script, node. */
describe('npm scripts', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'npm-scripts-'));
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ensure-build.js')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(build.status).toBe(0);
  }, 180_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function npm(args: string[]) {
    const result = spawnSync('npm', args, {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('covers the commands of package.json', () => {
    expect(scripts.sort()).toEqual([
      'analytics:import',
      'bench',
      'build',
      'build:web',
      'db:pending',
      'demo',
      'events',
      'import',
      'rates:coverage',
      'rates:import',
      'report',
      'schema:check',
      'simulate',
      'start',
    ]);
  });

  it.each(scripts)(
    'npm run %s -- --help prints its usage, exit 0',
    (script) => {
      const result = npm(['run', script, '--', '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/\nusage: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
    60_000,
  );

  it.each([
    [['run', 'rates:import', '--', '--bogus'], 'rates:import: unknown option --bogus'],
    [
      [
        'run',
        'rates:import',
        '--',
        '--name',
        'x',
        '--currency',
        'USD',
        '--effective',
        '2026-10-01',
        '/nonexistent.csv',
      ],
      'rates:import: no such file: /nonexistent.csv',
    ],
    [['run', 'import', '--', tmpdir()], `import: ${tmpdir()} is a directory, not a file`],
    [['run', 'report', '--', '--help-me'], 'report: unknown option --help-me'],
    [['start', '--', '--port', '80'], 'start: unknown option --port'],
  ])(
    'npm %j: one line, the usage, exit 2, no stack trace',
    (args, message) => {
      const result = npm(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${message}\nusage: `);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
    60_000,
  );
});
