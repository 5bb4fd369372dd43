/**
 * npm run staff:password | staff:disable | staff:enable | staff:remove -- --username U
 *
 *   staff:password  sets a new password (asked twice, or --password-stdin); every session of the account ends
 *   staff:disable   the account can no longer sign in; its sessions end now and open consoles close
 *   staff:enable    undoes staff:disable
 *   staff:remove    deletes the account and its sessions (the audit trail keeps its id)
 *   staff:grant     gives the account a role: --role content (reads the knowledge report in the console)
 *                   or --role manager (reads the benefits insight) or --role welsh (a Welsh speaker: offered Welsh conversations first)
 *   staff:revoke    takes a role away: --role content
 *
 * Each change writes one JSON audit line (the username and the action, nothing else).
 * Uses the same database settings as the assistant (DATABASE_URL or DATA_DIR, read from .env too).
 */
import { MIN_PASSWORD_LENGTH } from '../handoff/passwords';
import { isStaffRole, STAFF_ROLES, type Staff, type StaffRole, type StaffStore } from '../handoff/staffStore';
import { ask, flag, readPassword, run, withStaffStore } from './lib/staffCli';

type Action = 'password' | 'disable' | 'enable' | 'remove' | 'grant' | 'revoke';

const DONE: Record<Action, string> = {
  password: 'has a new password; its sessions have ended',
  disable: 'is disabled; its sessions have ended',
  enable: 'is enabled again',
  remove: 'has been removed with its sessions',
  grant: 'has the role',
  revoke: 'no longer has the role',
};

async function main(): Promise<number> {
  const [action, ...args] = process.argv.slice(2) as [Action | undefined, ...string[]];
  const command = `staff:${action ?? '?'}`;
  if (!action || !(action in DONE) || args.includes('--help') || args.includes('-h')) {
    process.stdout.write(
      `Usage: npm run staff:password|staff:disable|staff:enable|staff:remove -- --username NAME${action === 'password' ? ' [--password-stdin]' : ''}\n` +
        `       npm run staff:grant|staff:revoke -- --username NAME --role ${STAFF_ROLES.join('|')}\n`,
    );
    return action && action in DONE ? 0 : 64;
  }
  const username = flag(args, 'username') ?? (process.stdin.isTTY === true ? await ask('Username: ') : undefined);
  if (!username?.trim()) {
    process.stderr.write(`${command}: give --username.\n`);
    return 64;
  }
  const role = action === 'grant' || action === 'revoke' ? (flag(args, 'role') ?? '') : '';
  if ((action === 'grant' || action === 'revoke') && !isStaffRole(role)) {
    process.stderr.write(`${command}: give --role, one of: ${STAFF_ROLES.join(', ')}. Nothing was changed.\n`);
    return 64;
  }
  let password: string | undefined;
  if (action === 'password') {
    const read = await readPassword(args, command);
    if (typeof read === 'object') {
      process.stderr.write(`${read.error}\n`);
      return 1;
    }
    if (read === undefined || read.length < MIN_PASSWORD_LENGTH) {
      process.stderr.write(
        `${command}: give a password of at least ${MIN_PASSWORD_LENGTH} characters (--password-stdin, or run it in a terminal to be asked). Nothing was changed.\n`,
      );
      return read === undefined ? 64 : 1;
    }
    password = read;
  }
  return withStaffStore(command, async (staff, audit) => {
    const change: Record<Action, (s: StaffStore) => Promise<Staff | undefined>> = {
      password: (s) => s.setPassword(username, password!),
      disable: (s) => s.disable(username),
      enable: (s) => s.enable(username),
      remove: (s) => s.remove(username),
      grant: (s) => s.grantRole(username, role as StaffRole),
      revoke: (s) => s.revokeRole(username, role as StaffRole),
    };
    const account = await change[action](staff);
    if (!account) {
      process.stderr.write(`${command}: there is no staff account with that username. Nothing was changed.\n`);
      return 1;
    }
    const what = role ? `${DONE[action]} "${role}"` : DONE[action];
    audit.info({ action: `staff_${action}`, username: account.username, ...(role ? { role } : {}) }, `staff account ${what}`);
    process.stdout.write(`Staff account "${account.username}" ${what}.\n`);
    return 0;
  });
}

run('staff:account', main);
