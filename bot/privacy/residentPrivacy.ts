import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../../platform/storage/schema';
import type { PrivacyTexts } from '../../knowledge/messageFiles';
import { REQUEST_PERSONAL_FIELDS, ResidentDataFinder } from './residentData';
import { countRows, residentExport } from './residentExport';
import type { ResidentSelector } from './residentSelector';

export interface PrivacyResult {
  /** Rows per kind of data: found (export) or erased/blanked (erase). */
  counts: Record<string, number>;
}

/**
 * Residents' rights over the project database: a subject-access export, and erasure. Both
 * write a row to privacy_audit with a hash of the selector, never the selector itself.
 */
export class ResidentPrivacy {
  private readonly finder: ResidentDataFinder;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.finder = new ResidentDataFinder(db);
  }

  /**
   * Everything held about the resident, ending with the notes of `words` (privacy.yaml, loaded by
   * the command that runs the export; given here rather than to the constructor so that erasure,
   * which says nothing to the resident, never waits on those words or a mistake in them).
   */
  async export(selector: ResidentSelector, words: PrivacyTexts): Promise<PrivacyResult & { data: Record<string, unknown> }> {
    const rows = await this.finder.find(selector);
    const counts = countRows(rows);
    await this.audit('export', selector, counts);
    const notes = [words.say('feedback_not_listed'), words.say('unanswered_not_listed'), words.say('back_office_holds_too')];
    return { counts, data: residentExport(selector, rows, this.now(), notes) };
  }

  /**
   * Deletes the resident's conversations, transcripts, handoffs, staff cases and call-back
   * requests, and finished outbox rows. A request keeps what and where (the council's record
   * of the job) but loses who made it; an outbox row not yet delivered loses who made it and
   * is still delivered (without them), so the problem reported still gets fixed.
   */
  async erase(selector: ResidentSelector): Promise<PrivacyResult> {
    const rows = await this.finder.find(selector);
    await this.db.transaction().execute(async (trx) => {
      const blank = Object.fromEntries(REQUEST_PERSONAL_FIELDS.map((f) => [f, null]));
      for (const r of rows.requests) await trx.updateTable('open311_requests').set(blank).where('service_request_id', '=', r.service_request_id).execute();
      for (const o of rows.outbox) {
        if (o.state === 'pending') {
          const payload = JSON.parse(o.payload) as Record<string, unknown>;
          for (const f of REQUEST_PERSONAL_FIELDS) delete payload[f];
          await trx
            .updateTable('service_outbox')
            .set({ payload: JSON.stringify(payload), conversation_reference: null })
            .where('reference', '=', o.reference)
            .execute();
        } else {
          await trx.deleteFrom('service_outbox').where('reference', '=', o.reference).execute();
        }
      }
      const deletions: Array<[KeyedTable, string, string[]]> = [
        ['handoff_message', 'id', rows.handoffMessages.map((m) => m.id)],
        ['staff_case', 'id', rows.staffCases.map((c) => c.id)],
        ['handoff', 'id', rows.handoffs.map((h) => h.id)],
        ['callback_request', 'id', rows.callbacks.map((c) => c.id)],
        ['bot_state', 'id', rows.conversationState.map((st) => st.id)],
        [
          'directline_activities',
          'conversation_id',
          [...new Set([...rows.webChatConversations.map((c) => c.id), ...rows.webChatActivities.map((a) => a.conversation_id)])],
        ],
        ['directline_conversations', 'id', rows.webChatConversations.map((c) => c.id)],
      ];
      for (const [table, column, keys] of deletions) await deleteIn(trx, table, column, keys);
    });
    const counts = countRows(rows);
    await this.audit('erase', selector, counts);
    return { counts };
  }

  private async audit(action: 'export' | 'erase', selector: ResidentSelector, counts: Record<string, number>): Promise<void> {
    await this.db
      .insertInto('privacy_audit')
      .values({
        id: randomUUID(),
        at: this.now().toISOString(),
        action,
        selector_kind: selector.kind,
        selector_hash: selector.hash(),
        counts: JSON.stringify(counts),
      })
      .execute();
  }
}

type KeyedTable = 'handoff_message' | 'staff_case' | 'handoff' | 'callback_request' | 'bot_state' | 'directline_activities' | 'directline_conversations';

/** Deletes rows by key, a few hundred keys per statement. */
async function deleteIn(db: Kysely<DatabaseSchema>, table: KeyedTable, column: string, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    await db.deleteFrom(table).where(sql.ref(column), 'in', chunk).execute();
  }
}
