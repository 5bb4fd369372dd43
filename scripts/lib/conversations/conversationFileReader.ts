import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { conversationSchema, type Conversation } from './conversationFile';

export type ReadResult = { ok: true; conversation: Conversation } | { ok: false; error: string };

/** Reads a conversation file; anything wrong with it comes back as "file:line: message", never as a throw. */
export class ConversationFileReader {
  read(file: string): ReadResult {
    const name = path.basename(file);
    let source: string;
    try {
      source = fs.readFileSync(file, 'utf8');
    } catch (err) {
      return { ok: false, error: `${name}: ${(err as Error).message}` };
    }
    const lines = new LineCounter();
    const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
    const yamlError = doc.errors[0];
    if (yamlError) {
      const line = yamlError.linePos?.[0]?.line ?? lines.linePos(yamlError.pos[0]).line;
      return { ok: false, error: `${name}:${line}: ${yamlError.message.split('\n')[0]}` };
    }
    const parsed = conversationSchema.safeParse(doc.toJS());
    if (parsed.success) return { ok: true, conversation: parsed.data };
    const issue = parsed.error.issues[0];
    const where = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
    const line = this.lineOf(doc, lines, where);
    const at = issue.path.length ? `${describePath(issue.path)}: ` : '';
    return { ok: false, error: `${name}:${line}: ${at}${issue.message}` };
  }

  /** The line of the deepest node on the path that exists (the document's first line at worst). */
  private lineOf(doc: ReturnType<typeof parseDocument>, lines: LineCounter, where: (string | number)[]): number {
    for (let n = where.length; n > 0; n--) {
      const node = where.at(n - 1) !== undefined ? this.keyOrValue(doc, where.slice(0, n)) : undefined;
      if (node !== undefined) return lines.linePos(node).line;
    }
    return 1;
  }

  private keyOrValue(doc: ReturnType<typeof parseDocument>, at: (string | number)[]): number | undefined {
    const parent = at.length > 1 ? doc.getIn(at.slice(0, -1), true) : doc.contents;
    const last = at.at(-1)!;
    if (parent && typeof parent === 'object' && 'items' in parent) {
      const items = (parent as { items: unknown[] }).items;
      if (typeof last === 'number') {
        const item = items[last];
        return isNode(item) ? item.range?.[0] : undefined;
      }
      for (const pair of items as { key?: unknown; value?: unknown }[]) {
        if (isNode(pair.key) && (pair.key as { value?: unknown }).value === last) return pair.key.range?.[0];
      }
    }
    return undefined;
  }
}

/** ["steps", 1, "expect", "asks"] → "step 2 expect.asks" (steps counted from 1, as turns are). */
function describePath(at: (string | number)[]): string {
  if (at[0] === 'steps' && typeof at[1] === 'number') return [`step ${at[1] + 1}`, at.slice(2).join('.')].filter(Boolean).join(' ');
  return at.join('.');
}
