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

/** A local Direct Line conversation (see bot/directline). */
export interface DirectLineConversationTable {
  id: string;
  user_id: string;
  /** 1 once the bot has been told the conversation started (conversationUpdate). */
  started: number;
  created_at: string;
  updated_at: string;
}

/** One activity in a local Direct Line conversation's stream; `seq` is the watermark. */
export interface DirectLineActivityTable {
  conversation_id: string;
  seq: number;
  /** JSON text of the activity. */
  activity: string;
  created_at: string;
}

/** Keys the local Direct Line creates once and shares between instances (token signing). */
export interface DirectLineKeyTable {
  name: string;
  value: string;
  created_at: string;
}

export interface DatabaseSchema {
  bot_state: BotStateTable;
  feedback: FeedbackTable;
  directline_conversations: DirectLineConversationTable;
  directline_activities: DirectLineActivityTable;
  directline_keys: DirectLineKeyTable;
}
