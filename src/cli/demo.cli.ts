import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadAppConfig, type AppConfig } from '../config/app-config';
import {
  buildDemoMonth,
  DEMO_FIRST_MONTH,
  DEMO_WABA_ID,
  previousMonth,
} from '../demo/build-demo-month.util';
import { DemoLoadError } from '../demo/demo-load.error';
import {
  DEMO_STATEMENT_QUERY,
  formatDemoStatement,
  type DemoStatement,
} from '../demo/format-demo-statement.util';
import { DemoClient, loadDemoMonth, type DemoTarget } from '../demo/load-demo-month.util';
import { describeDatabase, generatedAdminKeyLines } from '../server/startup-banner.util';
import type { CliCommand, CliIo } from './cli-command.types';
import { CLI_EXIT } from './cli-exit.constant';
import { CliConsoleLogger } from './cli-console.logger';
import { CliUsageError } from './cli-usage.error';
import { openCliApplication } from './open-cli-application.util';
import { parseCliArgs } from './parse-cli-args.util';
import { ProgressLine } from './progress-line.util';
import { runCli } from './run-cli.util';

export const demoCommand: CliCommand = {
  name: 'demo',
  synopsis: 'usage: npm run demo -- [--month YYYY-MM] [--url URL --key KEY] [--quiet]',
  help: `Loads a month of realistic traffic for two coexistence numbers of WABA ${DEMO_WABA_ID}
through the real webhook path, then prints the month's statement.

  --month YYYY-MM  the month to fill (default: the calendar month before today's, UTC;
                   ${DEMO_FIRST_MONTH} or later)
  --url URL        a running service to send it to (default: the one this configuration
                   runs on http://127.0.0.1:PORT if it answers, else one started here)
  --key KEY        an OPERATOR or ADMIN API key of that service (needed with --url)
  --quiet, -q      no progress on stderr
  --help, -h       this help

What it sends: the WABA (New York time, USD, primary business country US, authentication-
international from the 16th in India and since June in Indonesia) and its two numbers through
GraphQL; the send log through recordSentMessages; then about 10,000 webhook bodies as Meta posts
them, signed with WHATSAPP_APP_SECRET when set: customer chats answered from the Cloud API and
the Business app (smb_message_echoes), click-to-WhatsApp referrals and their free entry point
windows, utility templates in and out of the service window, marketing campaigns, one-time
passwords at home, in India and Indonesia, failed, late and pending deliveries, and the chat
history (history) the Mexican number imports when it joins coexistence on the 3rd. The same
month gives the same traffic: running it again changes nothing.

Without --url and with no service answering, it starts the service in this process on a free
local port, with the same database (DATABASE_URL, else SQLite in DATA_DIR), and stops it at the
end. With a local service answering, it issues itself an OPERATOR key in the same database,
revoked at the end.`,
  run: runDemo,
};

interface DemoSession {
  target: DemoTarget;
  /** "the service at …" for the summary. */
  where: string;
  /** True when the demo started the service itself (npm start is then the next step). */
  ownService: boolean;
  close(): Promise<void>;
}

async function runDemo(io: CliIo): Promise<number> {
  const { values } = parseCliArgs(
    io.argv,
    {
      month: { type: 'string' },
      url: { type: 'string' },
      key: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
    { min: 0, max: 0, names: '' },
  );
  const month = values.month ?? previousMonth(new Date());
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw new CliUsageError(`--month must be YYYY-MM; got "${month}"`);
  }
  if (month < DEMO_FIRST_MONTH) {
    throw new CliUsageError(
      `--month must be ${DEMO_FIRST_MONTH} or later (the demo shows the rules in force from 2026-10-01); got ${month}`,
    );
  }
  if (values.url !== undefined && values.key === undefined) {
    throw new CliUsageError('--url needs --key (an OPERATOR or ADMIN API key of that service)');
  }
  if (values.url !== undefined && !/^https?:\/\//.test(values.url)) {
    throw new CliUsageError(`--url must start with http:// or https://; got "${values.url}"`);
  }
  const config = loadAppConfig(io.env);
  const progress = new ProgressLine(io.stderr, { enabled: values.quiet !== true });
  const demo = buildDemoMonth(month);
  const started = Date.now();
  const session = await openSession(io, config, values.url, values.key);
  try {
    const result = await loadDemoMonth(session.target, demo, (event) => {
      if (event.phase === 'webhooks') {
        const text = `${count(event.posted)} of ${count(event.total)} webhook bodies`;
        if (event.posted === event.total) progress.done(`posted ${text}`);
        else progress.update(`posting ${text}`);
      } else if (event.waiting > 0) {
        progress.update(`applying: ${count(event.waiting)} bodies waiting`);
      } else {
        progress.done('applied and charged');
      }
    });
    progress.interrupt();
    const client = new DemoClient(session.target);
    const { monthlyStatement } = await client
      .graphql<{ monthlyStatement: DemoStatement }>(DEMO_STATEMENT_QUERY, {
        input: { month, wabaId: DEMO_WABA_ID },
      })
      .finally(() => client.close());
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.stdout.write(
      `Demo month ${month} loaded into ${session.where} in ${seconds} s: ${count(result.sends)} send records, ${count(result.webhooks)} webhook bodies` +
        `${result.failedBodies > 0 ? ` (${result.failedBodies} set aside as failed: see GET /health)` : ''}.\n\n`,
    );
    io.stdout.write(formatDemoStatement(monthlyStatement, DEMO_WABA_ID));
    io.stdout.write(`\n${nextSteps(month, config, session.ownService)}`);
    return result.failedBodies > 0 ? CLI_EXIT.REJECTED : CLI_EXIT.OK;
  } catch (error) {
    progress.interrupt();
    throw explain(error, session);
  } finally {
    await session.close();
  }
}

