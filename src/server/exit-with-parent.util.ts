export interface ParentWatch {
  stop(): void;
}

/**
 * Calls `onGone` once when the process that started this one ends (this process is then handed
 * to another parent, usually init): `npm start` runs the server under `sh -c`, and a SIGTERM to
 * npm ends npm and the shell but not node. Polls the parent process id; the timer never keeps
 * the process alive.
 */
export function exitWithParent(
  onGone: () => void,
  options: { intervalMs?: number; parentId?: () => number } = {},
): ParentWatch {
  const parentId = options.parentId ?? (() => process.ppid);
  const original = parentId();
  const timer = setInterval(() => {
    if (parentId() === original) return;
    clearInterval(timer);
    onGone();
  }, options.intervalMs ?? 500);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
