import type { Article } from './article';
import { ScoredIndex, type AnalysedIndex, type EntryMatch, type IndexEntry, type SearchTuning } from './scoredIndex';
import { normalise, type TextAnalyser } from './textAnalyser';

/** An article found for a message. */
export interface ArticleMatch {
  article: Article;
  /** Relevance for ordering (unbounded). */
  score: number;
  /** Calibrated in [0, 1]: routing thresholds apply to it (see ScoredIndex). */
  confidence: number;
  /** Confidence with BM25 breaking near-ties: what articles are ordered by (see ScoredIndex). */
  rank: number;
  /**
   * The share of the message (weighted as for confidence) that this article matches and the
   * closest out-of-scope example does not: "is the tip open on sunday" shares "open on sunday"
   * with "is argos open on sunday", but "tip" is the article's alone.
   */
  beyondOutOfScope: number;
  /** Per word of the message: its weight (rarity) and how well this article matched it (0 to 1). */
  words: ReadonlyArray<{ weight: number; match: number }>;
  /**
   * The article's `notFor:` line the message is closer to than to any of the article's own title and questions ("a copy
   * of a birth certificate" and the birth registration article's "order a copy of a birth certificate"): the article must not
   * be answered straight away, and is put after the articles that are not so marked (see {@link MiniSearchKnowledgeBase.retrieve}).
   */
  notFor?: string;
}

/**
 * How close (ScoredIndex.closeness) a message must be to an article's `notFor:` line for the line to count, besides being
 * closer to it than to the article's own title and questions: a message that shares a word or two with the line is not it.
 */
export const NOT_FOR_CLOSENESS = 0.5;

/** What dialogs need from the knowledge base. */
export interface KnowledgeBase {
  readonly size: number;
  get(id: string): Article | undefined;
  all(): readonly Article[];
  /** Best articles first; at most `limit`. Empty when nothing matches. */
  search(text: string, limit?: number): ArticleMatch[];
  /** The article whose title is exactly this text (buttons send titles back), if any. */
  byTitle(text: string): Article | undefined;
  /** The article that lists exactly this question (content designers' own wording wins), if any. */
  byQuestion(text: string): Article | undefined;
}

/** A match for an intent, scored the same way as articles so the router can compare them. */
export interface IntentMatch {
  intent: string;
  confidence: number;
  /** Per word of the message: its weight and how well the intent's examples matched it (as for articles). */
  words?: ReadonlyArray<{ weight: number; match: number }>;
}

/**
 * The share of the message (weighted by rarity) that the article matches and the intent's own
 * examples do not: "when is my bin emptied over christmas" shares "bin" and "emptied" with
 * finding a collection day, but "christmas" is the bank holidays article's alone.
 */
export function beyondIntent(article: ArticleMatch, intent: IntentMatch | undefined): number {
  const total = article.words.reduce((sum, w) => sum + w.weight, 0);
  if (total <= 0) return 0;
  const beyond = article.words.reduce((sum, w, i) => sum + w.weight * Math.max(0, w.match - (intent?.words?.[i]?.match ?? 0)), 0);
  return beyond / total;
}

/** Everything a message matched, for the router. */
export interface Retrieval {
  articles: ArticleMatch[];
  /** Intents whose training examples match, best first. */
  intents: IntentMatch[];
  /** How well the best out-of-scope example (weather, shopping, passports…) matches, in [0, 1]. */
  outOfScope: number;
}

/** What the router needs: retrieval over articles, intents and out-of-scope examples together. */
export interface Retriever {
  retrieve(text: string): Retrieval;
}

/** The knowledge base as the router uses it. */
export interface SearchableKnowledge extends KnowledgeBase, Retriever {}

export interface IntentExamples {
  intent: string;
  label?: string;
  examples: string[];
}

/** Markdown answer → plain words for indexing: link targets and formatting dropped. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[*_#>`[\]]/g, ' ');
}

/**
 * The knowledge base: articles, and (for routing) the intents' training examples and the
 * out-of-scope examples, in one {@link ScoredIndex} so that their confidences are comparable.
 */
export class MiniSearchKnowledgeBase implements SearchableKnowledge {
  private readonly index: ScoredIndex;
  private readonly byId = new Map<string, Article>();
  private readonly titles = new Map<string, Article>();
  private readonly questions = new Map<string, Article>();
  /** Published articles only: a draft is never answered from. */
  private readonly articles: readonly Article[];
  /** Per article with `notFor:` lines, the analysed words of its own title and questions and of those lines, worked out when first needed. */
  private readonly lines = new Map<string, { own: string[][]; notFor: Array<{ line: string; terms: string[] }> }>();

  constructor(
    articles: readonly Article[],
    analyser: TextAnalyser,
    options: {
      intents?: IntentExamples[];
      outOfScope?: string[];
      tuning?: SearchTuning;
      /** How many scored entries the index may remember for the words it has looked up (see ScoredIndex); its own default when not given. */
      rememberedItems?: number;
      /** The same articles, intents and out-of-scope examples as analysed before ({@link analysedIndex}), read back rather than analysed again. */
      prepared?: AnalysedIndex;
    } = {},
  ) {
    this.articles = articles.filter((a) => a.status !== 'draft');
    const entries: IndexEntry[] = this.articles.map((a) => ({
      id: `kb:${a.id}`,
      kind: 'article',
      title: a.title,
      questions: a.questions,
      tags: a.tags,
      // Worked out when analysed: an index read back (`prepared`) never needs it (3,000 bodies at start, issue 23).
      get body() {
        return plainText(a.body);
      },
    }));
    for (const def of options.intents ?? []) {
      entries.push({ id: `intent:${def.intent}`, kind: 'intent', title: def.label ?? '', questions: def.examples, tags: [], body: '' });
    }
    (options.outOfScope ?? []).forEach((text, i) => entries.push({ id: `none:${i}`, kind: 'none', title: '', questions: [text], tags: [], body: '' }));
    this.index = new ScoredIndex(entries, analyser, options.tuning, options.rememberedItems, options.prepared);
    for (const a of this.articles) {
      this.byId.set(a.id, a);
      this.titles.set(normalise(a.title), a);
      for (const q of a.questions) this.questions.set(normalise(q), a);
    }
  }

