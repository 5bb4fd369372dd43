import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { ContentProblem } from '../intents/trainingData';
import type { Article } from './article';
import { articleFiles } from './articleLoader';
import type { AnalysedIndex } from './scoredIndex';
import { keepOnly } from './keptFile';

/** What a start with unchanged content reads back instead of working it out again. */
export interface CachedKnowledge {
  /** The articles as read (drafts included), and the problems that left others out. */
  articles: Article[];
  problems: ContentProblem[];
  index: AnalysedIndex;
}

/** What the knowledge base is built from, besides the articles folder and the synonyms file. */
export interface KnowledgeInputs {
  articlesDir: string;
  synonymsPath: string;
  /** Everything else that decides the analysis and the index: the language's analysis, the intents' and out-of-scope examples. */
  other: unknown;
}

const PREFIX = 'knowledge-';
/** Bump whenever what is kept changes shape or meaning. */
const FORMAT_VERSION = 2;
/** Written with `v8.serialize`: sets and maps read back as they were kept, without JSON or rebuilding them (issue 23). */
const EXTENSION = '.v8';

/**
 * The knowledge base as last built, kept in a folder of the data directory beside the intent
 * models (`knowledge-<sha256>.v8`), keyed by a hash of everything it was built from: each
 * article file's bytes, the synonyms, the intents' and out-of-scope examples, the language, and the
 * code that reads and analyses them (the size and time of each file of knowledge/ and intents/
 * beside this one and of platform/simpleFrontMatter, and of package-lock.json: a new build or new packages build it again). At
 * 3,000 articles reading the front matter and analysing and indexing the articles is most of a
 * start (issue 23); reading it back is a fraction of that. A file that cannot be read, parsed or
 * used is treated as absent.
 */
export class KnowledgeCache {
  constructor(private readonly dir: string) {}

  /** The key of this content, or undefined when a file cannot be read (the knowledge base is then built as usual). */
  key(inputs: KnowledgeInputs): string | undefined {
    const hash = createHash('sha256');
    const add = (part: string | Buffer) => hash.update(`${part.length}:`).update(part);
    try {
      add(JSON.stringify({ version: FORMAT_VERSION, code: codeFingerprint(), articlesDir: path.resolve(inputs.articlesDir), other: inputs.other }));
      for (const file of articleFiles(inputs.articlesDir)) {
        add(file);
        add(fs.readFileSync(file));
      }
      add(fs.readFileSync(inputs.synonymsPath));
    } catch {
      return undefined;
    }
    return hash.digest('hex');
  }

  read(key: string): CachedKnowledge | undefined {
    const file = this.file(key);
    if (!fs.existsSync(file)) return undefined;
    try {
      const kept = v8.deserialize(fs.readFileSync(file)) as Partial<CachedKnowledge> | null;
      const usable =
        !!kept &&
        Array.isArray(kept.articles) &&
        Array.isArray(kept.problems) &&
        Array.isArray(kept.index?.entries) &&
        kept.index.entries.every((e) => Array.isArray(e) && e.length === 3 && e.every((words) => words instanceof Set)) &&
        typeof kept.index.search === 'object' &&
        kept.index.search !== null;
      return usable ? (kept as CachedKnowledge) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps this content's knowledge base, and removes what was kept for other content. */
  write(key: string, knowledge: CachedKnowledge): void {
    keepOnly(this.dir, PREFIX, key, v8.serialize(knowledge), EXTENSION);
  }

  private file(key: string): string {
    return path.join(this.dir, `${PREFIX}${key}${EXTENSION}`);
  }
}

/** The size and time of the code that reads and analyses content (knowledge/, intents/ and the front matter reader, as sources or as built) and of package-lock.json. */
export function codeFingerprint(): string {
  const parts: string[] = [];
  for (const dir of [__dirname, path.join(__dirname, '..', 'intents')]) {
    const names = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((n) => /\.(ts|js)$/.test(n))
          .sort()
      : [];
    for (const name of names) {
      const stat = fs.statSync(path.join(dir, name));
      parts.push(`${name}:${stat.size}:${stat.mtimeMs}`);
    }
  }
  // The quick front matter reader, which reads the articles, lives in platform/ (intents/ reads its training files with it too).
  for (const name of ['simpleFrontMatter.ts', 'simpleFrontMatter.js']) {
    const file = path.join(__dirname, '..', 'platform', name);
    if (!fs.existsSync(file)) continue;
    const stat = fs.statSync(file);
    parts.push(`platform/${name}:${stat.size}:${stat.mtimeMs}`);
  }
  for (const lock of [path.join(__dirname, '..', 'package-lock.json'), path.join(__dirname, '..', '..', 'package-lock.json')]) {
    if (!fs.existsSync(lock)) continue;
    const stat = fs.statSync(lock);
    parts.push(`lock:${stat.size}:${stat.mtimeMs}`);
    break;
  }
  return parts.join('\n');
}