/** Where the demo sends its traffic: --url, the local service, or one started here. */
async function openSession(
  io: CliIo,
  config: AppConfig,
  url: string | undefined,
  key: string | undefined,
): Promise<DemoSession> {
  if (url !== undefined && key !== undefined) {
    return {
      target: { baseUrl: url, apiKey: key, appSecret: config.appSecret },
      where: `the service at ${url}`,
      ownService: false,
      close: () => Promise.resolve(),
    };
  }
  const local = `http://127.0.0.1:${config.port}`;
  if (config.port !== 0 && (await answersAsTheService(local))) {
    if (key !== undefined) {
      return {
        target: { baseUrl: local, apiKey: key, appSecret: config.appSecret },
        where: `the service at ${local}`,
        ownService: false,
        close: () => Promise.resolve(),
      };
    }
    const context = await openCliApplication(io, config);
    return withTemporaryKey(context, {
      baseUrl: local,
      appSecret: config.appSecret,
      where: `the service at ${local} (${describeDatabase(config)})`,
      ownService: false,
      close: () => context.close(),
    });
  }
  return startOwnService(io, config);
}

/** The service in this process, on a free local port; it signs what it receives. */
async function startOwnService(io: CliIo, config: AppConfig): Promise<DemoSession> {
  const { createApplication } = await import('../bootstrap');
  const showStacks = config.logLevel === 'debug' || config.logLevel === 'trace';
  // Signatures are checked on this path too: a secret of this run when none is configured.
  const appSecret = config.appSecret ?? randomBytes(24).toString('hex');
  let adminKey: string | null = null;
  const app: INestApplication = await createApplication(
    { ...config, appSecret, accessLog: false },
    {
      logger: new CliConsoleLogger(io.stderr, showStacks),
      onAdminKeyGenerated: (secret) => (adminKey = secret),
    },
  );
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app.close();
    throw error;
  }
  if (adminKey !== null) io.stdout.write(`${generatedAdminKeyLines(adminKey).join('\n')}\n\n`);
  const port = ((app.getHttpServer() as Server).address() as AddressInfo).port;
  return withTemporaryKey(app, {
    baseUrl: `http://127.0.0.1:${port}`,
    appSecret,
    where: `the service started for the demo (${describeDatabase(config)})`,
    ownService: true,
    close: () => app.close(),
  });
}

/** An operator key for the run, issued in the service's database and revoked at the end. */
async function withTemporaryKey(
  app: INestApplicationContext,
  session: {
    baseUrl: string;
    appSecret: string | null;
    where: string;
    ownService: boolean;
    close(): Promise<void>;
  },
): Promise<DemoSession> {
  const { ApiKeyService } = await import('../auth/services/api-key.service');
  const keys = app.get(ApiKeyService);
  let issued;
  try {
    issued = await keys.issue('demo (temporary)', 'operator');
  } catch (error) {
    await session.close();
    throw error;
  }
  return {
    target: { baseUrl: session.baseUrl, apiKey: issued.secret, appSecret: session.appSecret },
    where: session.where,
    ownService: session.ownService,
    async close() {
      try {
        await keys.revoke(issued.entity.id);
      } finally {
        await session.close();
      }
    },
  };
}

async function answersAsTheService(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/health', baseUrl), {
      signal: AbortSignal.timeout(2_000),
    });
    const health = (await response.json()) as { details?: { webhookQueue?: unknown } };
    return health.details?.webhookQueue !== undefined;
  } catch {
    return false;
  }
}

/** A refusal the person can act on becomes a usage error (exit 2) that says what to do. */
function explain(error: unknown, session: DemoSession): unknown {
  if (!(error instanceof DemoLoadError)) return error;
  if (error.status === 401 && error.message.startsWith('POST /webhooks')) {
    return new CliUsageError(
      `${session.where} refused the signed webhooks: run the demo with the WHATSAPP_APP_SECRET the service has`,
    );
  }
  if (error.status === 401 || error.status === 403) {
    return new CliUsageError(
      `${session.where} did not accept the API key (${error.message}): give an OPERATOR or ADMIN key of that service with --key, or run the demo with the service's DATA_DIR / DATABASE_URL`,
    );
  }
  return error;
}

function nextSteps(month: string, config: AppConfig, ownService: boolean): string {
  const port = config.port === 0 ? 3000 : config.port;
  const query = `{ monthlyStatement(input:{month:\\"${month}\\", wabaId:\\"${DEMO_WABA_ID}\\"}) { currency total lines { market pricingCategory tier quantity rate amount } free { reason quantity } } }`;
  return [
    'Next:',
    ...(ownService ? ['  npm start   (the ADMIN key is the one printed at the first start)'] : []),
    `  curl -s localhost:${port}/graphql -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \\`,
    `    -d '{"query":"${query}"}'`,
    `  npm run report -- --kind statement --month ${month} --waba ${DEMO_WABA_ID} --format pdf --out statement-${month}.pdf`,
    '  npm run simulate -- samples/simulation.json',
    '',
  ].join('\n');
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

if (require.main === module) runCli(demoCommand);
