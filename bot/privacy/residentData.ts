import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type {
  BotStateTable,
  CallbackRequestTable,
  DatabaseSchema,
  DirectLineActivityTable,
  DirectLineConversationTable,
  HandoffMessageTable,
  HandoffTable,
  Open311RequestTable,
  ServiceOutboxTable,
  StaffCaseTable,
} from '../../platform/storage/schema';
import type { ResidentSelector } from './residentSelector';

/** Everything held about one resident, row by row, as stored. */
export interface ResidentRows {
  requests: Selectable<Open311RequestTable>[];
  outbox: Selectable<ServiceOutboxTable>[];
  handoffs: Selectable<HandoffTable>[];
  handoffMessages: Selectable<HandoffMessageTable>[];
  staffCases: Selectable<StaffCaseTable>[];
  callbacks: Selectable<CallbackRequestTable>[];
  conversationState: Selectable<BotStateTable>[];
  webChatConversations: Selectable<DirectLineConversationTable>[];
  webChatActivities: Selectable<DirectLineActivityTable>[];
}

/** The request fields that say who made it (the rest says what and where). */
export const REQUEST_PERSONAL_FIELDS = ['email', 'first_name', 'last_name', 'phone'] as const;

/** A request or outbox row whose personal fields are blank holds nothing about the resident any more. */
export function requestHoldsPersonal(row: Selectable<Open311RequestTable>): boolean {
  return REQUEST_PERSONAL_FIELDS.some((f) => row[f] !== null);
}

export function outboxHoldsPersonal(row: Selectable<ServiceOutboxTable>): boolean {
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  return row.conversation_reference !== null || REQUEST_PERSONAL_FIELDS.some((f) => payload[f] !== undefined && payload[f] !== null);
}

/** LIKE's own wildcards (and its escape character) taken literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%text%` for LIKE. */
function likePattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** Case-insensitively, does the text column contain any of the needles (the same on SQLite and PostgreSQL)? */
function containsAny<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, column: string, needles: string[]): Expression<SqlBool> {
  return eb.or(needles.map((n) => sql<SqlBool>`lower(${sql.ref(column)}) like ${likePattern(n.toLowerCase())} escape '\\'`));
}

/** A phone column with spaces and punctuation removed, to compare with the selector's forms. */
function bareNumber(column: string) {
  return sql<string>`replace(replace(replace(replace(replace(${sql.ref(column)}, ' ', ''), '-', ''), '(', ''), ')', ''), '.', '')`;
}

const unique = <T>(items: T[], key: (t: T) => string): T[] => [...new Map(items.map((i) => [key(i), i])).values()];

