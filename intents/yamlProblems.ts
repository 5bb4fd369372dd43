import fs from 'node:fs';
import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './trainingData';
import { parsedDocument } from '../platform/yamlDocuments';

/**
 * Checks a YAML content file against a zod schema and names the file and line of each mistake, as
 * `npm run validate` promises content designers: a misspelt key ("timeZnoe:") is an unknown key at
 * its own line when the schema is strict, a wrong value is reported at the value. zod alone knows
 * only the path; the yaml library's line counter turns the path into a line.
 */
export function yamlSchemaProblems<S extends z.ZodTypeAny>(
  file: string,
  text: string,
  schema: S,
): { problems: ContentProblem[]; data?: z.infer<S>; keyLines: Map<string, number>; readable: boolean } {
  const { doc, lineCounter } = parsedDocument(text);
  // The line of each top-level key and whether YAML could read the file, from the same parse (files are read at every start).
  const lines = topKeyLines(doc, lineCounter);
  if (doc.errors.length)
    return {
      problems: doc.errors.map((e) => ({ severity: 'error' as const, file, line: e.linePos?.[0]?.line, message: e.message.split('\n')[0] })),
      keyLines: lines,
      readable: false,
    };
  const parsed = schema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return { problems: [], data: parsed.data as z.infer<S>, keyLines: lines, readable: true };
  return { problems: schemaIssueProblems(file, doc, lineCounter, parsed.error.issues), keyLines: lines, readable: true };
}

/** Reads a YAML content file checked against a schema; throws naming the file and line of each mistake. */
export function readYamlChecked<S extends z.ZodTypeAny>(file: string, schema: S): z.infer<S> {
  const { data, problems } = yamlSchemaProblems(file, fs.readFileSync(file, 'utf8'), schema);
  if (problems.length || data === undefined) throw new Error(problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('; '));
  return data;
}

/** A schema's issues on a parsed YAML document as problems with lines (unknown keys at their own line). */
export function schemaIssueProblems(file: string, doc: Document, lineCounter: LineCounter, issues: readonly z.ZodIssue[]): ContentProblem[] {
  const lineAt = (p: readonly PropertyKey[]): number | undefined => {
    for (let n = p.length; n >= 0; n--) {
      const node = doc.getIn(p.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && Array.isArray(node.range)) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  // The line of a key itself (its value may start on the next line: a list under "exampels:").
  const keyLine = (p: readonly PropertyKey[], key: string): number | undefined => {
    const map = p.length ? doc.getIn(p as unknown[], true) : doc.contents;
    if (!isMap(map)) return undefined;
    const pair = map.items.find((it) => isScalar(it.key) && String(it.key.value) === key);
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  return issues.map((i) => {
    // An unknown key is reported where the key is, not at the map that holds it.
    const keys = i.code === 'unrecognized_keys' ? i.keys : [];
    const line = keys.length ? (keyLine(i.path, keys[0]) ?? lineAt(i.path)) : lineAt(i.path);
    const where = [...i.path, ...keys].join('.');
    return { severity: 'error' as const, file, line, message: `${where ? `${where}: ` : ''}${i.message}` };
  });
}

/** The line of each top-level key. */
export function keyLines(text: string): Map<string, number> {
  const { doc, lineCounter } = parsedDocument(text);
  return topKeyLines(doc, lineCounter);
}

function topKeyLines(doc: Document, lineCounter: LineCounter): Map<string, number> {
  const lines = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) lines.set(String(pair.key.value), lineCounter.linePos(pair.key.range[0]).line);
    }
  }
  return lines;
}
