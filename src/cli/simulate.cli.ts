import { readFileSync } from 'node:fs';
import { createApplicationContext } from '../app-context';
import { runCli } from './run-cli.util';

import { SimulationService } from '../simulations/services/simulation.service';
import type { SimulationResultData, SimulationSpec } from '../simulations/simulation.types';

const USAGE = `usage: npm run simulate -- FILE.json
  FILE.json: a SimulationInput, e.g. {"scenarios":[{"name":"plan","volumes":[{"month":"2026-10",
  "market":"India","pricingCategory":"UTILITY","messages":1000}]}],"baseline":"plan"}`;

const HEADERS = [
  'scenario',
  'month',
  'market',
  'category',
  'messages',
  'billable',
  'amount',
  'tiers',
];

/** Plain-text table of a simulation: one row per line, then each scenario's total and delta. */
export function formatSimulationTable(result: SimulationResultData): string {
  const rows: string[][] = [];
  for (const scenario of result.scenarios) {
    for (const line of scenario.lines) {
      rows.push([
        scenario.name,
        line.month,
        line.market,
        line.pricingCategory,
        String(line.messages),
        String(line.billableMessages),
        line.amount,
        (line.tiers ?? []).join(' '),
      ]);
    }
  }
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column].length)),
  );
  const numeric = new Set([4, 5, 6]);
  const format = (row: string[]) =>
    row
      .map((cell, column) =>
        numeric.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
      )
      .join('  ')
      .trimEnd();
  const out = [
    format(HEADERS),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(format),
  ];
  out.push('');
  for (const scenario of result.scenarios) {
    const delta =
      scenario.deltaFromBaseline === null
        ? ''
        : `  delta vs "${result.baseline}": ${scenario.deltaFromBaseline}`;
    out.push(
      `${scenario.name}: total ${scenario.total} ${scenario.currency} (rounded ${scenario.roundedTotal})${delta}`,
    );
    for (const total of scenario.totals.filter((entry) => entry.currency !== scenario.currency)) {
      out.push(`  also ${total.total} ${total.currency}`);
    }
    for (const assumption of scenario.assumptions) out.push(`  - ${assumption}`);
  }
  return `${out.join('\n')}\n`;
}

async function main(): Promise<number> {
  const file = process.argv.slice(2).find((arg) => arg !== '--');
  if (!file || file === '--help' || file === '-h') {
    process.stderr.write(`${USAGE}\n`);
    return file ? 0 : 2;
  }
  let spec: SimulationSpec;
  try {
    spec = JSON.parse(readFileSync(file, 'utf8')) as SimulationSpec;
    if (!spec || !Array.isArray(spec.scenarios)) throw new Error('"scenarios" must be an array');
  } catch (error) {
    process.stderr.write(
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`,
    );
    return 2;
  }
  const app = await createApplicationContext();
  try {
    const result = await app.get(SimulationService).simulate(spec);
    process.stdout.write(formatSimulationTable(result));
    return 0;
  } finally {
    await app.close();
  }
}

runCli(main);
