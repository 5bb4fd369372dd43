/** How long each kind of residents' data is kept, in days (RETENTION_*_DAYS; see docs/privacy.md). */
export interface RetentionDays {
  /** Bot state (conversation and user state, with the handoff transcript) untouched this long is deleted. */
  conversationDays: number;
  /** Finished handoffs (ended, or passed to an external centre), their messages and staff cases. */
  handoffDays: number;
  /** Call-back requests staff have marked done. Open ones are kept until done. */
  callbackDays: number;
  /** Outbox rows the back office has answered (delivered or rejected). Pending rows are never purged. */
  outboxDays: number;
  /** The built-in back office's requests keep what and where, but lose name, email and phone after this long without a change. */
  requestPersonalDays: number;
  /** "Was this helpful?" answers (no identity in them). */
  feedbackDays: number;
  /** Questions the assistant could not answer, redacted, for the knowledge report (no identity in them). */
  unansweredDays: number;
}
