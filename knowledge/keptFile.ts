import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes `<dir>/<prefix><key>.json` whole (through a temporary file and a rename, so a reader never sees half of it) and
 * removes the files kept for other keys under the same prefix: what the knowledge cache and validate's questions' check keep.
 * Throws when the folder cannot be written to.
 */
export function keepOnly(dir: string, prefix: string, key: string, json: string): void {
  const file = path.join(dir, `${prefix}${key}.json`);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, json);
  fs.renameSync(tmp, file);
  for (const name of fs.readdirSync(dir)) {
    const other = path.join(dir, name);
    if (name.startsWith(prefix) && name.endsWith('.json') && other !== file) fs.rmSync(other, { force: true });
  }
}
