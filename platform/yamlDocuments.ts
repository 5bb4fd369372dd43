import { LineCounter, parseDocument, type Document } from 'yaml';

/**
 * Content YAML parsed once per text while the app starts. The same files are read by several loaders at
 * start-up: each language's loader and its overlay, the start-up content check (knowledge/localeProblems.ts),
 * the language identifier's texts, the back office's catalogue and the service words. Measured on the shipped
 * content (issue 23, twenty-second session): 163 parses of 92 distinct texts, 605 ms of the start's YAML time.
 *
 * Written here rather than taken from a library: the `yaml` package has no cache, and a cache by file name would
 * miss a file changed on disk; this one is keyed by the text itself, so a changed file is a new entry.
 * It is off except while the composition root builds the app (`whileStarting`), and its documents are let go when
 * the build ends (a parsed document is about ten times its text): tests, scripts and any later read parse as before.
 */
let started: Map<string, ParsedYaml> | undefined;

export interface ParsedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** `parseDocument(text, { lineCounter })`, from the start-up cache when the same text was parsed before. Read it only: it may be shared. */
export function parsedDocument(text: string): ParsedYaml {
  const known = started?.get(text);
  if (known) return known;
  const lineCounter = new LineCounter();
  const parsed = { doc: parseDocument(text, { lineCounter }), lineCounter };
  started?.set(text, parsed);
  return parsed;
}

/** As the `yaml` package's `parse(text)`: the value (a fresh copy on each call), its first error thrown, its warnings emitted. */
export function parsedYaml(text: string): unknown {
  const { doc } = parsedDocument(text);
  for (const warning of doc.warnings) process.emitWarning(warning);
  if (doc.errors.length) throw doc.errors[0];
  return doc.toJS();
}

/** Runs the app's build with the cache on; the documents are dropped when it ends, however it ends. */
export async function whileStarting<T>(build: () => Promise<T> | T): Promise<T> {
  const outer = started;
  started ??= new Map();
  try {
    return await build();
  } finally {
    if (!outer) started = undefined;
  }
}
