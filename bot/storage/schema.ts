/** The project database. One schema for SQLite and PostgreSQL; each feature adds its tables by migration. */
export interface BotStateTable {
  id: string;
  /** JSON text of the stored item, without its eTag. */
  data: string;
  etag: string;
  updated_at: string;
}

export interface FeedbackTable {
  id: string;
  /** What the feedback is about, e.g. a knowledge article id. Never the resident's identity. */
  subject: string;
  helpful: number;
  created_at: string;
}

export interface DatabaseSchema {
  bot_state: BotStateTable;
  feedback: FeedbackTable;
}
