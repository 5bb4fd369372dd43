import crypto from 'node:crypto';
import type { Logger } from '../../platform/logger';
import type { PostgresNotifier } from '../../platform/storage/postgresNotifier';

/**
 * Tells the other instances on the same PostgreSQL that a conversation has a new activity, so
 * that a resident whose stream is open on another instance gets it at once instead of at the next
 * re-read of the store (issue 23). The payload is the conversation's id and this instance's; the
 * activity itself is read from the database.
 */
export class StreamNotices {
  private readonly instance = crypto.randomBytes(8).toString('hex');

  constructor(
    private readonly notifier: PostgresNotifier,
    private readonly logger: Logger,
  ) {}

  /** Conversations to tell of at the end of this tick: a turn's activities, committed together, make one notice. */
  private readonly pending = new Set<string>();

  tell(conversationId: string): void {
    this.pending.add(conversationId);
    if (this.pending.size === 1) queueMicrotask(() => this.send());
  }

  private send(): void {
    for (const conversationId of this.pending) {
      this.notifier.notify(JSON.stringify({ c: conversationId, i: this.instance })).catch((err: Error) => {
        this.logger.warn(
          { err: { type: err.name, message: err.message } },
          'could not tell other instances of a web chat activity; their streams catch up on the next re-read',
        );
      });
    }
    this.pending.clear();
  }

  /** Listens for other instances' activities (never this one's); `everything` after a lost connection came back. */
  listen(conversation: (conversationId: string) => void, everything: () => void): void {
    this.notifier.onPayload((payload) => {
      try {
        const { c, i } = JSON.parse(payload) as { c?: unknown; i?: unknown };
        if (typeof c === 'string' && i !== this.instance) conversation(c);
      } catch {
        this.logger.warn('ignored a malformed web chat notice');
      }
    });
    this.notifier.onReconnect(everything);
  }
}
