import { DomainError } from '../common/errors/domain.error';

/**
 * Runs a command's main function and exits with its code: a domain error prints its code,
 * message and details (with line numbers) and exits 1; anything else prints and exits 1.
 */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof DomainError) {
        process.stderr.write(`${error.code}: ${error.message}\n`);
        for (const detail of error.details) {
          const where =
            detail.line !== undefined
              ? `line ${detail.line}: `
              : detail.path
                ? `${detail.path}: `
                : '';
          process.stderr.write(`  ${where}${detail.message}\n`);
        }
      } else {
        process.stderr.write(
          `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
      }
      process.exit(1);
    },
  );
}
