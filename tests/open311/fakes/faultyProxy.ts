import http from 'node:http';
import { SeededRandom } from '../../../intents/classifier/SeededRandom';
import { listenOnFreePort } from './listen';

/**
 * Stands in front of a real back office (the built-in one) and, while `misbehaving`, fails at
 * seeded random: 5xx before or after passing the request on, connections dropped before or after
 * it was passed on, answers held back until after the client has given up.
 */
export interface FaultyProxy {
  baseUrl: string;
  misbehaving: boolean;
  stats: { requests: number; faults: number };
  close(): Promise<void>;
}

export async function startFaultyProxy(target: string, seed: number, lateMs = 300): Promise<FaultyProxy> {
  const seeded = new SeededRandom(seed);
  const random = () => seeded.next();
  const timers = new Set<NodeJS.Timeout>();
  const state: FaultyProxy = { baseUrl: '', misbehaving: false, stats: { requests: 0, faults: 0 }, close: () => Promise.resolve() };
  const forward = async (req: http.IncomingMessage, body: Buffer) => {
    const res = await fetch(`${target}${req.url!.replace(/^\/open311\/v2/, '')}`, {
      method: req.method,
      headers: { 'content-type': String(req.headers['content-type'] ?? 'application/x-www-form-urlencoded') },
      body: req.method === 'POST' ? new Uint8Array(body) : undefined,
    });
    return { status: res.status, type: res.headers.get('content-type') ?? 'application/json', text: await res.text() };
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.stats.requests++;
      const body = Buffer.concat(chunks);
      const r = state.misbehaving ? random() : 1;
      if (r < 0.5) state.stats.faults++;
      if (r < 0.12) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify([{ code: 503, description: 'Service temporarily unavailable' }]));
        return;
      }
      if (r < 0.2) return req.socket.destroy();
      void forward(req, body)
        .then((answer) => {
          if (r < 0.32) {
            res.writeHead(500, { 'content-type': 'application/json' });
            res.end(JSON.stringify([{ code: 500, description: 'Internal error after commit' }]));
          } else if (r < 0.42) {
            req.socket.destroy();
          } else {
            const reply = () => {
              if (res.destroyed) return;
              res.writeHead(answer.status, { 'content-type': answer.type });
              res.end(answer.text);
            };
            if (r < 0.5) {
              const t = setTimeout(() => (timers.delete(t), reply()), lateMs);
              timers.add(t);
            } else reply();
          }
        })
        .catch(() => req.socket.destroy());
    });
  });
  Object.assign(state, await listenOnFreePort(server, timers));
  return state;
}
