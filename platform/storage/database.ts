import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { InCodeMigrationProvider } from './migrations';
import { NamedStatementPool } from './namedStatementPool';
import type { DatabaseSchema } from './schema';
import { StatementCache } from './statementCache';

export type DatabaseEngine = 'sqlite' | 'postgres';

export interface DatabaseOptions {
  /** A postgres:// URL selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** SQLite file name inside dataDir. */
  fileName?: string;
}

export class DatabaseStartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseStartupError';
  }
}

/**
 * SQLite opens a file it may not write read-only without a word, and the first write fails
 * later, mid-turn or mid-start-up, with a message that names neither the file nor the fix. A
 * write in a transaction that is rolled back tells now, and leaves nothing behind.
 */
function probeWrite(handle: SQLite.Database): void {
  handle.exec('BEGIN IMMEDIATE');
  try {
    handle.exec('CREATE TABLE council_assistant_write_probe (x)');
  } finally {
    if (handle.inTransaction) handle.exec('ROLLBACK');
  }
}

/** The project database: Kysely over embedded SQLite (default) or PostgreSQL (scale-out). */
export class AppDatabase {
  private constructor(
    readonly db: Kysely<DatabaseSchema>,
    readonly engine: DatabaseEngine,
    /** Where the data lives, for messages: a file path or the host/database of a URL (never its password). */
    readonly location: string,
  ) {}

  static async open(options: DatabaseOptions): Promise<AppDatabase> {
    const database = options.databaseUrl ? await AppDatabase.openPostgres(options.databaseUrl) : AppDatabase.openSqlite(options);
    try {
      await database.migrate();
    } catch (err) {
      await database.db.destroy().catch(() => undefined);
      throw new DatabaseStartupError(`Could not prepare the ${database.engine} database at ${database.location}: ${(err as Error).message}`, { cause: err });
    }
    return database;
  }

  private static openSqlite(options: DatabaseOptions): AppDatabase {
    const file = path.join(options.dataDir, options.fileName ?? 'council-assistant.sqlite');
    try {
      fs.mkdirSync(options.dataDir, { recursive: true });
    } catch (err) {
      throw new DatabaseStartupError(`DATA_DIR ${options.dataDir} cannot be created: ${(err as Error).message}`, { cause: err });
    }
    let handle: SQLite.Database;
    try {
      handle = new SQLite(file);
      handle.pragma('journal_mode = WAL');
      handle.pragma('busy_timeout = 5000');
      handle.pragma('synchronous = NORMAL');
      probeWrite(handle);
    } catch (err) {
      throw new DatabaseStartupError(
        `The SQLite database ${file} cannot be opened for writing (${(err as Error).message}). Check that DATA_DIR and the files in it exist and are writable by this user.`,
        { cause: err },
      );
    }
    return new AppDatabase(new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: new StatementCache(handle) }) }), 'sqlite', file);
  }

  private static async openPostgres(url: string): Promise<AppDatabase> {
    // Loaded only for PostgreSQL: SQLite installs need not pay for it at start-up.
    const { default: pg } = await import('pg');
    const parsed = new URL(url);
    const location = `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
    const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => undefined);
    // Each query prepared once per connection, then sent as its values only.
    return new AppDatabase(new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool: new NamedStatementPool(pool) }) }), 'postgres', location);
  }

  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: new InCodeMigrationProvider() });
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (error) throw error instanceof Error ? error : new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }

  /** True when the database answers a trivial query. */
  async ping(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The database can be written, not only read: a disk that is full or a file made read-only
   * lets `ping` answer while every turn's save fails. Writes one row of its own (health_probe).
   * Resolves to the reason when it cannot.
   */
  async writeProblem(): Promise<string | undefined> {
    try {
      const at = new Date().toISOString();
      await this.db
        .insertInto('health_probe')
        .values({ id: 'readiness', at })
        .onConflict((oc) => oc.column('id').doUpdateSet({ at }))
        .execute();
      return undefined;
    } catch (err) {
      return (err as Error).message;
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
