import { readFileSync } from 'node:fs';
import { loadAppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain.error';
import type { SimulationResultData, SimulationSpec } from '../simulations/simulation.types';
import type { CliCommand, CliIo } from './cli-command.types';
import { CLI_EXIT } from './cli-exit.constant';
import { openCliApplication } from './open-cli-application.util';
import { parseCliArgs, requireReadableFile } from './parse-cli-args.util';
import { runCli } from './run-cli.util';

export const simulateCommand: CliCommand = {
  name: 'simulate',
  synopsis: 'usage: npm run simulate -- FILE.json',
  help: `Prices "what if" traffic with the charging engine and prints a table (docs/simulations.md).

  FILE.json   a SimulationInput, as the GraphQL simulate query takes it, e.g.
              {"scenarios":[{"name":"plan","volumes":[{"month":"2026-12","market":"Mexico",
              "pricingCategory":"MARKETING","messages":1000}]}],"baseline":"plan"}
              samples/simulation.json is a fuller one
  --help, -h  this help

A file that is not JSON, or scenarios the engine refuses, are listed on stderr (exit 1).`,
  run: runSimulate,
};

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

async function runSimulate(io: CliIo): Promise<number> {
  const { positionals } = parseCliArgs(io.argv, {}, { min: 1, max: 1, names: 'FILE.json' });
  const file = requireReadableFile(positionals[0]);
  let spec: SimulationSpec;
  try {
    spec = JSON.parse(readFileSync(file, 'utf8')) as SimulationSpec;
  } catch (error) {
    throw new DomainError('BAD_USER_INPUT', `${file} is not JSON`, [
      { message: error instanceof Error ? error.message : String(error) },
    ]);
  }
  if (spec === null || typeof spec !== 'object' || !Array.isArray(spec.scenarios)) {
    throw new DomainError('BAD_USER_INPUT', `${file}: "scenarios" must be an array`);
  }
  const app = await openCliApplication(io, { ...loadAppConfig(io.env), writesDatabase: false });
  const { SimulationService } = await import('../simulations/services/simulation.service');
  try {
    const result = await app.get(SimulationService).simulate(spec);
    io.stdout.write(formatSimulationTable(result));
    return CLI_EXIT.OK;
  } finally {
    await app.close();
  }
}

if (require.main === module) runCli(simulateCommand);
