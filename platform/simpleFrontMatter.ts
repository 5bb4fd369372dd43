/**
 * A quick reader for the front matter articles are written in — `key: value` lines, lists of
 * `  - item` lines, and `[a, b]` lists on one line — that gives exactly what the `yaml` package
 * gives for them (YAML 1.2, core schema), and gives up (undefined) on anything else: escapes in
 * quotes other than \" and \\, comments after a value, values over several lines, anchors, numbers
 * other than whole ones, a key written twice, a carriage return or a byte order mark. What it gives up
 * on is read by `yaml`, whose messages name the line. Reading 3,000 articles' front matter with `yaml`
 * was most of reading them (issue 23); the intents' training files are written the same way, and
 * reading them with `yaml` was a third of `npm run validate` on the shipped content.
 *
 * `itemLines`, when given, gets the line (from 1) of each item of each list written over several lines.
 */
export function readSimpleFrontMatter(text: string, itemLines?: Map<string, number[]>): Record<string, unknown> | undefined {
  // yaml drops a carriage return at a line's end and a byte order mark at the start; this reader would keep them.
  if (text.includes('\r') || text.startsWith('\uFEFF')) return undefined;
  const result: Record<string, unknown> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBlankOrComment(line)) continue;
    const field = /^([A-Za-z][A-Za-z0-9_]*):(?: +(.*))?$/.exec(line);
    if (!field || Object.hasOwn(result, field[1])) return undefined;
    const [, key, rest] = field;
    const value = rest === undefined ? '' : rest.replace(/ +$/, '');
    if (value) {
      const scalar = value.startsWith('[') ? flowList(value) : item(value, 'block');
      if (scalar === undefined) return undefined;
      result[key] = scalar.value;
      continue;
    }
    // A list on the lines below, all indented alike.
    const items: unknown[] = [];
    const at: number[] = [];
    let indent: string | undefined;
    while (i + 1 < lines.length) {
      const next = lines[i + 1];
      if (isBlankOrComment(next)) {
        i++;
        continue;
      }
      const entry = /^( *)- +(.*)$/.exec(next);
      if (!entry || (indent !== undefined && entry[1] !== indent)) break;
      indent = entry[1];
      const scalar = item(entry[2].replace(/ +$/, ''), 'block');
      if (scalar === undefined) return undefined;
      items.push(scalar.value);
      i++;
      at.push(i + 1);
    }
    // "key:" with nothing under it is null to yaml; left to it, as is anything else indented.
    if (!items.length) return undefined;
    result[key] = items;
    itemLines?.set(key, at);
  }
  return result;
}

function isBlankOrComment(line: string): boolean {
  return /^ *(#.*)?$/.test(line);
}

/** `[a, b, "c"]` on one line. */
function flowList(value: string): { value: unknown[] } | undefined {
  if (!value.endsWith(']')) return undefined;
  const inner = value.slice(1, -1);
  if (!inner.trim()) return { value: [] };
  const items: unknown[] = [];
  for (const part of inner.split(',')) {
    const scalar = item(part.trim(), 'flow');
    if (scalar === undefined) return undefined;
    items.push(scalar.value);
  }
  return { value: items };
}

/** One value: a quoted string (in double quotes, no escapes but \" and \\), or a plain one (text, a whole number, true/false, null). */
function item(value: string, context: 'block' | 'flow'): { value: unknown } | undefined {
  if (!value) return undefined;
  const doubleQuoted = /^"((?:[^"\\]|\\["\\])*)"$/.exec(value);
  if (doubleQuoted) return { value: doubleQuoted[1].replace(/\\(["\\])/g, '$1') };
  const quoted = /^'([^']*)'$/.exec(value);
  if (quoted) return { value: quoted[1] };
  // What could start or end something else than plain text, or mean something else inside it.
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /: |:$| #|\t/.test(value)) return undefined;
  if (context === 'flow' && /[[\]{}:]/.test(value)) return undefined;
  if (/^(?:~|null|Null|NULL)$/.test(value)) return { value: null };
  if (/^(?:true|True|TRUE)$/.test(value)) return { value: true };
  if (/^(?:false|False|FALSE)$/.test(value)) return { value: false };
  if (/^[0-9]+$/.test(value)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? { value: n } : undefined;
  }
  // Dates stay text in YAML 1.2; any other number-like value (octal, hex, floats, .inf) is left to yaml.
  if (/^[+.0-9]/.test(value) && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  if (/^\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(value)) return undefined;
  return { value };
}
