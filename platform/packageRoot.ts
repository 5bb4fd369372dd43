import fs from 'node:fs';
import path from 'node:path';

/**
 * The project's root (the folder with its package.json), found from a source file's folder.
 * Code runs both from its TypeScript sources (tests, scripts) and compiled under dist/
 * (`npm start`), so "one folder up" is not always the root; content and data paths are
 * resolved from here instead.
 */
export function packageRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