/** The conversation id in a stored Bot Framework ConversationReference. */
function conversationOf(reference: string | null): string | undefined {
  if (!reference) return undefined;
  try {
    const id = (JSON.parse(reference) as { conversation?: { id?: unknown } }).conversation?.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Bot state keys are "<channel>/conversations/<id>" and "<channel>/users/<id>". */
function stateKeyConversation(key: string): string | undefined {
  return /^[^/]+\/conversations\/(.+)$/.exec(key)?.[1];
}

/**
 * Finds every row that holds data about one resident, on SQLite and PostgreSQL: rows that name
 * them (email, phone, reference) and then everything else from the conversations those rows
 * came from (their state, Web Chat transcript, handoffs and call-back requests).
 */
export class ResidentDataFinder {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async find(selector: ResidentSelector): Promise<ResidentRows> {
    const needles = selector.needles();
    const requestsNamingThem = await this.requests(selector);
    const outboxNamingThem = await this.outbox(selector, requestsNamingThem);
    const messagesNamingThem = await this.db
      .selectFrom('handoff_message')
      .selectAll()
      .where((eb) => containsAny(eb, 'text', needles))
      .execute();
    const casesNamingThem = await this.db
      .selectFrom('staff_case')
      .selectAll()
      .where((eb) => eb.or([eb('reference', '=', selector.value), containsAny(eb, 'fields', needles)]))
      .execute();
    const handoffsNamingThem = await this.db
      .selectFrom('handoff')
      .selectAll()
      .where((eb) =>
        eb.or([
          containsAny(eb, 'context', needles),
          containsAny(eb, 'summary', needles),
          eb('id', 'in', ['', ...messagesNamingThem.map((m) => m.handoff_id), ...casesNamingThem.map((c) => c.handoff_id ?? '')]),
        ]),
      )
      .execute();
    const callbacksNamingThem = await this.callbacks(selector);
    const statesNamingThem = await this.db
      .selectFrom('bot_state')
      .selectAll()
      .where((eb) => containsAny(eb, 'data', needles))
      .execute();
    const activitiesNamingThem = await this.db
      .selectFrom('directline_activities')
      .select('conversation_id')
      .where((eb) => containsAny(eb, 'activity', needles))
      .execute();

    // Their conversations, wherever the resident was named in them.
    const conversations = [
      ...new Set(
        [
          ...outboxNamingThem.map((o) => conversationOf(o.conversation_reference)),
          ...handoffsNamingThem.map((h) => h.conversation_id),
          ...callbacksNamingThem.map((c) => c.conversation_id),
          ...statesNamingThem.map((s) => stateKeyConversation(s.id)),
          ...activitiesNamingThem.map((a) => a.conversation_id),
        ].filter((id): id is string => !!id),
      ),
    ];
    const ids = ['', ...conversations];
    // Everything else from those conversations.
    const outbox = unique(
      [
        ...outboxNamingThem,
        ...(conversations.length
          ? (
              await this.db
                .selectFrom('service_outbox')
                .selectAll()
                .where((eb) => containsAny(eb, 'conversation_reference', conversations))
                .execute()
            ).filter((o) => conversations.includes(conversationOf(o.conversation_reference) ?? '') && outboxHoldsPersonal(o))
          : []),
      ],
      (o) => o.reference,
    );
    const requests = unique(
      [
        ...requestsNamingThem,
        ...(
          await this.db
            .selectFrom('open311_requests')
            .selectAll()
            .where('client_reference', 'in', ['', ...outbox.map((o) => o.reference)])
            .execute()
        ).filter(requestHoldsPersonal),
      ],
      (r) => r.service_request_id,
    );
    const handoffs = unique(
      [...handoffsNamingThem, ...(await this.db.selectFrom('handoff').selectAll().where('conversation_id', 'in', ids).execute())],
      (h) => h.id,
    );
    const handoffIds = ['', ...handoffs.map((h) => h.id)];
    const handoffMessages = await this.db.selectFrom('handoff_message').selectAll().where('handoff_id', 'in', handoffIds).orderBy('at_ms').execute();
    const staffCases = unique(
      [...casesNamingThem, ...(await this.db.selectFrom('staff_case').selectAll().where('handoff_id', 'in', handoffIds).execute())],
      (c) => c.id,
    );
    const callbacks = unique(
      [...callbacksNamingThem, ...(await this.db.selectFrom('callback_request').selectAll().where('conversation_id', 'in', ids).execute())],
      (c) => c.id,
    );
    const webChatConversations = await this.db.selectFrom('directline_conversations').selectAll().where('id', 'in', ids).execute();
    const webChatActivities = await this.db
      .selectFrom('directline_activities')
      .selectAll()
      .where('conversation_id', 'in', ids)
      .orderBy('conversation_id')
      .orderBy('seq')
      .execute();
    const stateKeys = [...conversations.map((id) => `/conversations/${id}`), ...webChatConversations.map((c) => `/users/${c.user_id}`)];
    const conversationState = unique(
      [
        ...statesNamingThem,
        ...(stateKeys.length
          ? await this.db
              .selectFrom('bot_state')
              .selectAll()
              .where((eb) => eb.or(stateKeys.map((k) => sql<SqlBool>`${sql.ref('id')} like ${`%${escapeLike(k)}`} escape '\\'`)))
              .execute()
          : []),
      ],
      (s) => s.id,
    );
    return { requests, outbox, handoffs, handoffMessages, staffCases, callbacks, conversationState, webChatConversations, webChatActivities };
  }

  /** The built-in back office's requests that still hold who made them. */
  private async requests(selector: ResidentSelector): Promise<Selectable<Open311RequestTable>[]> {
    const rows = await this.db
      .selectFrom('open311_requests')
      .selectAll()
      .where((eb) => {
        if (selector.kind === 'email') return eb(sql`lower(${sql.ref('email')})`, '=', selector.value);
        if (selector.kind === 'phone') return eb(bareNumber('phone'), 'in', selector.phoneForms());
        return eb.or([eb('client_reference', '=', selector.value), eb('service_request_id', '=', selector.value)]);
      })
      .execute();
    return rows.filter(requestHoldsPersonal);
  }

  private async outbox(selector: ResidentSelector, requests: Selectable<Open311RequestTable>[]): Promise<Selectable<ServiceOutboxTable>[]> {
    const references = ['', ...requests.map((r) => r.client_reference ?? '').filter(Boolean)];
    const rows = await this.db
      .selectFrom('service_outbox')
      .selectAll()
      .where((eb) =>
        eb.or([
          containsAny(eb, 'payload', selector.needles()),
          eb('reference', 'in', references),
          ...(selector.kind === 'reference' ? [eb('reference', '=', selector.value), eb('service_request_id', '=', selector.value)] : []),
        ]),
      )
      .execute();
    return rows.filter(outboxHoldsPersonal);
  }

  private async callbacks(selector: ResidentSelector): Promise<Selectable<CallbackRequestTable>[]> {
    const needles = selector.needles();
    return this.db
      .selectFrom('callback_request')
      .selectAll()
      .where((eb) =>
        eb.or([
          containsAny(eb, 'contact', needles),
          containsAny(eb, 'about', needles),
          containsAny(eb, 'context', needles),
          ...(selector.kind === 'phone' ? [eb(bareNumber('contact'), 'in', selector.phoneForms())] : []),
        ]),
      )
      .execute();
  }
}
