import { InitialSchema1764086400000 } from './1764086400000-initial-schema';

/** Every migration, oldest first; start-up runs the pending ones. */
export const MIGRATIONS = [InitialSchema1764086400000];
