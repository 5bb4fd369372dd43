import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, Open311RequestTable, Open311UpdateTable } from '../storage/schema';
import { geoReportStatus, type ExtendedStatus } from './statuses';

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
      const last = await this.db.selectFrom('open311_requests').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
      const seq = Math.max(FIRST_SEQ, Number(last?.seq ?? 0) + 1);
      const at = this.now().toISOString();
      const row: StoredRequest = {
        ...request,
        attributes: JSON.stringify(request.attributes),
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

  async addUpdate(id: string, status: ExtendedStatus, description: string | null, externalStatusCode: string | null, at?: string): Promise<StoredUpdate> {
    const update: StoredUpdate = {
      update_id: `UP-${randomUUID()}`,
      service_request_id: id,
      status,
      description,
      updated_datetime: at ?? this.now().toISOString(),
      external_status_code: externalStatusCode,
    };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('open311_updates').values(update).execute();
      await trx
        .updateTable('open311_requests')
        .set({ status: geoReportStatus(status), extended_status: status, status_notes: description, updated_datetime: update.updated_datetime })
        .where('service_request_id', '=', id)
        .execute();
    });
    return update;
  }

  async updates(start: string, end: string, limit: number): Promise<StoredUpdate[]> {
    return this.db
      .selectFrom('open311_updates')
      .selectAll()
      .where('updated_datetime', '>=', start)
      .where('updated_datetime', '<=', end)
      .orderBy('updated_datetime', 'asc')
      .limit(limit)
      .execute();
  }
}
