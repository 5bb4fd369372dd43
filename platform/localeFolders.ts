import fs from 'node:fs';
import path from 'node:path';

/** The locale folders under a messages folder (knowledge/messages/en-GB, cy-GB, …), sorted; none when it does not exist. */
export function localeFolders(messagesDir: string): string[] {
  return fs.existsSync(messagesDir)
    ? fs
        .readdirSync(messagesDir)
        .filter((d) => fs.statSync(path.join(messagesDir, d)).isDirectory())
        .sort()
    : [];
}
