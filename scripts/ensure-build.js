#!/usr/bin/env node
'use strict';
/*
 * Compiles the TypeScript (tsconfig.build.json) into dist/ when a source changed since the last
 * build, and does nothing otherwise: every npm command runs it first, so a command never starts
 * on stale code and never waits for a compiler that has nothing to do.
 *
 *   node scripts/ensure-build.js          build only when dist/ is older than a source
 *   node scripts/ensure-build.js --force  build now (npm run build)
 *
 * "Older" compares modification times: every file and folder under src/, migrations/ and bench/
 * (a folder's time changes when a file is added, removed or renamed in it) and the tsconfig files,
 * against dist/.build-stamp, which is given the time the last successful build started (a file
 * saved during a build is newer, so the next command builds again). Plain JavaScript: it runs
 * before anything is compiled.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const SOURCES = ['src', 'migrations', 'bench', 'tsconfig.json', 'tsconfig.build.json'];
const STAMP = join(ROOT, 'dist', '.build-stamp');
const ENTRY = join(ROOT, 'dist', 'src', 'main.js');

function newestModification(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  let newest = stat.mtimeMs;
  if (stat.isDirectory()) {
    for (const name of readdirSync(path))
      newest = Math.max(newest, newestModification(join(path, name)));
  }
  return newest;
}

function upToDate() {
  const stamp = statSync(STAMP, { throwIfNoEntry: false });
  if (stamp === undefined || !existsSync(ENTRY)) return false;
  const newest = Math.max(...SOURCES.map((source) => newestModification(join(ROOT, source))));
  return newest <= stamp.mtimeMs;
}

function typescriptCompiler() {
  try {
    return require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  } catch {
    return null;
  }
}

function main() {
  const force = process.argv.includes('--force');
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(
      'usage: node scripts/ensure-build.js [--force]\n' +
        '  compiles src/, migrations/ and bench/ into dist/ when one changed since the last build\n',
    );
    return 0;
  }
  if (!force && upToDate()) return 0;
  const tsc = typescriptCompiler();
  if (tsc === null) {
    if (existsSync(ENTRY)) {
      process.stderr.write('TypeScript is not installed: using the existing dist/ as it is\n');
      return 0;
    }
    process.stderr.write(
      'TypeScript is not installed and dist/ is missing: run npm install (with the dev dependencies) to build it\n',
    );
    return 3;
  }
  const started = new Date();
  const reason = force
    ? ''
    : existsSync(STAMP)
      ? ' (sources changed since the last build)'
      : ' (first build)';
  process.stderr.write(`Compiling TypeScript${reason}…\n`);
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.stderr.write('The TypeScript build failed (errors above)\n');
    return result.status ?? 3;
  }
  writeFileSync(STAMP, `${started.toISOString()}\n`);
  utimesSync(STAMP, started, started);
  return 0;
}

process.exitCode = main();
