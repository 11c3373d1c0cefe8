import { IMPORT_PROBLEMS_KEPT, toImportJobResult } from '../import-job-result.util';

describe('toImportJobResult', () => {
  it('keeps the counts, counts lines with problems once, and lists problems by line', () => {
    const result = toImportJobResult({
      format: 'csv',
      linesRead: 10,
      stored: 6,
      duplicates: 0,
      rejected: [
        { line: 8, message: 'templateName too long' },
        { line: 3, message: 'unterminated quote' },
        { line: 8, message: 'bad sent_at' },
      ],
      messagesChanged: 6,
      repricedMessages: 9,
    });
    expect(result).toEqual({
      format: 'csv',
      linesRead: 10,
      stored: 6,
      duplicates: 0,
      rejectedLines: 2,
      messagesChanged: 6,
      repricedMessages: 9,
      problemCount: 3,
      problems: [
        { line: 3, message: 'unterminated quote' },
        { line: 8, message: 'templateName too long' },
        { line: 8, message: 'bad sent_at' },
      ],
    });
  });

  it('keeps the first 100 problems and counts them all', () => {
    const rejected = Array.from({ length: 250 }, (_, index) => ({
      line: 250 - index,
      message: `problem ${250 - index}`,
    }));
    const result = toImportJobResult({
      format: 'jsonl',
      linesRead: 250,
      stored: 0,
      duplicates: 0,
      rejected,
      messagesChanged: 0,
      repricedMessages: 0,
    });
    expect(result.problemCount).toBe(250);
    expect(result.rejectedLines).toBe(250);
    expect(result.problems).toHaveLength(IMPORT_PROBLEMS_KEPT);
    expect(result.problems[0]).toEqual({ line: 1, message: 'problem 1' });
    expect(result.problems.at(-1)).toEqual({ line: 100, message: 'problem 100' });
  });
});
