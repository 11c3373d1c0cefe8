import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread from the module `name` in `directory`: the compiled `name.js` when it
 * exists. Under ts-jest only `name.ts` exists; it is transpiled here, which works because a
 * worker module imports packages and types only, never another module of the project.
 */
export async function startWorker(
  directory: string,
  name: string,
  options: WorkerOptions,
): Promise<Worker> {
  const compiled = join(directory, `${name}.js`);
  if (existsSync(compiled)) return new Worker(compiled, options);
  const typescript = await import('typescript');
  const source = readFileSync(join(directory, `${name}.ts`), 'utf8');
  const { outputText } = typescript.transpileModule(source, {
    compilerOptions: {
      module: typescript.ModuleKind.CommonJS,
      target: typescript.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  return new Worker(outputText, { ...options, eval: true });
}
