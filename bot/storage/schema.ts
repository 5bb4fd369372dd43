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
  handoff: HandoffTable;
  handoff_message: HandoffMessageTable;
  callback_request: CallbackRequestTable;
  staff_account: StaffAccountTable;
  staff_session: StaffSessionTable;
  staff_sign_in_throttle: StaffSignInThrottleTable;
  staff_audit: StaffAuditTable;
  staff_case: StaffCaseTable;
}

// --- contact-centre handoff (migration 0040) ---
export interface HandoffTable {
  id: string;
  conversation_id: string;
  conversation_ref: string;
  status: string;
  priority: number;
  reason: string;
  language: string;
  summary: string;
  context: string;
  agent_id: string | null;
  created_at: string;
  queued_at: string;
  accepted_at: string | null;
  agent_seen_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
}

export interface HandoffMessageTable {
  id: string;
  handoff_id: string;
  sender: string;
  staff_id: string | null;
  text: string;
  flag: string | null;
  /** bigint in PostgreSQL: comes back as a string there. */
  at_ms: number | string;
  created_at: string;
}

export interface CallbackRequestTable {
  id: string;
  conversation_id: string;
  name: string;
  contact: string;
  best_time: string;
  about: string;
  priority: number;
  context: string;
  status: string;
  created_at: string;
  done_by: string | null;
  done_at: string | null;
}

export interface StaffAccountTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  created_at: string;
}

export interface StaffSessionTable {
  /** SHA-256 of the cookie value: a leaked table does not give sessions away. */
  id: string;
  staff_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface StaffSignInThrottleTable {
  username: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface StaffAuditTable {
  id: string;
  staff_id: string | null;
  action: string;
  subject: string | null;
  at: string;
}

export interface StaffCaseTable {
  id: string;
  reference: string;
  handoff_id: string | null;
  staff_id: string;
  fields: string;
  created_at: string;
}
