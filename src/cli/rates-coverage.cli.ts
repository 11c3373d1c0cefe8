import { loadAppConfig } from '../config/app-config';
import type { CliCommand, CliIo } from './cli-command.types';
import { CLI_EXIT } from './cli-exit.constant';
import { CliUsageError } from './cli-usage.error';
import { openCliApplication } from './open-cli-application.util';
import { parseCliArgs } from './parse-cli-args.util';
import { runCli } from './run-cli.util';

export const ratesCoverageCommand: CliCommand = {
  name: 'rates:coverage',
  synopsis: 'usage: npm run rates:coverage -- --currency XXX --date YYYY-MM-DD',
  help: `Prints the rate card in force for a currency on a date (a WABA in UTC) and every market ×
pricing category it leaves unpriced (NO_RATE): every market of the market map on that date ×
marketing, utility, authentication, authentication-international where Meta has such a rate,
and service from 2026-10-01. Reads only: it may run beside the server.

  --currency XXX     ISO 4217 code, e.g. USD
  --date YYYY-MM-DD  the day
  --help, -h         this help`,
  run: runRatesCoverage,
};

async function runRatesCoverage(io: CliIo): Promise<number> {
  const { values } = parseCliArgs(
    io.argv,
    { currency: { type: 'string' }, date: { type: 'string' } },
    { min: 0, max: 0, names: 'nothing' },
  );
  const { currency, date } = values;
  if (currency === undefined || date === undefined) {
    const missing = Object.entries({ currency, date })
      .filter(([, value]) => value === undefined)
      .map(([option]) => `--${option}`);
    throw new CliUsageError(`missing ${missing.join(', ')}`);
  }
  const app = await openCliApplication(io, { ...loadAppConfig(io.env), writesDatabase: false });
  const { RateCardCoverageService } =
    await import('../rate-cards/services/rate-card-coverage.service');
  try {
    const coverage = await app.get(RateCardCoverageService).of(currency, date);
    const card = coverage.card;
    io.stdout.write(
      card === null
        ? `no ${currency} rate card is in force on ${date}\n`
        : `${card.name} (${card.currency}, effective ${card.effectiveFrom}${card.builtIn ? ', built in' : ''})\n`,
    );
    io.stdout.write(
      `${coverage.pricedMarkets} markets fully priced; ${coverage.unpriced.length} market × category pairs unpriced\n`,
    );
    for (const entry of coverage.unpriced) {
      io.stdout.write(`  ${entry.market}\t${entry.pricingCategory}\n`);
    }
    return CLI_EXIT.OK;
  } finally {
    await app.close();
  }
}

if (require.main === module) runCli(ratesCoverageCommand);
