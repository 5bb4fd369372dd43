import type { ColumnType } from 'kysely';

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

export interface Open311RequestTable {
  service_request_id: string;
  seq: number;
  service_code: string;
  /** GeoReport status: open | closed. */
  status: string;
  /** mySociety's extended status, e.g. IN_PROGRESS, FIXED. */
  extended_status: string;
  status_notes: string | null;
  description: string | null;
  lat: number | null;
  long: number | null;
  address_string: string | null;
  address_id: string | null;
  /** JSON object: attribute code → string or string[]. */
  attributes: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  client_reference: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  /** JSON list of photo URLs (migration 0121), or null. */
  media_url: string | null;
}

export interface Open311UpdateTable {
  update_id: string;
  service_request_id: string;
  status: string;
  description: string | null;
  updated_datetime: string;
  external_status_code: string | null;
  /** JSON list of photo URLs (migration 0121), or null. */
  media_url: string | null;
  /** council: a status update that sets the request's status and notes; resident: a comment that does not. */
  origin: string;
  /** The sender's own id for a comment (FixMyStreet's update_id), to store a repeat once. */
  client_update_id: string | null;
}

export interface ServiceOutboxTable {
  /** The local reference the resident is given at once; also the client_reference sent to the back office. */
  reference: string;
  service_code: string;
  /** JSON of the GeoReport POST fields (contains personal data: never logged). */
  payload: string;
  /** JSON Bot Framework ConversationReference, for the proactive "official reference" message. */
  conversation_reference: string | null;
  /** pending | delivered | rejected */
  state: string;
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  service_request_id: string | null;
  service_notice: string | null;
  /** 1 once the resident has been told the outcome proactively. */
  notified: number;
  created_at: string;
  updated_at: string;
  /** Unique: one row per confirmation (conversation + dialog instance); null for rows added without one. */
  idempotency_key: string | null;
  /** HTTP status of the last failed delivery (e.g. 401 while the back office refuses the bot's key). */
  last_status: number | null;
  /** An asynchronous creation's token (migration 0122): followed with GET tokens/{token}; the report is never POSTed again. */
  delivery_token: string | null;
  /** When the report was first POSTed (ISO): the look-up's time window. */
  first_posted_at: string | null;
  /** 1 while a POST's outcome is unknown (timeout, dropped connection, 5xx, crash): look the report up before sending it again. */
  outcome_unknown: ColumnType<number, number | undefined, number>;
}

/** A local Direct Line conversation (see channels/directline). */
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
  open311_requests: Open311RequestTable;
  open311_updates: Open311UpdateTable;
  service_outbox: ServiceOutboxTable;
  handoff: HandoffTable;
  handoff_message: HandoffMessageTable;
  callback_request: CallbackRequestTable;
  staff_account: StaffAccountTable;
  staff_session: StaffSessionTable;
  staff_sign_in_limit: StaffSignInLimitTable;
  staff_audit: StaffAuditTable;
  staff_case: StaffCaseTable;
  health_probe: HealthProbeTable;
  privacy_audit: PrivacyAuditTable;
  unanswered_question: UnansweredQuestionTable;
  insight_event: InsightEventTable;
}

// --- benefits insight (migration 0131) ---
/** What happened in a conversation, with no personal data: the conversation only as a salted hash. */
export interface InsightEventTable {
  id: string;
  conversation: string;
  /** web | teams | directline | other */
  channel: string;
  /** routed | answered | helpful | unhelpful | filed | person | callback | safeguarding | prompt | out_of_scope */
  kind: string;
  /** An article id, a service code, a risk category, a question's field or the way to a person. */
  detail: string | null;
  created_at: string;
  /** The event's place among those of its turn. */
  seq: number;
}

// --- knowledge report (migration 0111) ---
/** A question the assistant could not answer, or whose answer did not help; nothing says who asked. */
export interface UnansweredQuestionTable {
  id: string;
  /** The resident's words with personal data redacted (platform/redact.ts) before storing. */
  question: string;
  /** no_answer | not_helpful */
  outcome: string;
  /** The article that was offered (not_helpful). */
  article_id: string | null;
  created_at: string;
}

// --- retention and residents' rights (migration 0101) ---
/** One subject-access export or erasure: who was asked about only as a hash, and how many rows. */
export interface PrivacyAuditTable {
  id: string;
  at: string;
  /** export | erase */
  action: string;
  /** email | phone | reference */
  selector_kind: string;
  /** SHA-256 (hex) of the normalised selector, never the selector in clear. */
  selector_hash: string;
  /** JSON object: kind of data → number of rows. */
  counts: string;
}

// --- readiness (migration 0050) ---
export interface HealthProbeTable {
  id: string;
  at: string;
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
  /** 'en-GB' or 'cy-GB': the language to call back in (migration 0141; 'en-GB' when an insert gives none). */
  language: ColumnType<string, string | undefined, string>;
}

export interface StaffAccountTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  created_at: string;
  /** Set by `npm run staff:disable`: no sign-in, no session (migration 0081). */
  disabled_at: string | null;
  /** Space-separated roles, e.g. 'content' (migration 0112); '' for none. */
  roles: string;
}

export interface StaffSessionTable {
  /** SHA-256 of the cookie value: a leaked table does not give sessions away. */
  id: string;
  staff_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

// --- staff console hardening (migration 0081) ---
export interface StaffSignInLimitTable {
  /** 'account:<username typed>' or 'address:<client address>'. */
  key: string;
  /** Attempts counted in this window (before the password is checked; a success gives its back). */
  attempts: number;
  window_started_at: string;
  locked_until: string | null;
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
