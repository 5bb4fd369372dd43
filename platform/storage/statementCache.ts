import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query afresh; better-sqlite3 statements can be reused,
 * and preparing costs more than running a small query. The bot's queries come from a few
 * builders, so their SQL texts are few: this keeps each prepared statement (up to `limit`,
 * oldest dropped first) and hands it out again. Kysely has no such option, hence this wrapper.
 * Streaming (`iterate`) is not cached: a statement being iterated cannot run another query.
 */
export class StatementCache implements SqliteDatabase {
  private readonly statements = new Map<string, SqliteStatement>();

  constructor(
    private readonly database: SqliteDatabase,
    private readonly limit = 500,
  ) {}

  prepare(sql: string): SqliteStatement {
    const cached = this.statements.get(sql);
    if (cached) return cached;
    const statement = new ReusableStatement(this.database.prepare(sql), () => this.database.prepare(sql));
    if (this.statements.size >= this.limit) this.statements.delete(this.statements.keys().next().value as string);
    this.statements.set(sql, statement);
    return statement;
  }

  close(): void {
    this.statements.clear();
    this.database.close();
  }

  get size(): number {
    return this.statements.size;
  }
}

class ReusableStatement implements SqliteStatement {
  constructor(
    private readonly statement: SqliteStatement,
    private readonly fresh: () => SqliteStatement,
  ) {}

  get reader(): boolean {
    return this.statement.reader;
  }

  all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.statement.all(parameters);
  }

  run(parameters: ReadonlyArray<unknown>): { changes: number | bigint; lastInsertRowid: number | bigint } {
    return this.statement.run(parameters);
  }

  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    return this.fresh().iterate(parameters);
  }
}
