/**
 * Exit codes shared by every command (README, "Command-line tools"):
 * 0 done, nothing rejected; 1 done, but the input had problems (listed on stderr with their
 * lines); 2 called wrong (option, file, configuration), nothing done; 3 failed on the way.
 */
export const CLI_EXIT = {
  OK: 0,
  REJECTED: 1,
  USAGE: 2,
  FAILURE: 3,
} as const;
