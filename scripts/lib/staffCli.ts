import readline from 'node:readline';
import pino from 'pino';
import { ConfigError, loadConfig } from '../../bot/config';
import { loadDotEnv } from '../../bot/dotEnv';
import { StaffStore } from '../../handoff/staffStore';
import { createLogger, type Logger } from '../../platform/logger';
import { AppDatabase } from '../../platform/storage/database';

/** Shared by the staff:* commands: flags, hidden prompts, and the database the assistant uses. */
export function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

export async function ask(question: string, hidden = false): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (hidden) {
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => write(s.startsWith(question) ? s : s.replace(/[^\r\n]/g, ''));
  }
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  if (hidden) process.stdout.write('\n');
  return answer;
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/**
 * The password from --password-stdin, --password, or asked twice in a terminal. A string
 * is the password; `{ error }` says why there is none.
 */
export async function readPassword(args: string[], command: string): Promise<string | { error: string } | undefined> {
  if (args.includes('--password-stdin')) return readStdin();
  const given = flag(args, 'password');
  if (given !== undefined || process.stdin.isTTY !== true) return given;
  const password = await ask('Password: ', true);
  const again = await ask('Password again: ', true);
  return again === password ? password : { error: `${command}: the passwords do not match. Nothing was changed.` };
}

/** Runs `work` with a StaffStore on the assistant's database (DATABASE_URL or DATA_DIR, .env too); returns the exit code. */
export async function withStaffStore(command: string, work: (staff: StaffStore, audit: Logger) => Promise<number>): Promise<number> {
  loadDotEnv();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${command}: ${err.message}\n`);
      return 78;
    }
    throw err;
  }
  const database = await AppDatabase.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // Account changes are always logged (a JSON line like the assistant's own), whatever LOG_LEVEL says.
  const audit = createLogger('info', pino.destination({ dest: 1, sync: true })).child({ component: 'staff-admin' });
  try {
    return await work(new StaffStore(database.db), audit);
  } catch (err) {
    process.stderr.write(`${command}: ${(err as Error).message} Nothing was changed.\n`);
    return 1;
  } finally {
    await database.close();
  }
}

export function run(command: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`${command}: ${err.message}\n`);
      process.exit(1);
    },
  );
}
