import { readFileSync } from 'node:fs';
import { loadAppConfig } from '../config/app-config';
import type { CliCommand, CliIo } from './cli-command.types';
import { CLI_EXIT } from './cli-exit.constant';
import { MAX_RATE_CARD_CSV_LENGTH } from '../pricing/rate-cards/meta-csv.util';
import { unreadableFile } from './cli-files.util';
import { CliUsageError } from './cli-usage.error';
import { openCliApplication } from './open-cli-application.util';
import { parseCliArgs, requireReadableFile } from './parse-cli-args.util';
import { ProgressLine } from './progress-line.util';
import { runCli } from './run-cli.util';

export const ratesImportCommand: CliCommand = {
  name: 'rates:import',
  synopsis:
    'usage: npm run rates:import -- --name NAME --currency XXX --effective YYYY-MM-DD [--quiet] RATES.csv [TIERS.csv]',
  help: `Imports a rate card from Meta's CSV files (docs/pricing-data.md, "CSV layouts accepted"), then
re-rates every message of the WABAs billed in that currency from the card's first day on.

  RATES.csv              Meta's rates file: notes lines, then Market,Currency,Marketing,Utility,
                         Authentication,Authentication-International,Service
  TIERS.csv              Meta's volume tiers file (optional)
  --name NAME            the card's name, e.g. "Meta USD 2026-10"
  --currency XXX         ISO 4217 code of the file's rates, e.g. USD
  --effective YYYY-MM-DD first day the card applies (12am in each WABA's timezone)
  --quiet, -q            no progress on stderr
  --help, -h             this help

A card is taken whole or not at all: every problem of every line is listed on stderr and nothing
is imported (exit 1). The re-rate prints its progress per month on stderr.

Example: npm run rates:import -- --name "Sample USD 2026-10" --currency USD --effective 2026-10-01 samples/rates-usd.csv samples/volume-tiers-usd.csv`,
  run: runRatesImport,
};

async function runRatesImport(io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(
    io.argv,
    {
      name: { type: 'string' },
      currency: { type: 'string' },
      effective: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
    { min: 1, max: 2, names: 'RATES.csv (the rates file)' },
  );
  const { name, currency, effective } = values;
  if (name === undefined || currency === undefined || effective === undefined) {
    const missing = Object.entries({ name, currency, effective })
      .filter(([, value]) => value === undefined)
      .map(([option]) => `--${option}`);
    throw new CliUsageError(`missing ${missing.join(', ')}`);
  }
  const [ratesPath, tiersPath] = positionals.map((path) => requireReadableFile(path));
  for (const path of positionals) {
    const problem = unreadableFile(path, MAX_RATE_CARD_CSV_LENGTH);
    if (problem !== null) throw new CliUsageError(problem);
  }
  const config = loadAppConfig(io.env);
  const progress = new ProgressLine(io.stderr, { enabled: values.quiet !== true });
  const app = await openCliApplication(io, config);
  const { ChargingService } = await import('../charging/services/charging.service');
  const { RateCardsService } = await import('../rate-cards/services/rate-cards.service');
  try {
    const card = await app.get(RateCardsService).import({
      name,
      currency,
      effectiveFrom: effective,
      ratesCsv: readFileSync(ratesPath, 'utf8'),
      volumeTiersCsv: tiersPath ? readFileSync(tiersPath, 'utf8') : null,
      provenance: `imported from ${positionals.join(' and ')}`,
    });
    const repriced = await app.get(ChargingService).repriceForRateCard(card, {
      onMessages: (event) => {
        const text = `${event.messages.toLocaleString('en-US')} messages`;
        if (event.done) progress.done(`re-rated ${event.month}: ${text}`);
        else progress.update(`re-rating ${event.month}: ${text}`);
      },
    });
    progress.interrupt();
    io.stdout.write(
      `imported "${card.name}" (${card.currency}, from ${card.effectiveFrom}, ${Object.keys(card.data.rates).length} markets); re-rated ${repriced} messages\n`,
    );
    return CLI_EXIT.OK;
  } finally {
    await app.close();
  }
}

if (require.main === module) runCli(ratesImportCommand);
