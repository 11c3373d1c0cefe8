import { parseArgs } from 'node:util';
import { createApplicationContext } from '../app-context';
import { RateCardCoverageService } from '../rate-cards/services/rate-card-coverage.service';
import { runCli } from './run-cli.util';

const USAGE = 'usage: npm run rates:coverage -- --currency USD --date YYYY-MM-DD';

/** Prints the card in force on a date and every market × category it leaves unpriced. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      currency: { type: 'string' },
      date: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.currency || !values.date) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const app = await createApplicationContext();
  try {
    const coverage = await app.get(RateCardCoverageService).of(values.currency, values.date);
    const card = coverage.card;
    process.stdout.write(
      card === null
        ? `no ${values.currency} rate card is in force on ${values.date}\n`
        : `${card.name} (${card.currency}, effective ${card.effectiveFrom}${card.builtIn ? ', built in' : ''})\n`,
    );
    process.stdout.write(
      `${coverage.pricedMarkets} markets fully priced; ${coverage.unpriced.length} market × category pairs unpriced\n`,
    );
    for (const entry of coverage.unpriced) {
      process.stdout.write(`  ${entry.market}\t${entry.pricingCategory}\n`);
    }
    return 0;
  } finally {
    await app.close();
  }
}

runCli(main);
