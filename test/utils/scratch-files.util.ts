import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A directory for the files a suite writes (import files), made before its tests and removed
 * after them; `path(name)` names a file in it.
 */
export function useScratchDirectory(prefix: string): { path(name: string): string } {
  let directory: string | null = null;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    if (directory !== null) rmSync(directory, { recursive: true, force: true });
  });
  return {
    path(name) {
      if (directory === null) throw new Error('the scratch directory exists only during the suite');
      return join(directory, name);
    },
  };
}
