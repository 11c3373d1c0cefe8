import { describeDatabase, startupBanner } from '../startup-banner.util';

const SQLITE = {
  databaseKind: 'sqlite' as const,
  databaseUrl: null,
  sqliteFile: '/srv/billing/data/billing.sqlite',
  appSecret: 'secret',
};

describe('startupBanner', () => {
  it('says where the service listens, where the web page and GraphQL are, and which database', () => {
    const banner = startupBanner({ config: SQLITE, port: 3000, generatedAdminKey: null });
    expect(banner.stdout).toBe(
      [
        'Billing service listening on http://localhost:3000 (port 3000, all interfaces)',
        '  Web page   http://localhost:3000/',
        '  GraphQL    http://localhost:3000/graphql  (send "Authorization: Bearer <API key>")',
        '  Webhooks   http://localhost:3000/webhooks/whatsapp',
        '  Health     http://localhost:3000/health',
        '  Database   SQLite /srv/billing/data/billing.sqlite',
        '',
      ].join('\n'),
    );
    expect(banner.stderr).toBe('');
  });

  it('shows a generated admin key on a line of its own', () => {
    const banner = startupBanner({ config: SQLITE, port: 8080, generatedAdminKey: 'wbk_abc' });
    expect(banner.stdout.split('\n').slice(-3)).toEqual([
      'No API key existed, so an ADMIN key was generated. It is shown only this once (only its hash is stored):',
      '  wbk_abc',
      '',
    ]);
  });

  it('warns on stderr when webhook signatures are not checked', () => {
    const banner = startupBanner({
      config: { ...SQLITE, appSecret: null },
      port: 3000,
      generatedAdminKey: null,
    });
    expect(banner.stderr).toMatch(
      /^Warning: WHATSAPP_APP_SECRET is not set, so webhook signatures are not checked and unsigned webhooks are accepted/,
    );
  });
});

describe('describeDatabase', () => {
  const postgres = (databaseUrl: string) =>
    describeDatabase({ databaseKind: 'postgres', databaseUrl, sqliteFile: '/unused' });

  it('names host, database and user of PostgreSQL, never the password', () => {
    const text = postgres(
      'postgres://billing:s3cr%40t@db.internal:5433/billing_prod?sslmode=require',
    );
    expect(text).toBe('PostgreSQL database billing_prod on db.internal:5433 as billing');
    expect(text).not.toContain('s3cr');
    expect(postgres('postgresql://127.0.0.1/test')).toBe('PostgreSQL database test on 127.0.0.1');
    expect(postgres('postgres:///billing?host=/var/run/postgresql&password=x')).toBe(
      'PostgreSQL database billing on the local socket',
    );
  });

  it('names the SQLite file', () => {
    expect(describeDatabase(SQLITE)).toBe('SQLite /srv/billing/data/billing.sqlite');
  });
});
