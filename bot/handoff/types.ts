import type { ConversationReference } from 'botbuilder';

/** Why a resident was handed to a person; shown to staff as a label. */
export type HandoffReason =
  | 'resident_asked'
  | 'not_understood'
  | 'dialog_could_not_finish'
  | 'back_office_refused'
  | 'address_not_found'
  | 'safeguarding';

export const REASON_LABELS: Record<string, string> = {
  resident_asked: 'Asked for a person',
  not_understood: 'Assistant did not understand (twice)',
  dialog_could_not_finish: 'Could not finish a request',
  back_office_refused: 'Back office refused the request',
  address_not_found: 'Address not found',
  safeguarding: 'Safeguarding concern',
};

export type HandoffStatus = 'queued' | 'active' | 'ended' | 'external';

/** One line of the conversation so far, as the agent sees it. */
export interface TranscriptEntry {
  from: 'resident' | 'assistant';
  text: string;
  at: string;
  /** The recognizer's view of a resident line. */
  intent?: string;
  score?: number;
}

/** What travels with the resident: nothing to repeat. */
export interface HandoffContext {
  reason: HandoffReason;
  priority: number;
  language: string;
  transcript: TranscriptEntry[];
  /** Service request fields, address, reference numbers… flattened to strings. */
  captured: Record<string, string>;
  recognizer?: {
    intent: string;
    score: number;
    source: string;
    alternatives: Array<{ intent: string; score: number }>;
    entities: Array<{ type: string; value: string }>;
  };
}

export interface Handoff {
  id: string;
  conversationId: string;
  reference: Partial<ConversationReference>;
  status: HandoffStatus;
  priority: number;
  reason: string;
  language: string;
  summary: string;
  context: HandoffContext;
  agentId: string | null;
  createdAt: string;
  queuedAt: string;
  acceptedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
}

export interface HandoffMessage {
  id: string;
  handoffId: string;
  sender: 'resident' | 'agent' | 'system';
  staffId: string | null;
  text: string;
  /** e.g. "safeguarding" when the safeguarding rules matched the resident's message. */
  flag: string | null;
  at: string;
}

export interface CallbackRequest {
  id: string;
  conversationId: string;
  name: string;
  contact: string;
  bestTime: string;
  about: string;
  priority: number;
  context: HandoffContext;
  status: 'open' | 'done';
  createdAt: string;
}

/** Live events between processes (PostgreSQL NOTIFY) or within one (SQLite). */
export type HandoffEvent =
  | { kind: 'queue' }
  | { kind: 'message'; handoffId: string; messageId: string }
  | { kind: 'status'; handoffId: string; status: HandoffStatus; endReason?: string | null };
