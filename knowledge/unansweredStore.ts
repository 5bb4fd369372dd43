import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { redactText } from '../platform/redact';
import type { DatabaseSchema } from '../platform/storage/schema';

/** `no_answer`: the assistant said it could not help; `not_helpful`: "No" to "Did this answer your question?". */
export type UnansweredOutcome = 'no_answer' | 'not_helpful';

/** Where questions the assistant could not answer go, for the knowledge report. */
export interface UnansweredRecorder {
  record(question: string, outcome: UnansweredOutcome, articleId?: string): Promise<void>;
}

export interface UnansweredQuestion {
  question: string;
  outcome: UnansweredOutcome;
  articleId: string | null;
  createdAt: string;
}

/** Longest question kept: enough for any real question, and a long paste does not fill the table. */
export const MAX_QUESTION_LENGTH = 500;

/**
 * The `unanswered_question` table (SQLite or PostgreSQL). The question is redacted here, before
 * the insert, so no caller can store it in clear: emails, phone numbers, postcodes, house number
 * and street, long numbers and names ("my name is …") become placeholders. Nothing records who asked.
 */
export class UnansweredStore implements UnansweredRecorder {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(question: string, outcome: UnansweredOutcome, articleId?: string): Promise<void> {
    // Redacted whole, then cut: cutting first could split an email or phone number so the pattern no longer matches.
    const text = redactText(question.replace(/\s+/g, ' ').trim()).slice(0, MAX_QUESTION_LENGTH).trim();
    if (!text) return;
    await this.db
      .insertInto('unanswered_question')
      .values({ id: randomUUID(), question: text, outcome, article_id: articleId ?? null, created_at: this.now().toISOString() })
      .execute();
  }

  /** Questions recorded from `since` on, oldest first. */
  async since(since: Date): Promise<UnansweredQuestion[]> {
    const rows = await this.db
      .selectFrom('unanswered_question')
      .select(['question', 'outcome', 'article_id', 'created_at'])
      .where('created_at', '>=', since.toISOString())
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ question: r.question, outcome: r.outcome as UnansweredOutcome, articleId: r.article_id, createdAt: r.created_at }));
  }
}
