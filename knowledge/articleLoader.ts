import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { ContentProblem } from '../intents/trainingData';
import { Intents } from '../intents/catalogue';
import type { Article } from './article';
import { readSimpleFrontMatter } from '../platform/simpleFrontMatter';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Intents an article may not offer to start, whatever the intents' data says: small talk, controls, safeguarding, and out of scope. */
const NOT_OFFERED = new Set<string>([Intents.greeting, Intents.goodbye, Intents.thanks, Intents.help, Intents.cancel, Intents.safeguarding, 'none']);

/**
 * What an article may offer to start: the assistant's requests, read from the intents as content (the intents' data files'
 * `intent:` names, as `npm run validate` and start-up read them), so that an intent added as data can be offered with no
 * TypeScript. Not small talk, controls, safeguarding or out of scope. None read (a test's or a tool's knowledge without
 * intents): nothing to check against, so undefined.
 */
export function offerableRequests(intents: ReadonlyArray<{ intent: string }>): string[] | undefined {
  return intents.length ? [...new Set(intents.map((d) => d.intent))].filter((n) => !NOT_OFFERED.has(n)) : undefined;
}

/** An intent's name as its data file writes it: lower-case words joined by _ ("book_bulky_waste"). */
const INTENT_NAME = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

const frontMatterSchema = z
  .object({
    id: z.string({ required_error: 'is required' }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower case words joined by hyphens'),
    title: z.string({ required_error: 'is required' }).trim().min(1, 'must not be empty'),
    questions: z.array(z.string().trim().min(1, 'must not be empty'), { required_error: 'is required' }).min(1, 'must list at least one question'),
    notFor: z
      .array(z.string({ invalid_type_error: 'must be a question written as text' }).trim().min(1, 'must not be empty'), {
        invalid_type_error: 'must be a list of questions, each on its own line starting with "- "',
      })
      .optional(),
    lgsl: z.number().int().positive().nullable().optional(),
    url: z.string({ required_error: 'is required' }).url('must be a full address starting with https://').startsWith('https://', 'must start with https://'),
    lastReviewed: z
      .string({ required_error: 'is required', invalid_type_error: 'must be a date written as YYYY-MM-DD' })
      .regex(DATE, 'must be a date written as YYYY-MM-DD')
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'is not a real date'),
    owner: z.string({ required_error: 'is required' }).trim().min(1, 'must not be empty'),
    tags: z.array(z.string()).optional(),
    // Which requests there are is the intents' data's to say: checked against them where they are read (readArticle's `requests`).
    request: z.string().regex(INTENT_NAME, "must be the name of one of the assistant's requests, such as book_bulky_waste").optional(),
    status: z.enum(['draft', 'published'], { errorMap: () => ({ message: 'must be draft or published' }) }).optional(),
  })
  // A misspelt field ("notfor:", "question:") would otherwise be dropped without a word, and the article answer as if it were not there.
  .strict();

/** The fields an article's front matter may have, for the message that names one it may not. */
const FIELDS = Object.keys(frontMatterSchema.shape);

export interface LoadedArticles {
  articles: Article[];
  /** Files that could not be read are listed here (errors) and left out of `articles`. */
  problems: ContentProblem[];
}

/** Splits `---` front matter from the body. Returns undefined when the file has no well-formed front matter. */
export function splitFrontMatter(source: string): { frontMatter: string; body: string; bodyLine: number } | undefined {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) return undefined;
  const end = text.indexOf('\n---', 3);
  if (end < 0) return undefined;
  const afterMarker = text.indexOf('\n', end + 4);
  const markerLine = text.slice(end + 1, afterMarker < 0 ? undefined : afterMarker);
  if (markerLine.trim() !== '---') return undefined;
  const frontMatter = text.slice(4, end + 1);
  const body = afterMarker < 0 ? '' : text.slice(afterMarker + 1);
  return { frontMatter, body: body.trim(), bodyLine: frontMatter.split('\n').length + 2 };
}

/**
 * Reads one article file. Problems are returned; an article is returned only when it can be used. With `requests` (see
 * offerableRequests), an article that offers a request not among them is not one that can be used.
 */
