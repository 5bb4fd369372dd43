import type { Logger } from '../platform/logger';
import { MAX_RANGE_DAYS, MAX_RESULTS } from './limits';
import { dateRange, param, type Query } from './queryParams';
import { mediaFields, type RequestStore, type StoredUpdate } from './requestStore';
import { readMediaUrls, RequestError } from './requestValidation';
import { parseExtendedStatus } from './statuses';

/** Fields that say who wrote an update: mySociety's POST servicerequestupdates always sends them for a resident's comment. */
const COMMENTER_FIELDS = ['first_name', 'last_name', 'email', 'phone', 'update_id'] as const;

/** mySociety's servicerequestupdates extension of the built-in back office: council updates and residents' comments. */
export class RequestUpdates {
  constructor(
    private readonly store: RequestStore,
    private readonly apiKey: string,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  /** mySociety's GET servicerequestupdates: only for a holder of the api_key. `origin=council|resident` narrows it. */
  async list(q: Query, keyed: boolean) {
    if (!keyed) throw new RequestError(403, 'api_key is missing or not valid.');
    const origin = param(q, 'origin');
    if (origin !== undefined && origin !== 'council' && origin !== 'resident') throw new RequestError(400, 'origin must be council or resident.');
    const { start, end } = dateRange(q, this.now(), MAX_RANGE_DAYS);
    const rows = await this.store.updates(start, end, MAX_RESULTS, origin);
    return rows.map(updateJson);
  }

  /**
   * mySociety's POST servicerequestupdates. With the commenter's name, email, phone or the
   * sender's own update_id (FixMyStreet always sends these) it is a resident's comment: stored
   * with the extended status given (REOPEN, FOR_TRIAGE, CANCELLED, …) and the request's status
   * and notes do not change. Without any of them it is the council's own status update.
   */
  async post(b: Query): Promise<[number, unknown]> {
    const key = param(b, 'api_key');
    if (!key || key !== this.apiKey) throw new RequestError(403, 'api_key is missing or not valid.');
    const id = param(b, 'service_request_id')?.trim();
    if (!id) throw new RequestError(400, 'service_request_id is required.');
    const statusText = param(b, 'status');
    const status = statusText ? parseExtendedStatus(statusText) : undefined;
    if (!status) throw new RequestError(400, 'status must be one of the extended statuses, e.g. OPEN, IN_PROGRESS, ACTION_SCHEDULED, FIXED, CLOSED, REOPEN.');
    const description = param(b, 'description')?.trim() || null;
    if (description && description.length > 4000) throw new RequestError(400, 'description must be 4,000 characters or fewer.');
    const at = param(b, 'updated_datetime');
    if (at && Number.isNaN(Date.parse(at))) throw new RequestError(400, 'updated_datetime must be a W3C date and time.');
    const clientUpdateId = param(b, 'update_id')?.trim() || null;
    if (clientUpdateId && clientUpdateId.length > 64) throw new RequestError(400, 'update_id must be 64 characters or fewer.');
    const media = readMediaUrls(b);
    if (!(await this.store.get(id))) throw new RequestError(404, `service_request_id ${id} was not found.`);
    const when = at ? new Date(at).toISOString() : undefined;
    if (COMMENTER_FIELDS.some((k) => param(b, k)?.trim())) {
      const { update, created } = await this.store.addComment(id, status, description, when, media, clientUpdateId);
      this.logger.info({ serviceRequestId: id, updateId: update.update_id, created }, 'open311 comment received');
      return [200, [{ update_id: update.update_id }]];
    }
    const external = param(b, 'external_status_code')?.trim() || null;
    if (external && external.length > 64) throw new RequestError(400, 'external_status_code must be 64 characters or fewer.');
    const update = await this.store.addUpdate(id, status, description, external, when, media);
    return [200, [{ update_id: update.update_id }]];
  }
}

function updateJson(u: StoredUpdate) {
  return {
    update_id: u.update_id,
    service_request_id: u.service_request_id,
    status: u.status,
    updated_datetime: u.updated_datetime,
    description: u.description ?? '',
    ...mediaFields(u.media_url),
    external_status_code: u.external_status_code ?? '',
    origin: u.origin,
  };
}
