import type { AppConfig } from '../config/app-config';

export interface StartupFacts {
  config: Pick<AppConfig, 'databaseKind' | 'databaseUrl' | 'sqliteFile' | 'appSecret'>;
  /** The port the server listens on (the one the system chose when PORT is 0). */
  port: number;
  /** The admin key generated at this start, shown here once; null when keys existed. */
  generatedAdminKey: string | null;
}

/**
 * What `npm start` tells a person once it listens, as plain lines (the log is JSON): where to
 * go (stdout), and what is unsafe about the configuration (stderr).
 */
export function startupBanner(facts: StartupFacts): { stdout: string; stderr: string } {
  const base = `http://localhost:${facts.port}`;
  const lines = [
    `Billing service listening on ${base} (port ${facts.port}, all interfaces)`,
    `  Web page   ${base}/`,
    `  GraphQL    ${base}/graphql  (send "Authorization: Bearer <API key>")`,
    `  Webhooks   ${base}/webhooks/whatsapp`,
    `  Health     ${base}/health`,
    `  Database   ${describeDatabase(facts.config)}`,
  ];
  if (facts.generatedAdminKey !== null)
    lines.push(...generatedAdminKeyLines(facts.generatedAdminKey));
  const warnings: string[] = [];
  if (facts.config.appSecret === null) {
    warnings.push(
      'Warning: WHATSAPP_APP_SECRET is not set, so webhook signatures are not checked and unsigned webhooks are accepted. Set it to your Meta app secret.',
    );
  }
  return {
    stdout: `${lines.join('\n')}\n`,
    stderr: warnings.length > 0 ? `${warnings.join('\n')}\n` : '',
  };
}

/** The store in use, for people: the SQLite file, or PostgreSQL's host, database and user (never the password). */
export function describeDatabase(
  config: Pick<AppConfig, 'databaseKind' | 'databaseUrl' | 'sqliteFile'>,
): string {
  if (config.databaseKind === 'sqlite' || config.databaseUrl === null) {
    return `SQLite ${config.sqliteFile}`;
  }
  let url: URL;
  try {
    url = new URL(config.databaseUrl);
  } catch {
    return 'PostgreSQL (DATABASE_URL is not a URL this page can read)';
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(the user’s default)';
  const host = url.hostname === '' ? 'the local socket' : url.host;
  const user = url.username === '' ? '' : ` as ${decodeURIComponent(url.username)}`;
  return `PostgreSQL database ${database} on ${host}${user}`;
}

/** The only lines that ever show a generated admin key. */
export function generatedAdminKeyLines(secret: string): string[] {
  return [
    'No API key existed, so an ADMIN key was generated. It is shown only this once (only its hash is stored):',
    `  ${secret}`,
  ];
}
