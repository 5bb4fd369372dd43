import type { ConversationReference } from 'botbuilder';
import type { ConsoleTexts } from '../knowledge/messageFiles';

/** Why a resident was handed to a person; shown to staff as a label. */
export type HandoffReason = 'resident_asked' | 'not_understood' | 'dialog_could_not_finish' | 'back_office_refused' | 'address_not_found' | 'safeguarding';

const REASON_IDS = {
  resident_asked: 'reason_resident_asked',
  not_understood: 'reason_not_understood',
  dialog_could_not_finish: 'reason_dialog_could_not_finish',
  back_office_refused: 'reason_back_office_refused',
  address_not_found: 'reason_address_not_found',
  safeguarding: 'reason_safeguarding',
} as const satisfies Record<HandoffReason, string>;

/**
 * The queue's label for a handoff, in staff's words (knowledge/messages/<locale>/console.yaml `reason_*`): the
 * reason, and for a safeguarding concern its category ("Safeguarding concern (Immediate danger to life)").
 */
export function reasonLabel(c: Pick<HandoffContext, 'reason' | 'risk'>, words: ConsoleTexts): string {
  const id = REASON_IDS[c.reason] as (typeof REASON_IDS)[HandoffReason] | undefined;
  const label = id ? words.say(id) : c.reason;
  return c.reason === 'safeguarding' && c.risk
    ? words.say('reason_with_risk', { reason: label, risk: c.risk.label ?? c.risk.category.replace(/_/g, ' ') })
    : label;
}

export type HandoffStatus = 'queued' | 'active' | 'ended' | 'external';

/** One line of the conversation so far, as the agent sees it. */
export interface TranscriptEntry {
  from: 'resident' | 'assistant';
  text: string;
  at: string;
  /** The recognizer's view of a resident line. */
  intent?: string;
  score?: number;
  /** The risk category this resident line raised (whatever the recognizer's intent). */
  risk?: string;
}

/** The risk a conversation raised: its category (intents/risk-taxonomy.yaml) and the label staff see. */
export interface HandoffRisk {
  category: string;
  label?: string;
}

/** Where a request is, as the assistant resolved it: a gazetteer address, the resident's description, or a postcode whose address was still to be chosen. */
export type RequestPlace =
  | { kind: 'address'; text: string; uprn: string; postcode: string }
  | { kind: 'description'; text: string }
  | { kind: 'postcode'; text: string; postcode: string };

/** One answered question of a service request: the question, and the answer as the assistant understood it. */
export interface RequestField {
  /** The attribute's code in the back office's service definition. */
  code: string;
  /** The question as the resident was asked it. */
  label: string;
  /** The answer in words ("In the road", "30"). */
  answer: string;
  /** What the back office takes: the value key(s), comma-separated, or the number, date or text. */
  value: string;
}

/** A service request the resident was making (stopped to hand over) or had just made, as the assistant understood it. */
export interface RequestSoFar {
  serviceCode: string;
  serviceName: string;
  /** `in_progress`: stopped to hand over, nothing sent; `filed`: sent, with its reference. */
  status: 'in_progress' | 'filed';
  /** The resident's message that started it. */
  openedWith?: string;
  reference?: string;
  /** Answered questions only, in the order asked; rejected answers are never here. */
  fields: RequestField[];
  location?: RequestPlace;
  description?: string;
  contact?: { email?: string; phone?: string; name?: string };
  /** The question open when the resident was handed over ("About how deep is it, in centimetres?"). */
  openQuestion?: string;
  /** Answers in a row to that question the assistant could not use. */
  misses?: number;
}

/** What raised the handoff, as staff read it: the reason's label and the resident's own words that raised it. */
export interface HandoffConcern {
  label: string;
  /** The message that asked for a person, the line that raised a safeguarding concern, the line not understood… */
  words?: string;
}

/** The structured summary that travels with a handoff: why, the request so far, and the last messages. */
export interface HandoffBrief {
  concern: HandoffConcern;
  request?: RequestSoFar;
  lastMessages: TranscriptEntry[];
}

export interface HandoffContext {
  reason: HandoffReason;
  /** With reason "safeguarding": the category of the concern, shown in the queue. */
  risk?: HandoffRisk;
  priority: number;
  language: string;
  transcript: TranscriptEntry[];
  /** Service request fields, address, reference numbers… flattened to strings. */
  captured: Record<string, string>;
  /** The structured summary (handoffs made before it existed have none). */
  brief?: HandoffBrief;
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
  /** "safeguarding" (or "safeguarding:<category>") when the resident's message signalled a risk. */
  flag: string | null;
  at: string;
}

export interface CallbackRequest {
  id: string;
  /** What the resident and staff quote: "CB-" and the first 8 characters of the id (see callbackReference). */
  reference: string;
  conversationId: string;
  name: string;
  contact: string;
  bestTime: string;
  about: string;
  priority: number;
  context: HandoffContext;
  /** 'en-GB' or 'cy-GB': the language to call back in. */
  language: string;
  status: 'open' | 'done';
  createdAt: string;
}

/** Live events between processes (PostgreSQL NOTIFY) or within one (SQLite). */
export type HandoffEvent =
  | { kind: 'queue' }
  | { kind: 'message'; handoffId: string; messageId: string }
  | { kind: 'status'; handoffId: string; status: HandoffStatus; endReason?: string | null };
