/**
 * npm run staff:add — creates (or resets the password of) a contact-centre staff account
 * for the agent console at /agent.
 *
 *   npm run staff:add                                   (asks for each value; the password is not shown)
 *   npm run staff:add -- --username sam --name "Sam Patel" --password-stdin < secret.txt
 *   npm run staff:add -- --username sam --name "Sam Patel" --password '…'   (visible in shell history: avoid)
 *
 * Uses the same database settings as the assistant (DATABASE_URL or DATA_DIR, read from .env too).
 */
import readline from 'node:readline';
import { ConfigError, loadConfig } from '../bot/config';
import { MIN_PASSWORD_LENGTH } from '../bot/handoff/passwords';
import { StaffStore } from '../bot/handoff/staffStore';
import { AppDatabase } from '../bot/storage/database';
import { loadDotEnv } from '../bot/dotEnv';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

async function ask(question: string, hidden = false): Promise<string> {
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

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(): Promise<number> {
  loadDotEnv();
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write('Usage: npm run staff:add -- [--username NAME] [--name "Display Name"] [--password-stdin | --password PASSWORD]\n');
    return 0;
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`staff:add: ${err.message}\n`);
      return 78;
    }
    throw err;
  }
  const interactive = process.stdin.isTTY === true;
  const username = flag(args, 'username') ?? (interactive ? await ask('Username: ') : undefined);
  const displayName = flag(args, 'name') ?? (interactive ? await ask('Name shown to residents (e.g. Sam): ') : undefined);
  let password = flag(args, 'password');
  if (args.includes('--password-stdin')) password = await readStdin();
  if (password === undefined && interactive) {
    password = await ask('Password: ', true);
    const again = await ask('Password again: ', true);
    if (again !== password) {
      process.stderr.write('staff:add: the passwords do not match. Nothing was changed.\n');
      return 1;
    }
  }
  if (!username?.trim() || !displayName?.trim() || password === undefined) {
    process.stderr.write('staff:add: give --username, --name and a password (--password-stdin), or run it in a terminal to be asked.\n');
    return 64;
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    process.stderr.write(`staff:add: the password must be at least ${MIN_PASSWORD_LENGTH} characters. Nothing was changed.\n`);
    return 1;
  }
  const database = await AppDatabase.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const staff = await new StaffStore(database.db).addAccount(username, displayName.trim(), password);
    process.stdout.write(`Staff account "${staff.username}" (${staff.displayName}) is ready. Sign in at /agent.\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`staff:add: ${(err as Error).message} Nothing was changed.\n`);
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`staff:add: ${err.message}\n`);
    process.exit(1);
  },
);
