import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One entity as the analyze-conversations API returns it (wire names). */
export interface FakeCluEntity {
  category: string;
  text: string;
  offset: number;
  length: number;
  confidenceScore: number;
  extraInformation?: Array<Record<string, unknown>>;
}

export interface FakeCluPrediction {
  topIntent: string;
  intents: Array<{ category: string; confidenceScore: number }>;
  entities?: FakeCluEntity[];
}

/** What the fake does with the next requests. */
export type FakeCluBehaviour =
  | { kind: 'answer'; predict: (query: string) => FakeCluPrediction }
  | { kind: 'status'; status: number }
  | { kind: 'slow'; delayMs: number; predict: (query: string) => FakeCluPrediction }
  | { kind: 'malformed' };

export interface FakeCluRequest {
  path: string;
  apiVersion: string | null;
  key: string | undefined;
  body: unknown;
}

export interface FakeClu {
  /** e.g. http://127.0.0.1:12345 (the CLU_ENDPOINT to use) */
  endpoint: string;
  key: string;
  requests: FakeCluRequest[];
  behave(behaviour: FakeCluBehaviour): void;
  close(): Promise<void>;
}

const PATH = '/language/:analyze-conversations';

/**
 * A local stand-in for Azure AI Language conversation analysis, speaking the documented wire
 * format: POST {endpoint}/language/:analyze-conversations?api-version=…, key in
 * Ocp-Apim-Subscription-Key, a `ConversationResult` body. Anything else gets the documented
 * error shape with 401/404/400.
 */
export async function startFakeClu(key = 'fake-clu-key'): Promise<FakeClu> {
  const requests: FakeCluRequest[] = [];
  let behaviour: FakeCluBehaviour = { kind: 'answer', predict: () => ({ topIntent: 'None', intents: [{ category: 'None', confidenceScore: 1 }] }) };
  const timers = new Set<NodeJS.Timeout>();

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const headerKey = req.headers['ocp-apim-subscription-key'];
      const body = safeJson(raw);
      requests.push({ path: url.pathname, apiVersion: url.searchParams.get('api-version'), key: typeof headerKey === 'string' ? headerKey : undefined, body });
      const send = (status: number, payload: unknown) => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== 'POST' || url.pathname !== PATH) return send(404, error('NotFound', 'Resource not found.'));
      if (!url.searchParams.get('api-version')) return send(400, error('InvalidRequest', 'Missing api-version.'));
      if (headerKey !== key) return send(401, error('401', 'Access denied due to invalid subscription key or wrong API endpoint.'));
      const query = queryOf(body);
      if (query === undefined) return send(400, error('InvalidRequest', 'Invalid request body.'));
      const current = behaviour;
      switch (current.kind) {
        case 'status':
          return send(current.status, error('InternalServerError', 'Something went wrong.'));
        case 'malformed':
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end('{"kind":"ConversationResult","result":{"query":');
        case 'slow': {
          const timer = setTimeout(() => {
            timers.delete(timer);
            send(200, result(query, current.predict(query)));
          }, current.delayMs);
          timers.add(timer);
          return;
        }
        case 'answer':
          return send(200, result(query, current.predict(query)));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    key,
    requests,
    behave(b) {
      behaviour = b;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function result(query: string, p: FakeCluPrediction) {
  return {
    kind: 'ConversationResult',
    result: {
      query,
      prediction: { projectKind: 'Conversation', topIntent: p.topIntent, intents: p.intents, entities: p.entities ?? [] },
    },
  };
}

function error(code: string, message: string) {
  return { error: { code, message } };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** The utterance of a `Conversation` task: analysisInput.conversationItem.text. */
function queryOf(body: unknown): string | undefined {
  const b = body as
    { kind?: string; analysisInput?: { conversationItem?: { text?: unknown } }; parameters?: { projectName?: unknown; deploymentName?: unknown } } | undefined;
  if (b?.kind !== 'Conversation') return undefined;
  if (typeof b.parameters?.projectName !== 'string' || typeof b.parameters?.deploymentName !== 'string') return undefined;
  const text = b.analysisInput?.conversationItem?.text;
  return typeof text === 'string' ? text : undefined;
}
