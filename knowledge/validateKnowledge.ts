import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { utteranceKey, type ContentProblem, type IntentDefinition } from '../intents/trainingData';
import type { Article } from './article';
import { loadArticles, offerableRequests, type LoadedArticles } from './articleLoader';
import { codeFingerprint } from './knowledgeCache';
import { startQuestionCheck } from './questionCheck';
import { loadSynonyms, type SynonymGroups } from './synonyms';
import type { AnalyserLanguage } from './textAnalyser';
import { keepOnly } from './keptFile';

export interface KnowledgeCheckOptions {
  articlesDir: string;
  synonymsPath: string;
  /** Intent training data, so that articles are searched as the assistant searches them. */
  intents?: IntentDefinition[];
  /** "Today", for the review date check. */
  now?: Date;
  /** Longest answer, in words, before a warning (the council profile's `answerWords` for the articles' language); default 160. */
  maxWords?: number;
  /** How the articles' language is searched (knowledge/textAnalyser.ts); default English. */
  analysis?: AnalyserLanguage;
  /** The articles folder as already read (`npm run validate` reads it once); read here when not given. */
  loaded?: LoadedArticles;
  /**
   * Where the result of the questions' check (each question finds its own article) is kept between
   * runs, keyed by everything it depends on ({@link QuestionCheckCache}); none: worked out every time.
   */
  cacheDir?: string;
  /**
   * At most how many threads share the questions' check (knowledge/questionCheck.ts); default: two on a machine with two
   * cores or more when there are many questions. The problems are the same either way.
   */
  threads?: number;
}

const MARKDOWN_LINK = /\[([^\]\n]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g;

/** Problems in one article's Markdown links: every link must be a full https:// address, brackets must pair up. */
export function linkProblems(body: string): string[] {
  const problems: string[] = [];
  for (const m of body.matchAll(MARKDOWN_LINK)) {
    const [whole, text, target] = m;
    if (!text.trim()) problems.push(`link ${whole} has no link text`);
    if (!/^https:\/\//i.test(target) && !/^mailto:|^tel:/i.test(target)) {
      problems.push(`link "${text}" goes to "${target}": use a full address starting with https://`);
      continue;
    }
    if (/^https:/i.test(target)) {
      try {
        const url = new URL(target);
        if (!url.hostname.includes('.')) problems.push(`link "${text}" goes to "${target}", which is not a full web address`);
      } catch {
        problems.push(`link "${text}" goes to "${target}", which is not a well-formed web address`);
      }
    }
  }
  // What is left after removing well-formed links must not contain link pieces.
  const rest = body.replace(MARKDOWN_LINK, '');
  if (/\]\(/.test(rest)) problems.push('a link is missing its closing bracket ")" or has a space in its address');
  const open = (rest.match(/\[/g) ?? []).length;
  const close = (rest.match(/\]/g) ?? []).length;
  if (open !== close) problems.push('square brackets do not pair up: a link is missing "[" or "]"');
  return problems;
}

/**
 * The line of the `index`-th item of a list field in an article's front matter (`notFor:` and its `- ` lines), for a problem's
 * place; undefined when the file cannot be read or the list is written otherwise (as `[a, b]`).
 */
function listItemLine(file: string, field: string, index: number): number | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  } catch {
    return undefined;
  }
  const start = lines.findIndex((l, i) => i > 0 && l.startsWith(`${field}:`));
  if (start < 0) return undefined;
  let seen = -1;
  for (let i = start + 1; i < lines.length && !/^\S/.test(lines[i]); i++) {
    if (/^\s*- /.test(lines[i]) && ++seen === index) return i + 1;
  }
  return undefined;
}

function monthsBetween(from: Date, to: Date): number {
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth()) - (to.getUTCDate() < from.getUTCDate() ? 1 : 0);
}

/**
 * The knowledge checks of `npm run validate`: unreadable articles, duplicate ids, missing fields,
 * malformed links, stale reviews (warning), a question under two articles, and questions that
 * retrieve a different article than their own (the pair is named). Drafts are left out of these
 * checks (only their front matter must be readable): see {@link listDrafts}.
 */
export function validateKnowledge(options: KnowledgeCheckOptions): ContentProblem[] {
  return startValidateKnowledge(options)();
}

/**
 * {@link validateKnowledge} started now and finished when the function it returns is called: the questions' check starts
 * its second thread at once (knowledge/questionCheck.ts), so that it loads and builds its index while the caller does other
 * checks (`npm run validate`'s intents, rules and messages). The same problems, in the same order.
 */
