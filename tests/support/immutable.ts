import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Files the tests make unwritable. Root (as in CI) writes any file whatever its mode; an
 * immutable file (chattr +i) stops even root, on file systems that support it.
 */
export function canMakeImmutable(): boolean {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ca-chattr-')), 'probe');
  fs.writeFileSync(file, '');
  try {
    execFileSync('chattr', ['+i', file], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs `body` with these files immutable, and makes them writable again afterwards. */
export async function whileImmutable<T>(files: string[], body: () => Promise<T>): Promise<T> {
  const existing = files.filter((f) => fs.existsSync(f));
  for (const f of existing) execFileSync('chattr', ['+i', f]);
  try {
    return await body();
  } finally {
    for (const f of existing) execFileSync('chattr', ['-i', f]);
  }
}
