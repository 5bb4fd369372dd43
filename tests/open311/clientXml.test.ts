import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Open311Client } from '../../servicerequests/open311/open311Client';
import { startXmlBackOffice, type XmlBackOffice } from './fakes/xmlBackOffice';

let strict: XmlBackOffice;
beforeAll(async () => {
  strict = await startXmlBackOffice({ strict: true, apiKey: 'xml-key-123' });
});
afterAll(async () => {
  await strict.close();
});

const fields = { service_code: 'pothole', address_string: '1 Gate Lane', description: 'Hole by the gate', attributes: { surface: 'road' } };

describe('Open311Client over XML (OPEN311_FORMAT=xml)', () => {
  it('reads services and a definition from .xml routes in the shape the JSON answers have', async () => {
    const client = new Open311Client({ baseUrl: strict.baseUrl, format: 'xml' });
    expect(await client.services()).toEqual([{ service_code: 'pothole', service_name: 'Pothole', metadata: 'true', type: 'realtime' }]);
    const def = await client.definition('pothole');
    expect(def.attributes).toHaveLength(1);
    expect(def.attributes[0]).toMatchObject({ code: 'surface', required: true, variable: true, order: 1 });
    expect(def.attributes[0].values).toEqual([
      { key: 'road', name: 'Road' },
      { key: 'path', name: 'Path' },
    ]);
    await expect(client.definition('nope')).rejects.toMatchObject({ kind: 'rejected', status: 404, message: 'No such service' });
  });

  it('a JSON client against an XML-only back office is refused (the case the format setting exists for)', async () => {
    await expect(new Open311Client({ baseUrl: strict.baseUrl }).services()).rejects.toMatchObject({ kind: 'rejected', status: 404 });
  });

  it('leaves client_reference out when told to, so a strict back office accepts the report; reads it back', async () => {
    const refusing = new Open311Client({ baseUrl: strict.baseUrl, format: 'xml', apiKey: 'xml-key-123' });
    await expect(refusing.postRequest(fields, 'AT-1')).rejects.toMatchObject({ kind: 'rejected', message: 'Unknown attribute(s): client_reference' });
    const before = strict.created.length;
    const client = new Open311Client({ baseUrl: strict.baseUrl, format: 'xml', apiKey: 'xml-key-123', sendClientReference: false });
    const made = await client.postRequest(fields, 'AT-2');
    expect(strict.created.length).toBe(before + 1);
    expect(strict.created.at(-1)!.form.has('attribute[client_reference]')).toBe(false);
    expect(await client.getRequest(made.service_request_id)).toMatchObject({
      service_request_id: made.service_request_id,
      status: 'open',
      description: 'Hole by the gate',
    });
    expect(await client.getRequest('X-999')).toBeUndefined();
  });

  it('sends the api_key on update reads', async () => {
    const client = new Open311Client({ baseUrl: strict.baseUrl, format: 'xml', apiKey: 'xml-key-123' });
    const updates = await client.updates(new Date('2026-12-01T00:00:00Z'), new Date('2026-12-05T00:00:00Z'));
    expect(updates).toEqual([expect.objectContaining({ update_id: 'U1', service_request_id: 'X-1', status: 'CLOSED' })]);
  });
});
