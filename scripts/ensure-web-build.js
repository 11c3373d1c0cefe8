#!/usr/bin/env node
'use strict';
/*
 * Builds the web app (web/ → web/dist/) when its sources changed since the last build, and does
 * nothing otherwise, so that `npm start` builds it on a fresh clone and a restart does not wait.
 *
 *   node scripts/ensure-web-build.js          build only when the sources' hash changed
 *   node scripts/ensure-web-build.js --force  build now (npm run build:web)
 *
 * The hash covers every file under web/src (except the generated web/src/gql), web's index.html,
 * vite, codegen and tsconfig files, schema.gql (the generated types come from it) and
 * package-lock.json (the libraries bundled); it is kept in web/dist/.build-hash. A build runs
 * GraphQL Code Generator (typed documents from schema.gql), then Vite.
 */
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const WEB = join(ROOT, 'web');
const STAMP = join(WEB, 'dist', '.build-hash');
const GENERATED = join(WEB, 'src', 'gql');
const INPUTS = [
  join(WEB, 'src'),
  join(WEB, 'index.html'),
  join(WEB, 'vite.config.ts'),
  join(WEB, 'codegen.ts'),
  join(WEB, 'tsconfig.json'),
  join(ROOT, 'schema.gql'),
  join(ROOT, 'package-lock.json'),
];

function files(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined || path === GENERATED) return [];
  if (!stat.isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files)) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function run(command, args) {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', command), ...args], {
    cwd: WEB,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.stderr.write(`the web app's build failed (${command})\n`);
    process.exit(result.status ?? 1);
  }
}

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(
    'usage: node scripts/ensure-web-build.js [--force]\n' +
      '  builds the web app (web/ into web/dist/) when its sources changed since the last build\n',
  );
  process.exit(0);
}
const force = process.argv.includes('--force');
const hash = sourceHash();
if (!force && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === hash) process.exit(0);
if (!existsSync(join(ROOT, 'node_modules', 'vite'))) {
  process.stderr.write(
    'the web app is not built: its build tools are not installed (run npm install)\n',
  );
  process.exit(0);
}
process.stderr.write('Building the web app (web/ → web/dist/)…\n');
run('@graphql-codegen/cli/cjs/bin.js', ['--config', 'codegen.ts', '--silent']);
run('vite/bin/vite.js', ['build', '--logLevel', 'warn']);
writeFileSync(STAMP, `${hash}\n`);
