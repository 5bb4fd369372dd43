import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes `<dir>/<prefix><key><ext>` whole (through a temporary file and a rename, so a reader never sees half of it) and
 * removes the files kept for other keys under the same prefix (and those kept as `.json` before, whatever the key):
 * what the knowledge cache and validate's questions' check keep. Throws when the folder cannot be written to.
 */
export function keepOnly(dir: string, prefix: string, key: string, content: string | Uint8Array, ext = '.json'): void {
  const file = path.join(dir, `${prefix}${key}${ext}`);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
  for (const name of fs.readdirSync(dir)) {
    const other = path.join(dir, name);
    if (name.startsWith(prefix) && (name.endsWith(ext) || name.endsWith('.json')) && other !== file) fs.rmSync(other, { force: true });
  }
}