export function startValidateKnowledge(options: KnowledgeCheckOptions): () => ContentProblem[] {
  const now = options.now ?? new Date();
  const maxWords = options.maxWords ?? 160;
  const loaded = options.loaded ?? loadArticles(options.articlesDir, options.intents && offerableRequests(options.intents));
  const problems = [...loaded.problems];
  // Drafts are listed by `npm run validate` and never answered from, so only published articles are checked here.
  const articles = loaded.articles.filter((a) => a.status !== 'draft');

  let synonyms: SynonymGroups = [];
  try {
    synonyms = loadSynonyms(options.synonymsPath);
  } catch (err) {
    problems.push({ severity: 'error', file: options.synonymsPath, message: (err as Error).message });
  }
  const questionsChecked = questionsFindTheirArticles(articles, synonyms, options);
  return () => {
    problems.push(...articleProblems(articles, options, now, maxWords), ...questionsChecked());
    return problems;
  };
}

/** Every check of the published articles but the questions' search: links, review dates, length, questions listed twice, `notFor:` lines, intents' examples. */
function articleProblems(articles: readonly Article[], options: KnowledgeCheckOptions, now: Date, maxWords: number): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const questionOwner = new Map<string, { id: string; file: string }>();
  for (const article of articles) {
    const file = article.file;
    for (const message of linkProblems(article.body)) problems.push({ severity: 'error', file, message });

    const reviewed = new Date(`${article.lastReviewed}T00:00:00Z`);
    const age = monthsBetween(reviewed, now);
    if (age >= 12)
      problems.push({
        severity: 'warning',
        file,
        message: `lastReviewed ${article.lastReviewed} is more than 12 months ago: check the article and update the date`,
      });
    if (reviewed.getTime() > now.getTime() + 86_400_000)
      problems.push({ severity: 'warning', file, message: `lastReviewed ${article.lastReviewed} is in the future` });

    const words = article.body
      .replace(/\]\([^)]*\)/g, ']')
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (words > maxWords)
      problems.push({
        severity: 'warning',
        file,
        message: `the answer is ${words} words long: keep it to ${maxWords} or fewer (aim for ${Math.round((maxWords * 3) / 4)}) and link to the full page`,
      });

    for (const question of article.questions) {
      const key = utteranceKey(question);
      const first = questionOwner.get(key);
      if (!first) questionOwner.set(key, { id: article.id, file });
      else if (first.id === article.id) problems.push({ severity: 'warning', file, message: `the question "${question}" is listed twice` });
      else
        problems.push({
          severity: 'error',
          file,
          message: `the question "${question}" is also under ${first.id} (${path.basename(first.file)}): keep it in one article`,
        });
    }
  }

  // A "not this" line (`notFor:`) that is also a question of the article contradicts it; one that is another article's question
  // adds nothing (a question asked as listed gets its article): it should be a wording of its own.
  for (const article of articles) {
    const seen = new Set<string>();
    (article.notFor ?? []).forEach((line, index) => {
      const key = utteranceKey(line);
      const at = listItemLine(article.file, 'notFor', index);
      const owner = questionOwner.get(key);
      if (seen.has(key)) problems.push({ severity: 'warning', file: article.file, line: at, message: `notFor: "${line}" is listed twice` });
      else if (owner?.id === article.id)
        problems.push({
          severity: 'error',
          file: article.file,
          line: at,
          message: `notFor: "${line}" is also one of ${article.id}'s questions: an article cannot both answer a question and not answer it`,
        });
      else if (owner)
        problems.push({
          severity: 'warning',
          file: article.file,
          line: at,
          message: `notFor: "${line}" is a question of ${owner.id} (${path.basename(owner.file)}), which gets that article anyway: write another way residents ask it`,
        });
      seen.add(key);
    });
  }

  // A question is answered by its article exactly as listed; the same words as an intent's example pull two ways.
  const exampleOwner = new Map<string, string>();
  for (const d of options.intents ?? []) for (const e of d.examples) exampleOwner.set(utteranceKey(e.text), d.intent);
  for (const article of articles) {
    for (const question of article.questions) {
      const intent = exampleOwner.get(utteranceKey(question));
      if (intent)
        problems.push({
          severity: 'error',
          file: article.file,
          message: `the question "${question}" (${article.id}) is also an example of the intent ${intent}: keep it in one place`,
        });
    }
  }

  return problems;
}