export function readArticle(file: string, requests?: readonly string[]): { article?: Article; problems: ContentProblem[] } {
  const offerable = (request: string | undefined): boolean => !request || !requests || requests.includes(request);
  const problems: ContentProblem[] = [];
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { problems: [{ severity: 'error', file, message: `cannot be read: ${(err as Error).message}` }] };
  }
  const parts = splitFrontMatter(source);
  if (!parts) {
    return {
      problems: [
        {
          severity: 'error',
          file,
          line: 1,
          message: 'front matter is missing or not closed: the file must start with a --- line and the front matter must end with another --- line',
        },
      ],
    };
  }
  const expected = path.basename(file).replace(/\.md$/i, '');
  // Most front matter is simple: read quickly, and with yaml (whose positions name the line of a problem) when not, or when wrong.
  const simple = readSimpleFrontMatter(parts.frontMatter);
  const quick = simple && frontMatterSchema.safeParse(simple);
  if (quick && quick.success && quick.data.id === expected && offerable(quick.data.request)) return articleOf(quick.data, parts, file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(parts.frontMatter, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const line = e.linePos?.[0]?.line;
      problems.push({
        severity: 'error',
        file,
        line: line === undefined ? undefined : line + 1,
        message: `front matter cannot be read: ${e.message.split('\n')[0]}`,
      });
    }
    return { problems };
  }
  const raw = doc.toJS() as unknown;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { problems: [{ severity: 'error', file, line: 2, message: 'front matter must be a list of fields such as id: and title:' }] };
  }
  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          problems.push({
            severity: 'error',
            file,
            line: keyLine(doc, lineCounter, key),
            message: `${key}: is not a field of an article (the fields are ${FIELDS.join(', ')})`,
          });
        continue;
      }
      problems.push({
        severity: 'error',
        file,
        line: fieldLine(doc, lineCounter, issue.path),
        message: `${issue.path.join('.') || 'front matter'}: ${issue.message}`,
      });
    }
    return { problems };
  }
  const fm = parsed.data;
  if (!offerable(fm.request))
    return {
      problems: [
        {
          severity: 'error',
          file,
          line: fieldLine(doc, lineCounter, ['request']),
          message: `request: must be one of the assistant's requests: ${(requests ?? []).join(', ')}`,
        },
      ],
    };
  if (fm.id !== expected)
    problems.push({
      severity: 'error',
      file,
      line: fieldLine(doc, lineCounter, ['id']),
      message: `id "${fm.id}" does not match the file name "${expected}.md"`,
    });
  const read = articleOf(fm, parts, file);
  return { article: read.article, problems: [...problems, ...read.problems] };
}

/** The article of valid front matter and its body; none when the body is empty. */
function articleOf(
  fm: z.infer<typeof frontMatterSchema>,
  parts: { body: string; bodyLine: number },
  file: string,
): { article?: Article; problems: ContentProblem[] } {
  if (!parts.body) {
    return { problems: [{ severity: 'error', file, line: parts.bodyLine, message: 'the answer (the text after the front matter) is empty' }] };
  }
  return {
    article: {
      id: fm.id,
      title: fm.title.trim(),
      questions: fm.questions.map((q) => q.trim()),
      notFor: (fm.notFor ?? []).map((q) => q.trim()),
      lgsl: fm.lgsl ?? undefined,
      url: fm.url,
      lastReviewed: fm.lastReviewed,
      owner: fm.owner.trim(),
      tags: fm.tags ?? [],
      ...(fm.request ? { request: fm.request } : {}),
      status: fm.status ?? 'published',
      body: parts.body,
      file,
    },
    problems: [],
  };
}

function fieldLine(doc: ReturnType<typeof parseDocument>, lineCounter: LineCounter, at: PropertyKey[]): number | undefined {
  const node = doc.getIn(at.length ? at : [], true) as { range?: [number, number, number] } | undefined;
  const offset = node?.range?.[0];
  // +1: the front matter starts on the file's second line.
  return offset === undefined ? undefined : lineCounter.linePos(offset).line + 1;
}

/** The line of a top-level field's name (its value may start on the next line, or be empty). */
function keyLine(doc: ReturnType<typeof parseDocument>, lineCounter: LineCounter, key: string): number | undefined {
  const contents = doc.contents as { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> } | null;
  const offset = contents?.items?.find((pair) => pair.key?.value === key)?.key?.range?.[0];
  // +1: the front matter starts on the file's second line.
  return offset === undefined ? undefined : lineCounter.linePos(offset).line + 1;
}

/** The subfolder of the articles folder where imported drafts wait for review (`npm run kb:import`). */
export const DRAFTS_FOLDER = 'drafts';

function markdownFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.md') && e.name.toLowerCase() !== 'readme.md')
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** The files {@link loadArticles} reads, in the order it reads them: the articles, then the drafts. */
export function articleFiles(dir: string): string[] {
  return [...markdownFiles(dir), ...markdownFiles(path.join(dir, DRAFTS_FOLDER))];
}

/**
 * Reads every *.md file in `dir` except README.md, and the drafts in its `drafts/` subfolder
 * (always drafts, whatever their status says, until moved out). Broken files are reported and
 * left out; the rest load. Drafts share the ids' name space with published articles. With `requests`, an article offering
 * a request not among them is left out too (readArticle).
 */
export function loadArticles(dir: string, requests?: readonly string[]): LoadedArticles {
  const problems: ContentProblem[] = [];
  const articles: Article[] = [];
  if (!fs.existsSync(dir)) return { articles, problems: [{ severity: 'error', file: dir, message: 'the articles folder does not exist' }] };
  const draftsDir = path.join(dir, DRAFTS_FOLDER);
  const seen = new Map<string, string>();
  for (const file of articleFiles(dir)) {
    const result = readArticle(file, requests);
    problems.push(...result.problems);
    if (!result.article) continue;
    const first = seen.get(result.article.id);
    if (first) {
      problems.push({ severity: 'error', file, message: `id "${result.article.id}" is already used by ${path.relative(dir, first)}; this file was left out` });
      continue;
    }
    seen.set(result.article.id, file);
    articles.push(path.dirname(file) === draftsDir ? { ...result.article, status: 'draft' } : result.article);
  }
  return { articles, problems };
}
