import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../platform/storage/schema';

/** Where "Did this answer your question?" answers go: the article id and yes/no, never who answered. */
export interface FeedbackRecorder {
  record(articleId: string, helpful: boolean): Promise<void>;
}

export interface FeedbackCount {
  subject: string;
  helpful: number;
  notHelpful: number;
}

/** Stores feedback in the `feedback` table (SQLite or PostgreSQL). */
export class FeedbackStore implements FeedbackRecorder {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async record(articleId: string, helpful: boolean): Promise<void> {
    await this.db
      .insertInto('feedback')
      .values({ id: randomUUID(), subject: articleId, helpful: helpful ? 1 : 0, created_at: new Date().toISOString() })
      .execute();
  }

  /** Yes and no counts per article, for content designers' reports. */
  async counts(): Promise<FeedbackCount[]> {
    const rows = await this.db.selectFrom('feedback').select(['subject', 'helpful']).execute();
    const bySubject = new Map<string, FeedbackCount>();
    for (const row of rows) {
      const c = bySubject.get(row.subject) ?? { subject: row.subject, helpful: 0, notHelpful: 0 };
      if (Number(row.helpful) === 1) c.helpful++;
      else c.notHelpful++;
      bySubject.set(row.subject, c);
    }
    return [...bySubject.values()].sort((a, b) => a.subject.localeCompare(b.subject));
  }
}
