/** The command was called wrong (option, argument, file): exit 2 with the message and the usage. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}
