import type { ResidentRows } from './residentData';
import type { ResidentSelector } from './residentSelector';

/** JSON text columns are shown as the objects they hold; anything unreadable as it is. */
function parsed(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Rows per kind of data, for the audit and the command's summary. */
export function countRows(rows: ResidentRows): Record<string, number> {
  return Object.fromEntries(Object.entries(rows).map(([kind, list]) => [kind, (list as unknown[]).length]));
}

/** True when nothing is held about the resident. */
export function isEmpty(rows: ResidentRows): boolean {
  return Object.values(rows).every((list) => (list as unknown[]).length === 0);
}

/**
 * A subject-access export: everything held about the resident, readable (JSON columns
 * unpacked), grouped by what it is. Feedback is not in it: it is stored without who gave it.
 * `notes` end it: what is held but cannot be listed, in the council's words (privacy.yaml).
 */
export function residentExport(selector: ResidentSelector, rows: ResidentRows, at: Date, notes: string[]): Record<string, unknown> {
  return {
    about: { kind: selector.kind, value: selector.value },
    exportedAt: at.toISOString(),
    serviceRequests: rows.requests.map((r) => ({
      ...r,
      attributes: parsed(r.attributes),
    })),
    serviceRequestOutbox: rows.outbox.map((o) => ({
      ...o,
      payload: parsed(o.payload),
      conversation_reference: parsed(o.conversation_reference),
    })),
    handoffs: rows.handoffs.map((h) => ({
      ...h,
      conversation_ref: parsed(h.conversation_ref),
      context: parsed(h.context),
      messages: rows.handoffMessages.filter((m) => m.handoff_id === h.id).map((m) => ({ ...m, at_ms: Number(m.at_ms) })),
    })),
    staffCases: rows.staffCases.map((c) => ({
      ...c,
      fields: parsed(c.fields),
    })),
    callbackRequests: rows.callbacks.map((c) => ({
      ...c,
      context: parsed(c.context),
    })),
    conversationState: rows.conversationState.map((s) => ({
      id: s.id,
      updated_at: s.updated_at,
      data: parsed(s.data),
    })),
    webChatConversations: rows.webChatConversations.map((c) => ({
      ...c,
      activities: rows.webChatActivities
        .filter((a) => a.conversation_id === c.id)
        .map((a) => ({
          seq: Number(a.seq),
          created_at: a.created_at,
          activity: parsed(a.activity),
        })),
    })),
    feedback: [],
    notes,
  };
}
