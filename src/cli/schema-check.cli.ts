import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAppConfig } from '../config/app-config';
import type { CliCommand, CliIo } from './cli-command.types';
import { CLI_EXIT } from './cli-exit.constant';
import { CliConsoleLogger } from './cli-console.logger';
import { parseCliArgs, requireReadableFile } from './parse-cli-args.util';
import { runCli } from './run-cli.util';

/** What @nestjs/graphql writes above the schema in schema.gql. */
const HEADER =
  '# ------------------------------------------------------\n# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)\n# ------------------------------------------------------\n\n';

export const schemaCheckCommand: CliCommand = {
  name: 'schema:check',
  synopsis: 'usage: npm run schema:check -- [FILE]',
  help: `Checks that the committed GraphQL schema (FILE, default schema.gql in the current directory)
is the one the code builds: exit 0 when it is, 1 with the first difference when it is not.

  FILE        the schema file to compare (default ./schema.gql)
  --help, -h  this help

The service writes schema.gql when it starts outside production (npm start, npm test): run one
of them and commit the file. The check builds the schema in memory, on a scratch SQLite file.`,
  run: runSchemaCheck,
};

async function runSchemaCheck(io: CliIo): Promise<number> {
  const { positionals } = parseCliArgs(io.argv, {}, { min: 0, max: 1, names: '' });
  const file = requireReadableFile(positionals[0] ?? join(process.cwd(), 'schema.gql'));
  const committed = readFileSync(file, 'utf8');
  const built = await buildSchemaText(io);
  if (built === committed) {
    io.stdout.write(`${file} is up to date\n`);
    return CLI_EXIT.OK;
  }
  const committedLines = committed.split('\n');
  const builtLines = built.split('\n');
  let line = 0;
  while (line < builtLines.length && committedLines[line] === builtLines[line]) line += 1;
  io.stderr.write(
    `schema:check: ${file} differs from the schema the code builds, first at line ${line + 1}:\n` +
      `  committed: ${committedLines[line] ?? '(end of file)'}\n` +
      `  built:     ${builtLines[line] ?? '(end of file)'}\n` +
      'Start the service once outside production (npm start or npm test rewrites it) and commit schema.gql.\n',
  );
  return CLI_EXIT.REJECTED;
}

/** The schema as @nestjs/graphql writes it (sorted, with its header), built in memory. */
async function buildSchemaText(io: CliIo): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'schema-check-'));
  try {
    const config = loadAppConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const { createApplication } = await import('../bootstrap');
    const { GraphQLSchemaHost } = await import('@nestjs/graphql');
    const { lexicographicSortSchema, printSchema } = await import('graphql');
    // Production keeps the schema in memory instead of writing the file being checked.
    const app = await createApplication(
      { ...config, production: true },
      { logger: new CliConsoleLogger(io.stderr, false) },
    );
    try {
      return HEADER + printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema));
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) runCli(schemaCheckCommand);
