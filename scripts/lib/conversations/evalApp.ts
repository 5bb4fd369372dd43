import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../../bot/app';
import { loadConfig } from '../../../bot/config';
import { createLogger } from '../../../platform/logger';

/**
 * The whole app as residents get it (service requests into the built-in back office, knowledge,
 * handoff), on a real SQLite file in a throwaway folder, listening on 127.0.0.1 only (the service
 * dialogs reach the built-in back office over HTTP). Cached intent models are copied in so that
 * the classifier is not trained again.
 */
export class EvalApp {
  private constructor(
    readonly app: App,
    private readonly dataDir: string,
  ) {}

  /** `content`: COUNCIL_PROFILE and INTENTS_DIR as configured; `modelCache`: a folder of cached models to start from. */
  static async start(content: { COUNCIL_PROFILE?: string; INTENTS_DIR?: string }, modelCache?: string): Promise<EvalApp> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-conveval-'));
    if (modelCache && fs.existsSync(modelCache)) fs.cpSync(modelCache, path.join(dataDir, 'models'), { recursive: true });
    const env: Record<string, string> = { PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    for (const [k, v] of Object.entries(content)) if (v) env[k] = v;
    const config = loadConfig(env);
    const app = await createApp(config, createLogger('silent'), 'eval');
    await app.server.listen(0, '127.0.0.1');
    return new EvalApp(app, dataDir);
  }

  async close(): Promise<void> {
    await this.app.close();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
