import type { CompiledQuery, Compilable, QueryResult } from 'kysely';

/** What runs compiled queries: a Kysely instance or a transaction. */
export interface QueryRunner {
  executeQuery<T>(query: CompiledQuery<T>): Promise<QueryResult<T>>;
}

/** What stands for a value while the query is compiled: a string nobody would store. */
const marker = (name: string): string => `\u0000prepared-query-value:${name}\u0000`;

/**
 * A query built and compiled by Kysely once, then run many times with new values (Kysely's
 * "splitting query building and execution" recipe, with the values filled in by name).
 *
 * Why: the state read and write and the handoff check run on every turn, and building and
 * compiling their Kysely queries cost more CPU than SQLite took to run them. Kysely compiles a
 * query to SQL text and an ordered list of values; this compiles it once with a marker for each
 * named value and later puts the real values in the markers' places. The SQL is Kysely's, so it
 * stays right for SQLite and PostgreSQL alike. Values that are not named (constants in the
 * builder) are kept as compiled.
 */
export class PreparedQuery<V extends Record<string, unknown>, R> {
  private readonly compiled: CompiledQuery<R>;
  /** For each compiled value, the name of the value that goes there, or undefined for a constant. */
  private readonly slots: Array<keyof V | undefined>;

  constructor(
    private readonly db: QueryRunner,
    build: (values: V) => Compilable<R>,
    names: ReadonlyArray<keyof V & string>,
  ) {
    const markers = new Map(names.map((name) => [marker(name), name]));
    this.compiled = build(Object.fromEntries(names.map((name) => [name, marker(name)])) as V).compile();
    this.slots = this.compiled.parameters.map((value) => (typeof value === 'string' ? markers.get(value) : undefined));
    for (const name of names) {
      if (!this.slots.includes(name)) throw new Error(`PreparedQuery: the value "${name}" is not used by the query ${this.compiled.sql}`);
    }
  }

  /** The SQL Kysely compiled (for tests and logs: it holds no values). */
  get sql(): string {
    return this.compiled.sql;
  }

  /** Runs the query with these values, on the database it was built for or in a transaction of it. */
  async execute(values: V, runner: QueryRunner = this.db): Promise<QueryResult<R>> {
    const parameters = this.slots.map((name, i) => (name === undefined ? this.compiled.parameters[i] : values[name]));
    return runner.executeQuery({ ...this.compiled, parameters });
  }
}
