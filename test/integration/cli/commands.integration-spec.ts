import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliCommand } from '../../../src/cli/cli-command.types';
import { importCommand } from '../../../src/cli/import.cli';
import { ratesImportCommand } from '../../../src/cli/rates-import.cli';
import { reportCommand } from '../../../src/cli/report.cli';
import { executeCli } from '../../../src/cli/run-cli.util';
import { schemaCheckCommand } from '../../../src/cli/schema-check.cli';
import { simulateCommand } from '../../../src/cli/simulate.cli';
import { capturedIo } from '../../utils/captured-cli-io.util';
import { createScratchDatabase, type ScratchDatabase } from '../../utils/scratch-database.util';
import { useScratchDirectory } from '../../utils/scratch-files.util';
import { describeEachDatabase } from '../../utils/test-app.util';
import { inbound, PHONE, status, WABA } from '../../utils/webhook.util';

const COMMANDS: CliCommand[] = [importCommand, ratesImportCommand, reportCommand, simulateCommand];

/** Lines of a stack trace, which no command prints unless LOG_LEVEL asks. */
const STACK_LINE = /\n\s+at /;

describeEachDatabase('command-line tools: help, exit codes, problems, progress', (kind) => {
  const files = useScratchDirectory('cli-commands-');
  let scratch: ScratchDatabase;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    scratch = await createScratchDatabase(kind);
    env = {
      DATA_DIR: scratch.config.dataDir,
      LOG_LEVEL: 'silent',
      ...(scratch.config.databaseUrl ? { DATABASE_URL: scratch.config.databaseUrl } : {}),
    };
  });
  afterAll(() => scratch.dispose());

  async function run(command: CliCommand, argv: string[], extraEnv: NodeJS.ProcessEnv = {}) {
    const io = capturedIo(argv, { ...env, ...extraEnv });
    const code = await executeCli(command, io);
    return { code, stdout: io.stdout.text, stderr: io.stderr.text };
  }

  function file(name: string, lines: string[]): string {
    const path = files.path(name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  }

  it('answers --help with its usage and the exit codes, exit 0', async () => {
    for (const command of COMMANDS) {
      const result = await run(command, ['--help']);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout.startsWith(`usage: npm run ${command.name} -- `)).toBe(true);
      expect(result.stdout).toContain('Exit codes:');
    }
  });

  it('refuses an unknown option, a missing file and a directory in one line plus the usage, exit 2', async () => {
    const missing = files.path('absent.csv');
    const directory = files.path('');
    const calls: [CliCommand, string[], string][] = [
      [importCommand, ['--bogus', 'x.jsonl'], 'import: unknown option --bogus'],
      [importCommand, [missing], `import: no such file: ${missing}`],
      [importCommand, [], 'import: missing FILE (the file to import)'],
      [ratesImportCommand, ['--help-me'], 'rates:import: unknown option --help-me'],
      [
        ratesImportCommand,
        ['--name', 'x', '--currency', 'USD', '--effective', '2026-10-01', missing],
        `rates:import: no such file: ${missing}`,
      ],
      [
        ratesImportCommand,
        ['--name', 'x', '--currency', 'USD', '--effective', '2026-10-01', directory],
        `rates:import: ${directory} is a directory, not a file`,
      ],
      [ratesImportCommand, [missing], 'rates:import: missing --name, --currency, --effective'],
      [
        reportCommand,
        ['--kind', 'invoice'],
        'report: --kind must be one of statement, cost-report, messages, meta-reconciliation; got "invoice"',
      ],
      [reportCommand, ['--kind', 'statement', '--format', 'csv'], 'report: missing --out FILE'],
      [simulateCommand, ['a.json', 'b.json'], 'simulate: unexpected argument "b.json"'],
      [simulateCommand, [directory], `simulate: ${directory} is a directory, not a file`],
    ];
    for (const [command, argv, message] of calls) {
      const result = await run(command, argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')).toEqual([
        message,
        command.synopsis,
        `(npm run ${command.name} -- --help for more)`,
        '',
      ]);
    }
  });

  it('imports webhook bodies, lists each bad line with every problem, shows progress, exit 1', async () => {
    const path = file('events.jsonl', [
      JSON.stringify(inbound('wamid.cli-1', '5215512345678', '2026-11-10T09:00:00Z')),
      'not json',
      JSON.stringify(status('wamid.cli-2', '5215512345678', 'delivered', '2026-11-10T09:05:00Z')),
      JSON.stringify({ object: 'instagram', entry: [] }),
    ]);
    const result = await run(importCommand, [path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 2: the body is not JSON\n');
    expect(result.stderr).toMatch(/line 4: .*whatsapp_business_account/);
    expect(result.stderr).not.toMatch(STACK_LINE);
    // stderr is not a terminal here: whole lines, a phase's first update and its end.
    expect(result.stderr).toContain('reading: 4 lines\nread 4 lines\n');
    expect(result.stderr).toMatch(/re-rated 2026-1[01]: \d+ messages\n/);
    expect(result.stdout).toMatch(
      /^jsonl: read 4 lines, stored 2, duplicates 0, rejected 2 lines;/,
    );
  });

  it('stays quiet with --quiet and exits 0 when every line is accepted', async () => {
    const path = file('good.jsonl', [
      JSON.stringify(inbound('wamid.cli-3', '5215512345678', '2026-11-11T09:00:00Z')),
    ]);
    const result = await run(importCommand, ['--quiet', path]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^jsonl: read 1 lines, stored 1,/);
  });

  it('lists every problem of a send log line, and refuses a header it does not know', async () => {
    const header =
      'wamid,phone_number_id,to,sent_at,template_name,template_language,template_category,api';
    const path = file('sent.csv', [
      header,
      `wamid.cli-csv-1,${PHONE},+5215512345678,2026-11-12T10:00:00Z,order_update,es_MX,UTILITY,CLOUD_API`,
      `,${PHONE},12,yesterday,,,PROMO,FAX`,
      `wamid.cli-csv-3,999999,+5215512345678,2026-11-12T10:00:00Z,,,,`,
    ]);
    const result = await run(importCommand, [path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'line 3: wamid is empty; "12" is not a phone number (6 to 15 digits) nor a business-scoped user id; sentAt is not a valid instant; templateCategory must be MARKETING, UTILITY or AUTHENTICATION; got "PROMO"; api must be CLOUD_API or MM_LITE; got "FAX"\n',
    );
    expect(result.stderr).toContain('line 4: unknown phoneNumberId 999999');
    expect(result.stdout).toMatch(/^csv: read 3 lines, stored 1,.* rejected 2 lines;/);

    const badHeader = file('bad-header.csv', ['wamid,phone,to,sent', 'a,b,c,d']);
    const refused = await run(importCommand, [badHeader]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('import: IMPORT_INVALID: 3 problems:\n');
    expect(refused.stderr).toContain('  line 1: unknown column "phone"');
    expect(refused.stderr).toContain('  line 1: missing columns phone_number_id, sent_at\n');
  });

  it('refuses a rates file with every problem of every line, exit 1; imports a good one and re-rates, exit 0', async () => {
    const bad = file('rates-bad.csv', [
      'Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service',
      'Atlantis,€,abc,0.01,0.01,n/a,0.01',
      'Mexico,$US,0.0397,-1,0.0085,n/a,0.0085',
    ]);
    const args = ['--name', 'CLI test', '--currency', 'USD', '--effective', '2026-11-01'];
    const refused = await run(ratesImportCommand, [...args, bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^rates:import: RATE_CARD_INVALID: 4 problems:\n/);
    expect(refused.stderr).toMatch(/line 2: rates CSV: unknown market "Atlantis"/);
    expect(refused.stderr).toMatch(/line 2: rates CSV: currency "€" does not match expected USD/);
    expect(refused.stderr).toMatch(/line 2: rates CSV: .*abc/);
    expect(refused.stderr).toMatch(/line 3: rates CSV: .*-1/);
    expect(refused.stderr).not.toMatch(STACK_LINE);

    const good = file('rates-good.csv', [
      'Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service',
      'Mexico,$US,0.0397,0.0085,0.0085,n/a,0.0085',
    ]);
    const imported = await run(ratesImportCommand, [...args, good]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(
      /^imported "CLI test" \(USD, from 2026-11-01, 1 markets\); re-rated \d+ messages\n$/,
    );
    expect(imported.stderr).toMatch(/re-rated 2026-11: \d+ messages\n/);
  });

  it('writes a statement, and calls an unknown WABA a usage error', async () => {
    const out = files.path('statement.csv');
    const written = await run(reportCommand, [
      '--kind',
      'statement',
      '--format',
      'csv',
      '--month',
      '2026-11',
      '--waba',
      WABA,
      '--out',
      out,
    ]);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/^wrote statement csv \(\d+ rows\) to /);
    expect(existsSync(out)).toBe(true);
    const unknown = await run(reportCommand, [
      '--kind',
      'statement',
      '--format',
      'csv',
      '--month',
      '2026-11',
      '--waba',
      '404',
      '--out',
      out,
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toMatch(/^report: .*404/);
  });

  it('prints a simulation table, and lists a file that is not JSON as a problem, exit 1', async () => {
    const spec = file('plan.json', [
      JSON.stringify({
        scenarios: [
          {
            name: 'plan',
            volumes: [
              { month: '2026-12', market: 'Mexico', pricingCategory: 'MARKETING', messages: 100 },
            ],
          },
        ],
      }),
    ]);
    const priced = await run(simulateCommand, [spec]);
    expect(priced.code).toBe(0);
    expect(priced.stdout).toMatch(/plan\s+2026-12\s+Mexico\s+MARKETING\s+100\s+100/);
    const notJson = await run(simulateCommand, [file('plan.txt', ['{"scenarios": ['])]);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/^simulate: BAD_USER_INPUT: 1 problem:\n {2}.*JSON/);
  });

  it('keeps the lines before a broken quote in a send log and reports where it stopped', async () => {
    const introduce = file('introduce.jsonl', [
      JSON.stringify(inbound('wamid.cli-quote-0', '5215512345678', '2026-11-13T09:00:00Z')),
    ]);
    expect((await run(importCommand, ['--quiet', introduce])).code).toBe(0);
    const path = file('broken.csv', [
      'wamid,phone_number_id,to,sent_at',
      `wamid.cli-quote-1,${PHONE},+5215512345678,2026-11-13T10:00:00Z`,
      `"wamid.cli-quote-2,${PHONE},+5215512345678,2026-11-13T11:00:00Z`,
    ]);
    const result = await run(importCommand, [path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'line 3: a quoted field is not closed on its line (fields cannot span lines)\n',
    );
    expect(result.stdout).toMatch(/^csv: read 2 lines, stored 1,/);
  });

  it('accepts every sample file (samples/)', async () => {
    const samples = (name: string) => join(__dirname, '..', '..', '..', 'samples', name);
    // In force from December here, after the card an earlier test imported for November.
    const rates = await run(ratesImportCommand, [
      '--name',
      'Sample USD 2026-10',
      '--currency',
      'USD',
      '--effective',
      '2026-12-01',
      samples('rates-usd.csv'),
      samples('volume-tiers-usd.csv'),
    ]);
    expect(rates.stdout).toMatch(
      /^imported "Sample USD 2026-10" \(USD, from 2026-12-01, 7 markets\)/,
    );
    expect(rates.code).toBe(0);
    const webhooks = await run(importCommand, [samples('webhooks.jsonl')]);
    expect(webhooks.stdout).toMatch(
      /^jsonl: read 12 lines, stored 12, duplicates 0, rejected 0 lines;/,
    );
    expect(webhooks.code).toBe(0);
    const sends = await run(importCommand, [samples('send-log.csv')]);
    expect(sends.stdout).toMatch(/^csv: read 5 lines, stored 5, duplicates 0, rejected 0 lines;/);
    expect(sends.code).toBe(0);
    const simulation = await run(simulateCommand, [samples('simulation.json')]);
    expect(simulation.code).toBe(0);
    // The rules before 2026-10-01 left service replies and in-window utility free.
    expect(simulation.stdout).toContain(
      'the same rates under the rules before 2026-10-01: total 1377.05 USD (rounded 1377.05)  delta vs "December plan": -34\n',
    );
  });

  if (kind === 'sqlite') {
    it('checks schema.gql against the schema the code builds: 0 when equal, 1 at the first difference', async () => {
      const committed = join(__dirname, '..', '..', '..', 'schema.gql');
      const same = await run(schemaCheckCommand, [committed]);
      expect(same).toMatchObject({ code: 0, stdout: `${committed} is up to date\n` });
      const changed = file('schema.gql', [
        readFileSync(committed, 'utf8').replace('keyId: String!', 'keyId: Int!'),
      ]);
      const differs = await run(schemaCheckCommand, [changed]);
      expect(differs.code).toBe(1);
      expect(differs.stderr).toContain(
        '  committed:   keyId: Int!\n  built:       keyId: String!\n',
      );
    });

    it('fails in one line when the database cannot be reached, exit 3', async () => {
      const result = await run(simulateCommand, [files.path('plan.json')], {
        DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
      });
      expect(result.code).toBe(3);
      expect(result.stderr).toBe(
        'simulate: failed: cannot reach the database (DATABASE_URL): connect ECONNREFUSED 127.0.0.1:1\n(LOG_LEVEL=debug shows where)\n',
      );
    });
  }
});
