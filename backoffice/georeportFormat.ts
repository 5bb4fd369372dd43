import { XMLBuilder } from 'fast-xml-parser';

/** GeoReport v2 answers in the format the route's extension asks for. */
export type Format = 'json' | 'xml';
export const FORMATS: readonly Format[] = ['json', 'xml'];

/** What a route answers; the same body is written as JSON or shaped as the spec's XML examples. */
export type DocumentKind = 'services' | 'service_definition' | 'service_requests' | 'service_request_updates' | 'discovery' | 'errors';

export interface GeoReportDocument {
  status: number;
  kind: DocumentKind;
  body: unknown;
}

type Item = Record<string, unknown>;

const CONTENT_TYPES: Record<Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };
// Characters XML 1.0 cannot carry at all (control characters other than tab, newline, return; lone surrogates; U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false });

/** "pothole.xml" → { name: 'pothole', format: 'xml' }; undefined for another extension. */
export function splitFormat(file: string): { name: string; format: Format } | undefined {
  const m = /^(.*)\.(json|xml)$/.exec(file);
  return m ? { name: m[1], format: m[2] as Format } : undefined;
}

/** The format a path asks for: .xml → xml, anything else json (the default for errors on unknown routes). */
export function formatOfPath(path: string): Format {
  return /\.xml$/i.test(path.split('?')[0] ?? '') ? 'xml' : 'json';
}

export function render(doc: GeoReportDocument, format: Format): { contentType: string; text: string } {
  if (format === 'json') return { contentType: CONTENT_TYPES.json, text: JSON.stringify(doc.body) };
  const xml = builder.build(clean(shape(doc)));
  return { contentType: CONTENT_TYPES.xml, text: `<?xml version="1.0" encoding="utf-8"?>\n${xml}` };
}

/** The spec's XML shapes: a root element and one element per item. */
function shape(doc: GeoReportDocument): Item {
  const items = (Array.isArray(doc.body) ? doc.body : []) as Item[];
  switch (doc.kind) {
    case 'services':
      return { services: { service: items } };
    case 'service_definition': {
      const def = doc.body as Item & { attributes: Item[] };
      const attribute = def.attributes.map((a) => ({ ...a, values: a.values ? { value: a.values } : undefined }));
      return { service_definition: { ...def, attributes: { attribute } } };
    }
    case 'service_requests':
      return { service_requests: { request: items.map(requestXml) } };
    case 'service_request_updates':
      return { service_request_updates: { request_update: items } };
    case 'discovery': {
      const d = doc.body as Item & { endpoints: Array<Item & { formats: string[] }> };
      return { discovery: { ...d, endpoints: { endpoint: d.endpoints.map((e) => ({ ...e, formats: { format: e.formats } })) } } };
    }
    case 'errors':
      return { errors: { error: items } };
  }
}

/** A request's attributes as <attributes><attribute><code/><value/></attribute></attributes> (codes need not be XML names). */
function requestXml(r: Item): Item {
  const out: Item = { ...r };
  if (r.attributes && typeof r.attributes === 'object') {
    out.attributes = { attribute: Object.entries(r.attributes as Item).map(([code, value]) => ({ code, value })) };
  }
  if (Array.isArray(r.media_urls)) out.media_urls = { media_url: r.media_urls };
  return out;
}

/** Text for the XML builder: null → empty, booleans → true/false, characters XML cannot carry removed. */
function clean(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(NOT_XML, '');
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(clean);
  if (typeof value === 'object') {
    const out: Item = {};
    for (const [k, v] of Object.entries(value as Item)) if (v !== undefined) out[k] = clean(v);
    return out;
  }
  return String(value);
}
