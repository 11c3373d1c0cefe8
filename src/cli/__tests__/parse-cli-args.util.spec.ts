import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliUsageError } from '../cli-usage.error';
import { parseCliArgs, requireReadableFile } from '../parse-cli-args.util';

describe('parseCliArgs', () => {
  const options = { name: { type: 'string' }, quiet: { type: 'boolean', short: 'q' } } as const;
  const files = { min: 1, max: 2, names: 'FILE' };

  function usageError(argv: string[]): string {
    try {
      parseCliArgs(argv, options, files);
    } catch (error) {
      expect(error).toBeInstanceOf(CliUsageError);
      return (error as Error).message;
    }
    throw new Error('expected a usage error');
  }

  it('reads options and positionals, with -- before a name that starts with a dash', () => {
    expect(parseCliArgs(['--name', 'x', '-q', 'a.csv', '--', '-b.csv'], options, files)).toEqual({
      values: { name: 'x', quiet: true },
      positionals: ['a.csv', '-b.csv'],
    });
  });

  it('turns node:util errors into one line naming the option', () => {
    expect(usageError(['--bogus', 'a'])).toBe('unknown option --bogus');
    expect(usageError(['-x', 'a'])).toBe('unknown option -x');
    expect(usageError(['a', '--name'])).toBe('option --name needs a value');
    expect(usageError(['--quiet=yes', 'a'])).toBe('option --quiet takes no value');
  });

  it('counts the positional arguments', () => {
    expect(usageError([])).toBe('missing FILE');
    expect(usageError(['a', 'b', 'c', 'd'])).toBe('unexpected arguments "c" "d"');
  });
});

describe('requireReadableFile', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'cli-args-'));
    writeFileSync(join(directory, 'present.csv'), 'x');
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('accepts a file and refuses a missing path or a directory with a usage error', () => {
    expect(requireReadableFile(join(directory, 'present.csv'))).toBe(
      join(directory, 'present.csv'),
    );
    expect(() => requireReadableFile(join(directory, 'absent.csv'))).toThrow(
      new CliUsageError(`no such file: ${join(directory, 'absent.csv')}`),
    );
    expect(() => requireReadableFile(directory)).toThrow(
      new CliUsageError(`${directory} is a directory, not a file`),
    );
  });
});
