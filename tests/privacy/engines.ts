import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach } from 'vitest';
import { AppDatabase } from '../../platform/storage/database';
import type { TestPostgres } from '../support/postgres';

export interface Engine {
  name: string;
  /** Why the engine's tests are skipped (PostgreSQL not reachable). */
  skip?: string;
  /** The settings the command-line tools read to use this database. */
  env: Record<string, string>;
  open(): Promise<AppDatabase>;
}

/** SQLite in a folder of its own, and the test file's throwaway PostgreSQL database. */
export function bothEngines(pg: TestPostgres): Engine[] {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-privacy-'));
  return [
    { name: 'SQLite', env: { DATA_DIR: dataDir }, open: () => AppDatabase.open({ dataDir }) },
    {
      name: 'PostgreSQL',
      skip: pg.skipReason,
      env: { DATABASE_URL: pg.url ?? '' },
      open: () => AppDatabase.open({ dataDir: '/nonexistent', databaseUrl: pg.url }),
    },
  ];
}

/** The engine's database, opened before each test of the enclosing describe and closed after it. */
export function openedBeforeEach(engine: Engine): () => AppDatabase {
  let database: AppDatabase | undefined;
  beforeEach(async () => {
    if (engine.skip) return;
    const opened = await engine.open();
    database = opened;
    return () => opened.close();
  });
  return () => {
    if (!database) throw new Error('the database is opened before each test');
    return database;
  };
}
