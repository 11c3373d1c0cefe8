import type Database from 'better-sqlite3';
import type { SqliteWorkerData } from '../../database/sqlite-worker.util';
import {
  chunked,
  contributionColumns,
  deltaValues,
  netRollupDeltas,
  pruneRollupSql,
  rowContribution,
  storedChargeContribution,
  storedChargesSqliteSql,
  upsertRollupsSql,
  type ContributionColumns,
  type RollupContribution,
  type StoredChargeRow,
} from './charge-rollups.util';

/** What the charge writer's thread opens, and the columns of its plans' rows. */
export interface ChargeWriterWorkerData extends SqliteWorkerData {
  columns: { insert: string[]; update: string[] };
}

/**
 * A batch of charge writes: new messages inserted whole, and charges of stored messages
 * updated. Values are encoded for SQLite (`encodeSqliteValue`) and the charge columns end with
 * the fingerprint: the sender prepares them, since the writer's thread is what a bulk import
 * waits on. What each adds to its rollup row is read off the row.
 */
export interface SqliteChargePlan {
  /** id (null: SQLite gives the next one), message columns, charge columns. */
  inserts: unknown[][];
  /** Charge columns, then id. */
  updates: unknown[][];
  /** For each update, the WABA and phone number of its message (key columns it does not set). */
  updateOwners: [string, string][];
}

/**
 * Applies charge plans in one transaction each: inserts, updates, and the rollup rows moved by
 * the old charges out and the new ones in. Runs on the charge writer's thread, or on the main
 * connection when no thread can open the database (in memory) or after shutdown.
 */
export class SqliteChargePlanWriter {
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;
  private readonly upsert: Database.Statement;
  private readonly prune: Database.Statement;
  private readonly storedCharges = new Map<number, Database.Statement>();
  private readonly insertColumns: ContributionColumns;
  private readonly updateColumns: ContributionColumns;

  constructor(
    private readonly database: Database.Database,
    columns: { insert: readonly string[]; update: readonly string[] },
  ) {
    this.insert = database.prepare(
      `INSERT OR IGNORE INTO messages (${columns.insert.join(', ')}) VALUES (${columns.insert.map(() => '?').join(', ')})`,
    );
    this.update = database.prepare(
      `UPDATE messages SET ${columns.update.map((name) => `${name} = ?`).join(', ')} WHERE id = ?`,
    );
    this.insertColumns = contributionColumns(columns.insert);
    this.updateColumns = contributionColumns(columns.update);
    this.upsert = database.prepare(upsertRollupsSql(1, () => '?'));
    this.prune = database.prepare(pruneRollupSql(() => '?'));
  }

  /**
   * Returns the indexes (in `plan.inserts`) of new messages not inserted because the same
   * message is stored already.
   */
  apply(plan: SqliteChargePlan): number[] {
    const { inserts, updates } = plan;
    return this.database
      .transaction(() => {
        const refused: number[] = [];
        const added: RollupContribution[] = [];
        for (const [index, row] of inserts.entries()) {
          if (this.insert.run(...row).changes === 0) refused.push(index);
          else added.push(rowContribution(row, this.insertColumns));
        }
        const updatedIds = updates.map((row) => row[row.length - 1] as number);
        const removed = chunked(updatedIds, 500).flatMap((ids) =>
          (this.storedChargesStatement(ids.length).all(...ids) as StoredChargeRow[]).map(
            storedChargeContribution,
          ),
        );
        for (const [index, row] of updates.entries()) {
          this.update.run(...row);
          const [wabaId, phoneNumberId] = plan.updateOwners[index];
          added.push(
            rowContribution(row, this.updateColumns, {
              waba_id: wabaId,
              phone_number_id: phoneNumberId,
            }),
          );
        }
        const deltas = netRollupDeltas(removed, added);
        for (const delta of deltas) this.upsert.run(...delta.key, ...deltaValues(delta));
        for (const delta of deltas) if (delta.messages < 0n) this.prune.run(...delta.key);
        return refused;
      })
      .immediate();
  }

  private storedChargesStatement(count: number): Database.Statement {
    let statement = this.storedCharges.get(count);
    if (statement === undefined) {
      statement = this.database.prepare(storedChargesSqliteSql(count));
      this.storedCharges.set(count, statement);
    }
    return statement;
  }
}
