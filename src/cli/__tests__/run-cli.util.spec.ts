import { DomainError } from '../../common/errors/domain.error';
import { ConfigError } from '../../config/app-config';
import type { CliCommand } from '../cli-command.types';
import { CliUsageError } from '../cli-usage.error';
import { executeCli } from '../run-cli.util';
import { capturedIo } from '../../../test/utils/captured-cli-io.util';

function command(run: CliCommand['run']): CliCommand {
  return { name: 'thing', synopsis: 'usage: npm run thing -- FILE', help: 'Does a thing.', run };
}

describe('executeCli', () => {
  it('answers --help and -h on stdout with the usage, the help and the exit codes, without running', async () => {
    const run = jest.fn();
    for (const flag of ['--help', '-h']) {
      const io = capturedIo(['x', flag]);
      expect(await executeCli(command(run), io)).toBe(0);
      expect(io.stdout.text).toMatch(
        /^usage: npm run thing -- FILE\n\nDoes a thing\.\n\nExit codes:/,
      );
      expect(io.stdout.text).toContain('2  called wrong');
      expect(io.stderr.text).toBe('');
    }
    expect(run).not.toHaveBeenCalled();
  });

  it('runs with --help after -- as a file name', async () => {
    const io = capturedIo(['--', '--help']);
    expect(
      await executeCli(
        command(() => Promise.resolve(0)),
        io,
      ),
    ).toBe(0);
    expect(io.stdout.text).toBe('');
  });

  it('returns the code of the run', async () => {
    expect(
      await executeCli(
        command(() => Promise.resolve(1)),
        capturedIo([]),
      ),
    ).toBe(1);
  });

  it('prints a usage error as one line and the usage on stderr, exit 2', async () => {
    const io = capturedIo([]);
    const code = await executeCli(
      command(() => Promise.reject(new CliUsageError('no such file: a.csv'))),
      io,
    );
    expect(code).toBe(2);
    expect(io.stderr.text).toBe(
      'thing: no such file: a.csv\nusage: npm run thing -- FILE\n(npm run thing -- --help for more)\n',
    );
  });

  it('lists every configuration problem, exit 2', async () => {
    const io = capturedIo([]);
    const code = await executeCli(
      command(() => Promise.reject(new ConfigError(['PORT must be…', 'LOG_LEVEL must be…']))),
      io,
    );
    expect(code).toBe(2);
    expect(io.stderr.text).toBe(
      'thing: invalid configuration (environment):\n  - PORT must be…\n  - LOG_LEVEL must be…\n',
    );
  });

  it('lists every problem of a domain error with its line, exit 1', async () => {
    const io = capturedIo([]);
    const error = new DomainError('RATE_CARD_INVALID', 'refused', [
      { line: 3, message: 'unknown market "Atlantis"' },
      { line: 3, message: 'currency "€" does not match expected USD' },
      { line: 0, message: 'name is empty' },
    ]);
    expect(
      await executeCli(
        command(() => Promise.reject(error)),
        io,
      ),
    ).toBe(1);
    expect(io.stderr.text).toBe(
      'thing: RATE_CARD_INVALID: 3 problems:\n' +
        '  line 3: unknown market "Atlantis"\n' +
        '  line 3: currency "€" does not match expected USD\n' +
        '  name is empty\n',
    );
  });

  it('prints an unexpected failure in one line, exit 3; the stack only with LOG_LEVEL=debug', async () => {
    const failing = command(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5999')));
    const quiet = capturedIo([]);
    expect(await executeCli(failing, quiet)).toBe(3);
    expect(quiet.stderr.text).toBe(
      'thing: failed: connect ECONNREFUSED 127.0.0.1:5999\n(LOG_LEVEL=debug shows where)\n',
    );
    const debug = capturedIo([], { LOG_LEVEL: 'debug' });
    expect(await executeCli(failing, debug)).toBe(3);
    expect(debug.stderr.text).toMatch(/failed: connect ECONNREFUSED[^]*\n {4}at /);
  });
});