  /** The analysed articles, intents and out-of-scope examples, for building the same knowledge base again quickly (`prepared`). */
  analysedIndex(): AnalysedIndex {
    return this.index.analysed();
  }

  get size(): number {
    return this.articles.length;
  }

  get(id: string): Article | undefined {
    return this.byId.get(id);
  }

  all(): readonly Article[] {
    return this.articles;
  }

  byTitle(text: string): Article | undefined {
    return this.titles.get(normalise(text));
  }

  byQuestion(text: string): Article | undefined {
    return this.questions.get(normalise(text));
  }

  search(text: string, limit = 3): ArticleMatch[] {
    return this.retrieve(text).articles.slice(0, limit);
  }

  /**
   * The article {@link search} puts first, worked out without scoring intents and out-of-scope
   * examples: for `npm run validate`, which asks it of every question of every article.
   */
  bestArticle(text: string): Article | undefined {
    // Ordered as retrieve orders them: an article the question is among the `notFor:` lines of comes after the others.
    const found = this.index.find(text, 5, 'article').map((m) => this.byId.get(m.entry.id.slice('kb:'.length))!);
    if (!found.some((a) => a.notFor?.length)) return found[0];
    const terms = this.index.terms(text);
    return found.find((a) => this.notForLine(a, terms) === undefined) ?? found[0];
  }

  retrieve(text: string): Retrieval {
    const matches = this.index.find(text, 5);
    const intents: IntentMatch[] = [];
    let closestOutOfScope: EntryMatch | undefined;
    for (const m of matches) {
      if (m.entry.kind === 'intent') intents.push({ intent: m.entry.id.slice('intent:'.length), confidence: m.confidence, words: m.words });
      else if (m.entry.kind === 'none' && m.confidence > (closestOutOfScope?.confidence ?? 0)) closestOutOfScope = m;
    }
    const articles = this.notForLast(
      text,
      matches.filter((m) => m.entry.kind === 'article').map((m) => this.toArticle(m, closestOutOfScope)),
    );
    intents.sort((a, b) => b.confidence - a.confidence);
    return { articles, intents, outOfScope: closestOutOfScope?.confidence ?? 0 };
  }

  /**
   * The articles with each marked when the message is one its `notFor:` lines say it must not answer (closer to the line than
   * to any of the article's own title and questions, and at least {@link NOT_FOR_CLOSENESS} close), the marked ones moved after
   * the others (each group keeps its order): "can I get a copy of my birth certificate" is the certificates article's, not
   * registering a birth's, whichever matches more of its words.
   */
  private notForLast(text: string, articles: ArticleMatch[]): ArticleMatch[] {
    if (!articles.some((a) => a.article.notFor?.length)) return articles;
    const terms = this.index.terms(text);
    const marked = articles.map((match) => {
      const line = this.notForLine(match.article, terms);
      return line === undefined ? match : { ...match, notFor: line };
    });
    return [...marked.filter((m) => m.notFor === undefined), ...marked.filter((m) => m.notFor !== undefined)];
  }

  /** The `notFor:` line of the article that the message (as analysed terms) is closer to than to the article's own words, if any. */
  private notForLine(article: Article, terms: readonly string[]): string | undefined {
    if (!article.notFor?.length || !terms.length) return undefined;
    let lines = this.lines.get(article.id);
    if (!lines) {
      lines = {
        own: [article.title, ...article.questions].map((q) => this.index.terms(q)),
        notFor: article.notFor.map((line) => ({ line, terms: this.index.terms(line) })),
      };
      this.lines.set(article.id, lines);
    }
    let closest: string | undefined;
    let best = 0;
    for (const { line, terms: words } of lines.notFor) {
      const closeness = this.index.closeness(terms, words);
      if (closeness > best) [best, closest] = [closeness, line];
    }
    if (closest === undefined || best < NOT_FOR_CLOSENESS) return undefined;
    const own = Math.max(0, ...lines.own.map((words) => this.index.closeness(terms, words)));
    return best > own ? closest : undefined;
  }

  private toArticle(m: EntryMatch, outOfScope: EntryMatch | undefined): ArticleMatch {
    // Measured as coverage is: against a long message's few words that say what it is about, not all of its story.
    const beyond = m.words.reduce((sum, w, i) => sum + w.weight * Math.max(0, w.match - (outOfScope?.words[i].match ?? 0)), 0);
    return {
      article: this.byId.get(m.entry.id.slice('kb:'.length))!,
      words: m.words,
      score: m.score,
      confidence: m.confidence,
      rank: m.rank,
      beyondOutOfScope: m.extent > 0 ? Math.min(1, beyond / m.extent) : 0,
    };
  }
}
