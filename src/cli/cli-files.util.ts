import { statSync } from 'node:fs';

/**
 * Why a command cannot read `path` as an input file, in one line (missing, not a file, larger
 * than `maxBytes`), or null when it can.
 */
export function unreadableFile(path: string, maxBytes: number): string | null {
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return `cannot read ${path}: not a file`;
    if (stats.size > maxBytes) {
      return `cannot read ${path}: it has ${stats.size} bytes, more than the ${maxBytes} accepted`;
    }
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error);
    return `cannot read ${path}: ${reason}`;
  }
}
