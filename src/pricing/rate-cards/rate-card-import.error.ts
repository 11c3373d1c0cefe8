import type { RateCardIssue } from './rate-card.types';

/** A rate card or CSV file refused as a whole; `issues` lists every problem found. */
export class RateCardImportError extends Error {
  readonly code = 'RATE_CARD_INVALID';

  constructor(
    readonly issues: RateCardIssue[],
    subject = 'rate card',
  ) {
    super(
      `${subject} refused: ${issues
        .map((issue) => (issue.line > 0 ? `line ${issue.line}: ${issue.message}` : issue.message))
        .join('; ')}`,
    );
    this.name = 'RateCardImportError';
  }
}
