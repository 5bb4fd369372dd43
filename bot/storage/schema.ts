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
}

export interface Open311UpdateTable {
  update_id: string;
  service_request_id: string;
  status: string;
  description: string | null;
  updated_datetime: string;
  external_status_code: string | null;
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
}

export interface DatabaseSchema {
  bot_state: BotStateTable;
  feedback: FeedbackTable;
  open311_requests: Open311RequestTable;
  open311_updates: Open311UpdateTable;
  service_outbox: ServiceOutboxTable;
}