/** Each article's own questions must find that article, as residents' messages do: kept between runs on the same content when `cacheDir` is given. */
function questionsFindTheirArticles(articles: readonly Article[], synonyms: SynonymGroups, options: KnowledgeCheckOptions): () => ContentProblem[] {
  const cache = options.cacheDir ? new QuestionCheckCache(options.cacheDir) : undefined;
  const key = cache?.key(articles, synonyms, options);
  const kept = key ? cache?.read(key) : undefined;
  if (kept) return () => kept;
  const check = startArticlesQuestions(articles, synonyms, options);
  return () => {
    const problems = check();
    if (cache && key) cache.write(key, problems);
    return problems;
  };
}

function startArticlesQuestions(articles: readonly Article[], synonyms: SynonymGroups, options: KnowledgeCheckOptions): () => ContentProblem[] {
  return startQuestionCheck({
    articles,
    synonyms,
    intents: (options.intents ?? [])
      .filter((d) => d.intent !== 'none' && d.intent !== 'safeguarding')
      .map((d) => ({ intent: d.intent, examples: d.examples.map((e) => e.text) })),
    outOfScope: options.intents?.find((d) => d.intent === 'none')?.examples.map((e) => e.text) ?? [],
    analysis: options.analysis,
    threads: options.threads,
  });
}

const CHECK_PREFIX = 'validate-questions-';
/** Bump whenever what is kept changes shape or meaning. */
const CHECK_FORMAT = 2;

/**
 * The questions' check as last worked out (`validate-questions-<sha256>.json`), keyed by a hash of
 * everything it depends on: every published article as read (its file, id, title, questions, notFor lines, tags
 * and body), the synonyms, the intents' and out-of-scope examples, the language's analysis and the
 * code that reads and analyses them (as for the knowledge base kept by the server,
 * knowledge/knowledgeCache.ts). Any change to any of them works the whole check out again: a change to
 * one article moves the rarity of words and the scores of every other article, so which article a
 * question finds can change anywhere, and a check of the changed articles alone would not be the
 * check. What it saves is a run on content whose articles did not change (another content file was
 * edited: the replies, the safeguarding rules, a service). A file that cannot be read or used is
 * ignored and written again.
 */
class QuestionCheckCache {
  constructor(private readonly dir: string) {}

  key(articles: readonly Article[], synonyms: SynonymGroups, options: KnowledgeCheckOptions): string {
    const analysis = options.analysis;
    return createHash('sha256')
      .update(
        JSON.stringify({
          format: CHECK_FORMAT,
          code: codeFingerprint(),
          articles: articles.map((a) => [a.file, a.id, a.title, a.questions, a.notFor ?? [], a.tags, a.body]),
          synonyms,
          intents: (options.intents ?? []).map((d) => [d.intent, d.examples.map((e) => e.text)]),
          analysis: analysis ? [[...analysis.stopWords].sort(), analysis.fold?.toString(), analysis.stem.toString(), analysis.split?.toString()] : 'default',
        }),
      )
      .digest('hex');
  }

  read(key: string): ContentProblem[] | undefined {
    try {
      const kept = JSON.parse(fs.readFileSync(this.file(key), 'utf8')) as unknown;
      const usable =
        Array.isArray(kept) &&
        kept.every(
          (p: Partial<ContentProblem> | null) =>
            typeof p === 'object' &&
            p !== null &&
            (p.severity === 'error' || p.severity === 'warning') &&
            typeof p.file === 'string' &&
            typeof p.message === 'string',
        );
      return usable ? (kept as ContentProblem[]) : undefined;
    } catch {
      return undefined; // absent, unreadable or not JSON: worked out again
    }
  }

  /** Keeps this content's result and removes what was kept for other content; a folder that cannot be written to keeps nothing. */
  write(key: string, problems: ContentProblem[]): void {
    try {
      keepOnly(this.dir, CHECK_PREFIX, key, JSON.stringify(problems));
    } catch {
      // Only a saving: the check's result stands either way.
    }
  }

  private file(key: string): string {
    return path.join(this.dir, `${CHECK_PREFIX}${key}.json`);
  }
}

/** The drafts in the articles folder (status: draft, or anywhere in drafts/): not answered from until reviewed. */
export function listDrafts(articlesDir: string): Article[] {
  return loadArticles(articlesDir).articles.filter((a) => a.status === 'draft');
}
