import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../platform/logger';
import { freshDataFolder, shareTrainedModels } from '../support/dataFolder';

export interface Running {
  app: App;
  base: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** The whole assistant on a free port with its own SQLite file (or `dataDir` to reopen one). */
export async function startAssistant(env: Record<string, string> = {}, dataDir = freshDataFolder('webchat')): Promise<Running> {
  const app = await createApp(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }), createLogger('silent'), 'test');
  shareTrainedModels(dataDir);
  const port = await app.server.listen(0, '127.0.0.1');
  return { app, base: `http://127.0.0.1:${port}`, dataDir, stop: () => app.close() };
}

export interface Conversation {
  conversationId: string;
  token: string;
  headers: Record<string, string>;
}

/** A token from tokens/generate (no secret: development), with the conversation started (the welcome is sent). */
export async function openConversation(base: string): Promise<Conversation> {
  const res = await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST' });
  if (!res.ok) throw new Error(`token: ${res.status}`);
  const { conversationId, token } = (await res.json()) as { conversationId: string; token: string };
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const started = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers });
  if (!started.ok) throw new Error(`start: ${started.status}`);
  return { conversationId, token, headers };
}

export interface ActivitySet {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- activities are free-form JSON; tests read whatever fields they check
  activities: Array<Record<string, any>>;
  watermark: string;
}

export async function activities(base: string, c: Conversation, watermark?: string): Promise<ActivitySet> {
  const q = watermark ? `?watermark=${watermark}` : '';
  const res = await fetch(`${base}/v3/directline/conversations/${c.conversationId}/activities${q}`, { headers: c.headers });
  if (!res.ok) throw new Error(`activities: ${res.status}`);
  return (await res.json()) as ActivitySet;
}

export function post(base: string, c: Conversation, activity: Record<string, unknown>, conversationId = c.conversationId): Promise<Response> {
  return fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers: c.headers, body: JSON.stringify(activity) });
}

export const botMessages = (set: ActivitySet) => set.activities.filter((a) => a.type === 'message' && a.from?.role === 'bot');
