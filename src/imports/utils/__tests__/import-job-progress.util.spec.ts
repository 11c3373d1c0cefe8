import { importJobProgress } from '../import-job-progress.util';

describe('importJobProgress', () => {
  it('gives reading the first half, by bytes, and the re-rate the second, by months', () => {
    expect(importJobProgress({ phase: 'read', lines: 10, bytesRead: 0 }, 1000)).toBe(0);
    expect(importJobProgress({ phase: 'read', lines: 10, bytesRead: 250 }, 1000)).toBe(0.125);
    expect(importJobProgress({ phase: 'read', lines: 10, bytesRead: 1000 }, 1000)).toBe(0.5);
    expect(importJobProgress({ phase: 'rerate', month: '2026-08', share: 0.5 }, 1000)).toBe(0.75);
    expect(importJobProgress({ phase: 'rerate', month: '2026-09', share: 1 }, 1000)).toBe(1);
  });

  it('stays within its phase when the file grew or is empty', () => {
    expect(importJobProgress({ phase: 'read', lines: 1, bytesRead: 5000 }, 1000)).toBe(0.5);
    expect(importJobProgress({ phase: 'read', lines: 0, bytesRead: 0 }, 0)).toBe(0.5);
  });
});
