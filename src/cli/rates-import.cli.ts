import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createApplicationContext } from '../app-context';
import { unreadableFile } from './cli-files.util';
import { runCli } from './run-cli.util';
import { ChargingService } from '../charging/services/charging.service';
import { MAX_RATE_CARD_CSV_LENGTH } from '../pricing/rate-cards/meta-csv.util';
import { RateCardsService } from '../rate-cards/services/rate-cards.service';

const USAGE =
  'usage: npm run rates:import -- --name NAME --currency USD --effective YYYY-MM-DD RATES.csv [TIERS.csv]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      name: { type: 'string' },
      currency: { type: 'string' },
      effective: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (!values.name || !values.currency || !values.effective || positionals.length < 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const problem = positionals
    .slice(0, 2)
    .map((path) => unreadableFile(path, MAX_RATE_CARD_CSV_LENGTH))
    .find((text) => text !== null);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    return 2;
  }
  const app = await createApplicationContext();
  try {
    const card = await app.get(RateCardsService).import({
      name: values.name,
      currency: values.currency,
      effectiveFrom: values.effective,
      ratesCsv: readFileSync(positionals[0], 'utf8'),
      volumeTiersCsv: positionals[1] ? readFileSync(positionals[1], 'utf8') : null,
      provenance: `imported from ${positionals.join(' and ')}`,
    });
    const repriced = await app.get(ChargingService).repriceForRateCard(card);
    process.stdout.write(
      `imported "${card.name}" (${card.currency}, from ${card.effectiveFrom}, ${Object.keys(card.data.rates).length} markets); re-rated ${repriced} messages\n`,
    );
    return 0;
  } finally {
    await app.close();
  }
}

runCli(main);
