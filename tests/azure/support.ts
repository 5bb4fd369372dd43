import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Activity } from 'botbuilder';
import { createApp, type App, type AppExtras } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger, type Logger } from '../../platform/logger';
import { LogForwarder } from '../../bot/hosting/telemetry/logForwarder';
import { freshDataFolder, shareTrainedModels } from '../support/dataFolder';

/** A small training set, so these tests do not depend on the council's real intent data. */
const FIXTURE_INTENTS: Record<string, string[]> = {
  greeting: ['hi', 'hello', 'hiya', 'good morning', 'hello there', 'hey', 'good afternoon', 'hi there'],
  report_missed_bin: [
    'my bin was not collected',
    'bin not emptied',
    'you missed my bin',
    'the bin men did not take my rubbish',
    'missed bin collection',
    'my recycling was not picked up',
    'report a missed bin',
    'nobody emptied my bin today',
  ],
  help: ['help', 'what can you do', 'how does this work', 'i need help', 'what can i ask', 'help me please', 'options', 'menu'],
  none: [
    'what is the weather',
    'tell me a joke',
    'who won the football',
    'recipe for pancakes',
    'best films',
    'how tall is everest',
    'play music',
    'stock prices',
  ],
};

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

export function writeFixtureIntents(dir: string): string {
  const intentsDir = path.join(dir, 'intents');
  fs.mkdirSync(intentsDir, { recursive: true });
  for (const [intent, examples] of Object.entries(FIXTURE_INTENTS)) {
    const yaml = [`intent: ${intent}`, `description: fixture intent ${intent}`, 'examples:', ...examples.map((e) => `  - ${e}`)].join('\n');
    fs.writeFileSync(path.join(intentsDir, `${intent}.yaml`), `${yaml}\n`);
  }
  return intentsDir;
}

/** Log lines captured in memory (what a deployment would see on stdout). */
export class CapturedLogs {
  readonly lines: string[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _enc, cb) => {
      this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      cb();
    },
  });
  text(): string {
    return this.lines.join('\n');
  }
}

export interface RunningApp {
  app: App;
  port: number;
  logs: CapturedLogs;
  logger: Logger;
  dir: string;
  close(): Promise<void>;
}

/** The real app (real SQLite file, real HTTP server on port 0) with logs captured. */
export async function startApp(env: Record<string, string> = {}, logLevel = 'debug', extras: AppExtras = {}): Promise<RunningApp> {
  const dir = tempDir('azure-app');
  const intentsDir = writeFixtureIntents(dir);
  const logs = new CapturedLogs();
  const logForwarder = new LogForwarder(logs.stream);
  const logger = createLogger(logLevel, logForwarder);
  const dataDir = freshDataFolder('azure-app-data');
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: logLevel, INTENTS_DIR: intentsDir, ...env });
  const app = await createApp(config, logger, 'test', { ...extras, logForwarder });
  shareTrainedModels(dataDir);
  const port = await app.server.listen(0, '127.0.0.1');
  return {
    app,
    port,
    logs,
    logger,
    dir,
    async close() {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** An activity as a channel would send it, replies returned in the HTTP response (expectReplies). */
export function messageActivity(text: string, overrides: Partial<Activity> = {}): Partial<Activity> {
  counter++;
  return {
    type: 'message',
    id: `act-${counter}`,
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
    from: { id: 'user-1', name: 'Resident' },
    recipient: { id: 'bot-1', name: 'Council Assistant' },
    conversation: { id: 'conv-1', isGroup: false, conversationType: 'personal', name: '' },
    locale: 'en-GB',
    timestamp: new Date(),
    text,
    ...overrides,
  };
}

export async function send(port: number, activity: Partial<Activity>): Promise<{ status: number; activities: Partial<Activity>[] }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const body = res.status === 200 ? ((await res.json().catch(() => ({}))) as { activities?: Partial<Activity>[] }) : {};
  return { status: res.status, activities: body.activities ?? [] };
}

/** The messages (not traces) among replies. */
export function messages(activities: Partial<Activity>[]): Partial<Activity>[] {
  return activities.filter((a) => a.type === 'message');
}
