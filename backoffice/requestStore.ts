import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, Open311RequestTable, Open311UpdateTable } from '../platform/storage/schema';
import { geoReportStatus, storedStatus, type ExtendedStatus } from './statuses';

export type StoredRequest = Selectable<Open311RequestTable>;
export type StoredUpdate = Selectable<Open311UpdateTable>;

export interface NewRequest {
  service_code: string;
  description: string | null;
  lat: number | null;
  long: number | null;
  address_string: string | null;
  address_id: string | null;
  attributes: Record<string, string | string[]>;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  client_reference: string | null;
  /** Photo URLs as given (http or https). */
  media_url: string[];
  service_notice: string | null;
  expected_datetime: string | null;
}

export interface RequestQuery {
  ids?: string[];
  serviceCodes?: string[];
  statuses?: string[];
  start: string;
  end: string;
  limit: number;
}

const FIRST_SEQ = 100001;

/** A stored media_url list as the spec has it (the first), and every one in media_urls when there are more. */
export function mediaFields(stored: string | null): { media_url: string; media_urls?: string[] } {
  const urls = stored ? (JSON.parse(stored) as string[]) : [];
  return urls.length > 1 ? { media_url: urls[0], media_urls: urls } : { media_url: urls[0] ?? '' };
}

/** The built-in back office's requests and updates, in the project database. */
export class RequestStore {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async findByClientReference(ref: string): Promise<StoredRequest | undefined> {
    return this.db.selectFrom('open311_requests').selectAll().where('client_reference', '=', ref).executeTakeFirst();
  }

  async get(id: string): Promise<StoredRequest | undefined> {
    return this.db.selectFrom('open311_requests').selectAll().where('service_request_id', '=', id).executeTakeFirst();
  }

  /**
   * Creates a request, or returns the existing one when `client_reference` was seen before
   * (`created: false`). Safe against two deliveries racing: the unique indexes decide.
   */
  async create(request: NewRequest): Promise<{ request: StoredRequest; created: boolean }> {
    for (let attempt = 0; attempt < 20; attempt++) {
      if (request.client_reference) {
        const existing = await this.findByClientReference(request.client_reference);
        if (existing) return { request: existing, created: false };
      }
      const last = await this.db
        .selectFrom('open311_requests')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      const seq = Math.max(FIRST_SEQ, Number(last?.seq ?? 0) + 1);
      const at = this.now().toISOString();
      const row: StoredRequest = {
        ...request,
        attributes: JSON.stringify(request.attributes),
        media_url: request.media_url.length ? JSON.stringify(request.media_url) : null,
        service_request_id: `SR-${seq}`,
        seq,
        status: 'open',
        extended_status: 'OPEN',
        status_notes: null,
        requested_datetime: at,
        updated_datetime: at,
      };
      try {
        await this.db.insertInto('open311_requests').values(row).execute();
        return { request: row, created: true };
      } catch (err) {
        if (!/unique|duplicate/i.test((err as Error).message)) throw err;
        // Someone else took this seq or this client_reference: look again.
      }
    }
    throw new Error('could not allocate a service request id');
  }

  async query(q: RequestQuery): Promise<StoredRequest[]> {
    let query = this.db.selectFrom('open311_requests').selectAll();
    if (q.ids?.length) {
      query = query.where('service_request_id', 'in', q.ids);
    } else {
      query = query.where('requested_datetime', '>=', q.start).where('requested_datetime', '<=', q.end);
      if (q.serviceCodes?.length) query = query.where('service_code', 'in', q.serviceCodes);
      if (q.statuses?.length) query = query.where('status', 'in', q.statuses);
    }
    return query.orderBy('seq', 'desc').limit(q.limit).execute();
  }

  /**
   * A council's status update: stored, and it sets the request's status and the notes the
   * assistant reads to residents.
   */
  async addUpdate(
    id: string,
    status: ExtendedStatus,
    description: string | null,
    externalStatusCode: string | null,
    at?: string,
    mediaUrl: string[] = [],
  ): Promise<StoredUpdate> {
    const update = this.newUpdate(id, status, description, externalStatusCode, at, mediaUrl, 'council', null);
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('open311_updates').values(update).execute();
      const kept = storedStatus(status);
      await trx
        .updateTable('open311_requests')
        .set({ status: geoReportStatus(kept), extended_status: kept, status_notes: description, updated_datetime: update.updated_datetime })
        .where('service_request_id', '=', id)
        .execute();
    });
    return update;
  }

  /**
   * A resident's comment (mySociety's POST servicerequestupdates from FixMyStreet): stored with
   * the status the resident gave, and nothing about the request changes. The same
   * `clientUpdateId` for the same request returns the comment stored before (`created: false`).
   */
  async addComment(
    id: string,
    status: ExtendedStatus,
    description: string | null,
    at: string | undefined,
    mediaUrl: string[],
    clientUpdateId: string | null,
  ): Promise<{ update: StoredUpdate; created: boolean }> {
    const stored = async () =>
      clientUpdateId
        ? this.db
            .selectFrom('open311_updates')
            .selectAll()
            .where('service_request_id', '=', id)
            .where('client_update_id', '=', clientUpdateId)
            .executeTakeFirst()
        : undefined;
    const existing = await stored();
    if (existing) return { update: existing, created: false };
    const update = this.newUpdate(id, status, description, null, at, mediaUrl, 'resident', clientUpdateId);
    try {
      await this.db.insertInto('open311_updates').values(update).execute();
    } catch (err) {
      const raced = /unique|duplicate/i.test((err as Error).message) ? await stored() : undefined;
      if (!raced) throw err;
      return { update: raced, created: false };
    }
    return { update, created: true };
  }

  private newUpdate(
    id: string,
    status: string,
    description: string | null,
    externalStatusCode: string | null,
    at: string | undefined,
    mediaUrl: string[],
    origin: 'council' | 'resident',
    clientUpdateId: string | null,
  ): StoredUpdate {
    return {
      update_id: `UP-${randomUUID()}`,
      service_request_id: id,
      status,
      description,
      updated_datetime: at ?? this.now().toISOString(),
      external_status_code: externalStatusCode,
      media_url: mediaUrl.length ? JSON.stringify(mediaUrl) : null,
      origin,
      client_update_id: clientUpdateId,
    };
  }

  async updates(start: string, end: string, limit: number, origin?: 'council' | 'resident'): Promise<StoredUpdate[]> {
    let query = this.db.selectFrom('open311_updates').selectAll().where('updated_datetime', '>=', start).where('updated_datetime', '<=', end);
    if (origin) query = query.where('origin', '=', origin);
    return query.orderBy('updated_datetime', 'asc').limit(limit).execute();
  }
}
