import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CaseStatusSlots } from '../../../dialogs/services/caseStatusDialog';
import { ServiceResponses } from '../../../dialogs/services/serviceResponses';
import { loadCouncilProfile } from '../../../knowledge/councilProfile';
import { DeliveryMessages, loadDeliveryTexts } from '../../../knowledge/deliveryMessages';
import { createLogger } from '../../../platform/logger';
import { Open311Error, type Open311Client } from '../../../servicerequests/open311/open311Client';
import type { Outbox } from '../../../servicerequests/open311/outbox';
import type { ServiceRequest } from '../../../servicerequests/open311/types';
import { LoneDialog } from '../../support/loneDialog';
import { shippedButtons, shippedVocabulary } from '../../support/shippedWords';

/**
 * "What's happening with SR-…?" when the back office gives the request but not its updates: the
 * resident is told the status all the same, and the failure is in the log (never silent), without
 * the resident's name or numbers.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const council = loadCouncilProfile(path.join(ROOT, 'knowledge', 'council.yaml'));
const NOW = new Date('2026-11-24T12:00:00Z');
const REQUEST: ServiceRequest = {
  service_request_id: 'SR-4242',
  status: 'open',
  service_name: 'Pothole or road defect',
  requested_datetime: '2026-11-20T09:00:00Z',
  updated_datetime: '2026-11-21T09:00:00Z',
  first_name: 'Sam',
  last_name: 'Smith',
};

function dialogWith(updates: () => Promise<never>) {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('debug', new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) }));
  const client = { getRequest: () => Promise.resolve(REQUEST), updates } as unknown as Open311Client;
  const outbox = { get: () => Promise.resolve(undefined), findByServiceRequestId: () => Promise.resolve(undefined) } as unknown as Outbox;
  const dialog = new CaseStatusSlots(
    'caseStatus',
    client,
    outbox,
    new DeliveryMessages(loadDeliveryTexts(path.join(ROOT, 'knowledge', 'delivery-messages.yaml')), council),
    new ServiceResponses(council, shippedButtons()),
    () => NOW,
    shippedVocabulary(),
    logger,
  );
  return { dialog, lines };
}

/** pino writes asynchronously to a stream: the line is there once the event loop turns. */
const flushed = () => new Promise((resolve) => setImmediate(resolve));

describe('case status: a back office that will not give its updates', () => {
  it('a failing updates endpoint: the status is told, and a warning is logged (no name)', async () => {
    const { dialog, lines } = dialogWith(() => Promise.reject(new Open311Error('unavailable', 'HTTP 500 for Sam Smith', 500, true)));
    const chat = new LoneDialog(dialog);
    await chat.send("what's happening with my report?");
    const reply = await chat.send('SR-4242');
    expect(reply?.text).toContain('SR-4242');
    await flushed();
    const warning = lines.find((l) => l.level === 40);
    expect(warning?.msg).toMatch(/could not read the back office request updates/);
    expect(warning?.err).toMatchObject({ type: 'Open311Error', status: 500 });
    expect(JSON.stringify(lines)).not.toContain('Sam Smith');
  });

  it('no updates extension (404): noted at debug, not as a warning', async () => {
    const { dialog, lines } = dialogWith(() => Promise.reject(new Open311Error('rejected', 'HTTP 404', 404)));
    const chat = new LoneDialog(dialog);
    await chat.send("what's happening with my report?");
    const reply = await chat.send('SR-4242');
    expect(reply?.text).toContain('SR-4242');
    await flushed();
    expect(lines.filter((l) => (l.level as number) >= 40)).toEqual([]);
    expect(lines.find((l) => l.level === 20)?.msg).toMatch(/no request updates/);
  });
});
