const APP_VERSION_PATTERN = /^\d{1,6}(\.\d{1,6}){1,3}$/;

/** Parses "2.24.17" (2 to 4 numeric segments) into numbers; null when malformed. */
export function parseAppVersion(version: string): number[] | null {
  return APP_VERSION_PATTERN.test(version) ? version.split('.').map(Number) : null;
}

/** Negative, zero or positive like a sort comparator; missing segments count as 0. */
export function compareAppVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
