import type { TurnContext } from 'botbuilder';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DatabaseSchema } from './schema';

/** A write held back until the turn's transaction: `write` runs in it, `committed` once it has committed. */
export interface HeldWrite {
  write(trx: Transaction<DatabaseSchema>): Promise<void>;
  committed(): void;
  /**
   * Set for a write not worth the turn (insight events): it runs inside a savepoint, and when it fails
   * only it is undone and this is told why; the resident's message, the replies and the state still
   * commit. Without the savepoint PostgreSQL refuses every later statement of a transaction in which
   * one failed, so a failed insight insert would have cost the resident their message.
   */
  optional?: (err: Error) => void;
}

/** Runs a held write in `trx`: an optional one inside its own savepoint (see {@link HeldWrite.optional}). */
export async function runHeld(trx: Transaction<DatabaseSchema>, held: HeldWrite): Promise<void> {
  if (!held.optional) return held.write(trx);
  await sql`savepoint held_optional`.execute(trx);
  try {
    await held.write(trx);
  } catch (err) {
    await sql`rollback to savepoint held_optional`.execute(trx);
    held.optional(err as Error);
  }
  await sql`release savepoint held_optional`.execute(trx);
}

/** How long a write may be held before it is committed on its own (a slow turn's first replies are not kept waiting). */
const HOLD_MS = 250;

/** Where a turn's writes are kept in its TurnContext (set by the Direct Line bridge). */
const KEY = Symbol('council.turnWrites');

/**
 * The writes of one resident's turn, committed together (issue 23): the resident's activity,
 * the bot's replies and its insight events are held here instead of being written one by one,
 * and go in the same transaction as the turn's state when {@link KyselyStorage} saves it, or at
 * the end of the turn ({@link flush}) when there is no state to save. One transaction instead of
 * four or five: a commit costs more than the rows it writes.
 *
 * Nothing is lost on a crash that was not lost before: what is held has not been shown to
 * anyone (it is shown once committed) and the request that carried the resident's message is
 * answered only after the flush, so a message not committed is a message the client was told
 * failed. A write held longer than {@link HOLD_MS} (a turn waiting on a slow service) is
 * committed on its own, so the resident sees their message and the replies so far.
 */
export class TurnWrites {
  private held: HeldWrite[] = [];
  private timer?: NodeJS.Timeout;
  private ended = false;
  /** A flush of held writes under way (the timer's), which the turn's own flush waits for. */
  private flushing?: Promise<void>;

  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /**
   * The writes of the bot's turn in `context`, if they are held, and still open. Handed through the
   * turn's state rather than AsyncLocalStorage, whose promise hooks would cost every promise in the
   * process, HTTP turns included.
   */
  static of(context: TurnContext | undefined): TurnWrites | undefined {
    const turn = context?.turnState.get<TurnWrites | undefined>(KEY);
    return turn?.open ? turn : undefined;
  }

  /** Makes `context`'s turn hold its writes here. */
  attach(context: TurnContext): void {
    context.turnState.set(KEY, this);
  }

  /** Runs `fn` with this turn's writes held, then commits what is still held (also when `fn` failed). */
  async run<T>(fn: (turn: TurnWrites) => Promise<T>): Promise<T> {
    try {
      const result = await fn(this);
      await this.flush();
      return result;
    } catch (err) {
      await this.flush().catch(() => undefined);
      throw err;
    } finally {
      // Whoever ran the turn has been told how its writes went: nothing is kept for later.
      this.ended = true;
      this.take();
    }
  }

  /** True while the turn runs: afterwards (work the turn left running), writes are not held. */
  get open(): boolean {
    return !this.ended;
  }

  hold(write: HeldWrite): void {
    this.held.push(write);
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flushing = this.commit(this.take()).catch(() => undefined);
      }, HOLD_MS);
      this.timer.unref();
    }
  }

  /** Everything held so far, for a transaction of the caller's ({@link KyselyStorage}); it gives them back if that fails. */
  take(): HeldWrite[] {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    return this.held.splice(0);
  }

  giveBack(writes: HeldWrite[]): void {
    if (!this.ended) this.held.unshift(...writes);
  }

  /** Commits what is held, in one transaction; on failure it stays held and the error is thrown. */
  async flush(): Promise<void> {
    await this.flushing;
    await this.commit(this.take());
  }

  private async commit(writes: HeldWrite[]): Promise<void> {
    if (!writes.length) return;
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const w of writes) await runHeld(trx, w);
      });
    } catch (err) {
      this.giveBack(writes);
      throw err;
    }
    for (const w of writes) w.committed();
  }
}
