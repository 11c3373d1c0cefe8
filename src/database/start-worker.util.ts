import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread from the module `name` in `directory`: the compiled `name.js` when it
 * exists. Under ts-jest only TypeScript sources exist: the thread then compiles them as it
 * requires them (TypeScript is a development dependency, present wherever tests run).
 */
export function startWorker(directory: string, name: string, options: WorkerOptions): Worker {
  const compiled = join(directory, `${name}.js`);
  if (existsSync(compiled)) return new Worker(compiled, options);
  return new Worker(typescriptEntry(join(directory, `${name}.ts`)), { ...options, eval: true });
}

/**
 * Script text that requires the TypeScript module `source`, compiling it and every TypeScript
 * module it requires on the way (for threads and processes started under ts-jest).
 */
export function typescriptEntry(source: string): string {
  return `
const { readFileSync } = require('node:fs');
const typescript = require('typescript');
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = typescript.transpileModule(readFileSync(filename, 'utf8'), {
    compilerOptions: { module: typescript.ModuleKind.CommonJS, target: typescript.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};
require(${JSON.stringify(source)});`;
}
