/** The service refused what the demo sent it: `status` is the HTTP status when there was one. */
export class DemoLoadError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'DemoLoadError';
  }
}
