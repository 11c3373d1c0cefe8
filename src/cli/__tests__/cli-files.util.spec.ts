import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unreadableFile } from '../cli-files.util';

describe('unreadableFile', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'cli-files-'));
  });
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('says in one line why a path cannot be read: missing, a directory, too large', () => {
    const missing = join(directory, 'missing.csv');
    expect(unreadableFile(missing, 100)).toBe(`cannot read ${missing}: no such file`);
    expect(unreadableFile(directory, 100)).toBe(`cannot read ${directory}: not a file`);
    const large = join(directory, 'large.csv');
    writeFileSync(large, 'x'.repeat(101));
    expect(unreadableFile(large, 100)).toBe(
      `cannot read ${large}: it has 101 bytes, more than the 100 accepted`,
    );
  });

  it('accepts a file within the size', () => {
    const small = join(directory, 'small.csv');
    writeFileSync(small, 'x'.repeat(100));
    expect(unreadableFile(small, 100)).toBeNull();
  });
});
