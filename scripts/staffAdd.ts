/**
 * npm run staff:add — creates (or resets the name and password of) a contact-centre staff
 * account for the agent console at /agent. Resetting ends every session the account had.
 *
 *   npm run staff:add                                   (asks for each value; the password is not shown)
 *   npm run staff:add -- --username sam --name "Sam Patel" --password-stdin < secret.txt
 *   npm run staff:add -- --username sam --name "Sam Patel" --password '…'   (visible in shell history: avoid)
 *   npm run staff:add -- --username eleri --name "Eleri" --password-stdin --welsh < secret.txt
 *                                                       (a Welsh speaker: offered Welsh conversations first; the role `welsh`)
 *
 * Uses the same database settings as the assistant (DATABASE_URL or DATA_DIR, read from .env too).
 */
import { MIN_PASSWORD_LENGTH } from '../handoff/passwords';
import { ask, flag, readPassword, run, withStaffStore } from './lib/staffCli';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write('Usage: npm run staff:add -- [--username NAME] [--name "Display Name"] [--password-stdin | --password PASSWORD] [--welsh]\n');
    return 0;
  }
  const interactive = process.stdin.isTTY === true;
  const username = flag(args, 'username') ?? (interactive ? await ask('Username: ') : undefined);
  const displayName = flag(args, 'name') ?? (interactive ? await ask('Name shown to residents (e.g. Sam): ') : undefined);
  const password = await readPassword(args, 'staff:add');
  if (typeof password === 'object') {
    process.stderr.write(`${password.error}\n`);
    return 1;
  }
  if (!username?.trim() || !displayName?.trim() || password === undefined) {
    process.stderr.write('staff:add: give --username, --name and a password (--password-stdin), or run it in a terminal to be asked.\n');
    return 64;
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    process.stderr.write(`staff:add: the password must be at least ${MIN_PASSWORD_LENGTH} characters. Nothing was changed.\n`);
    return 1;
  }
  return withStaffStore('staff:add', async (staff, audit) => {
    const account = await staff.addAccount(username, displayName.trim(), password);
    audit.info({ action: 'staff_password_set', username: account.username }, 'staff account created or password set; its sessions ended');
    const welsh = args.includes('--welsh');
    if (welsh) {
      await staff.grantRole(account.username, 'welsh');
      audit.info({ action: 'staff_grant', username: account.username, role: 'welsh' }, 'staff account has the role "welsh"');
    }
    process.stdout.write(`Staff account "${account.username}" (${account.displayName}) is ready${welsh ? ', as a Welsh speaker' : ''}. Sign in at /agent.\n`);
    return 0;
  });
}

run('staff:add', main);
