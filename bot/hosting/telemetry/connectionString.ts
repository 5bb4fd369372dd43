/** What a usable Application Insights connection string tells us. */
export interface ParsedConnectionString {
  instrumentationKey: string;
  ingestionEndpoint?: string;
}

export type ConnectionStringCheck = { ok: true; value: ParsedConnectionString } | { ok: false; problem: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks an Application Insights connection string ("InstrumentationKey=…;IngestionEndpoint=…")
 * before the SDK sees it, so a typo becomes one clear start-up warning. The problem text
 * never repeats the string itself.
 */
export function checkConnectionString(raw: string): ConnectionStringCheck {
  const parts = raw
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  const fields = new Map<string, string>();
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq <= 0) return { ok: false, problem: 'it is not a list of Key=Value pairs separated by ";"' };
    fields.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const key = fields.get('instrumentationkey');
  if (!key) return { ok: false, problem: 'it has no InstrumentationKey' };
  if (!GUID.test(key)) return { ok: false, problem: 'its InstrumentationKey is not a GUID' };
  const endpoint = fields.get('ingestionendpoint');
  if (endpoint !== undefined) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      return { ok: false, problem: 'its IngestionEndpoint is not a URL' };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'its IngestionEndpoint is not an http(s) URL' };
  }
  return { ok: true, value: { instrumentationKey: key, ingestionEndpoint: endpoint } };
}
