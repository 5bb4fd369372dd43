/**
 * Composition root: the only place that reads the environment. Validates it once, then
 * wires config → database → recognizer → dialogs → bot → server, and shuts down cleanly.
 */
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { createApp, ROOT } from './app';
import { ConfigError, loadConfig } from './config';
import { installLastResort } from './lastResort';
import { createLogger } from '../platform/logger';
import { LogForwarder } from './hosting';
import { loadDotEnv } from './dotEnv';

async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`council-assistant: ${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  // Log lines go to stdout, and to Application Insights as traces when it is configured.
  const logForwarder = new LogForwarder(pino.destination({ sync: false }));
  const logger = createLogger(config.logLevel, logForwarder);
  installLastResort(process, logger);
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

  let app;
  try {
    app = await createApp(config, logger, version, { logForwarder });
  } catch (err) {
    process.stderr.write(`council-assistant: could not start: ${(err as Error).message}\n`);
    logger.flush();
    process.exit(1);
  }
  const port = await app.server.listen(config.port);
  logger.info({ port, database: app.database.engine }, 'council assistant listening');
  process.stdout.write(`Council Assistant is running on http://localhost:${port} (Bot Framework endpoint http://localhost:${port}/api/messages)\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing turns in flight');
    app
      .close()
      .then(() => {
        logger.info('stopped');
        logger.flush();
        process.exit(0);
      })
      .catch((err: Error) => {
        logger.error({ err: { message: err.message } }, 'error while shutting down');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

// Start-up failures (a port in use…) end the process: the last resort is for requests, not for a server that never listened.
main().catch((err: Error) => {
  process.stderr.write(`council-assistant: could not start: ${err.message}\n`);
  process.exit(1);
});
