import MiniSearch, { type Options } from 'minisearch';
import type { TextAnalyser } from './textAnalyser';

/** Something residents' messages are matched against: an article, an intent, or an out-of-scope example. */
export interface IndexEntry {
  id: string;
  kind: 'article' | 'intent' | 'none';
  title: string;
  questions: string[];
  tags: string[];
  /** Plain text; matched words count for less. */
  body: string;
}

export interface EntryMatch {
  entry: IndexEntry;
  /** MiniSearch's BM25 relevance (unbounded; for ordering within one message). */
  score: number;
  /**
   * How well this entry accounts for the message, in [0, 1]: coverage reduced when the matched
   * words say little (see {@link SearchTuning.fullEvidence}). Comparable across messages and kinds.
   */
  confidence: number;
  /**
   * What matches are ordered by: {@link confidence} plus BM25 relative to the message's best result,
   * which breaks near-ties. The lead of the first article over the second on this scale says how
   * clearly it is the one meant.
   */
  rank: number;
  /** Share of the message's informative words (weighted by rarity) found in the entry, counting at most {@link SearchTuning.enoughWords} of them. */
  coverage: number;
  /** Matched weight in units of the rarest word. */
  evidence: number;
  /** The weight of the message that coverage is measured against: all of it, or {@link SearchTuning.enoughWords} for a long one. */
  extent: number;
  /** Per word of the message: its weight (rarity) and how well this entry matched it (0 to 1). */
  words: Array<{ weight: number; match: number }>;
}

export interface SearchTuning {
  boost: { title: number; questions: number; tags: number; body: number };
  /** Part weight of a word found only in the body. */
  bodyMatch: number;
  /** Part weight of a word matched with a typo or as a prefix. */
  fuzzyMatch: number;
  /** Weight of a word nothing uses, relative to a word in one entry. */
  unknownWord: number;
  /**
   * Rarity is measured as if the collection held at most this many entries: in a larger one, each word's
   * count of entries is scaled down in proportion (its share of the collection kept), so that the rarest
   * words do not weigh more and more against the others as pages are added (a word in one entry against a
   * word in one in ten: 4.4 against 2.4 with the shipped articles, 7.6 against 2.4 with 3,000 and no
   * scaling, 6.6 against 2.4 with it, and never above 6.9), while of two rare words the rarer still
   * weighs more. No change up to this many entries.
   */
  rarityEntries: number;
  /** Evidence (in rarest-word units) from which confidence is no longer reduced for saying little. */
  fullEvidence: number;
  /** How much BM25 (relative to the best result) counts when ordering matches. */
  scoreWeight: number;
  /**
   * How much the share of the message found in an entry's title and tags counts when ordering matches:
   * "how the single person discount works" is the article titled so, not the fraud article that lists
   * single person discount in one of its questions and "working" in another.
   */
  aboutWeight: number;
  /**
   * How much of a message (in rarest-word units) an entry needs to account for to count as a full
   * match. A long message is mostly the resident's story ("we're clearing out my nan's old place
   * after she moved in with us…"); measured against all of it, the few words that say what it is
   * about would be drowned.
   */
  enoughWords: number;
}

export const DEFAULT_TUNING: SearchTuning = {
  boost: { title: 2, questions: 3, tags: 1.5, body: 0.4 },
  bodyMatch: 0.5,
  fuzzyMatch: 0.75,
  unknownWord: 1.2,
  rarityEntries: 500,
  fullEvidence: 0.6,
  scoreWeight: 0.2,
  aboutWeight: 0.1,
  enoughWords: 4,
};

/**
 * What building an index works out from its entries, which a start with the same entries can read
 * back instead (knowledge/knowledgeCache.ts, written with `v8.serialize`, which keeps sets and maps as
 * they are): each entry's analysed words (what it is about, its title, questions and tags, its body)
 * and MiniSearch's own state, its tree of words included, so that nothing is rebuilt object by object
 * and the tree read back is the very one built (the same near matches in the same order).
 */
export interface AnalysedIndex {
  entries: Array<[about: Set<string>, strong: Set<string>, body: Set<string>]>;
  search: MiniSearchState;
}

/** MiniSearch 7's fields, as `MiniSearch.loadJS` sets them, with its maps as maps (package-lock.json is in the cache's key). */
interface MiniSearchState {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  /** The `_tree` of its `_index` (a SearchableMap). */
  tree: Map<string, unknown>;
}

const MINISEARCH_FIELDS = [
  '_documentCount',
  '_nextId',
  '_documentIds',
  '_idToShortId',
  '_fieldIds',
  '_fieldLength',
  '_avgFieldLength',
  '_storedFields',
  '_dirtCount',
] as const;

/** MiniSearch's state, to keep ({@link AnalysedIndex}). */
function miniSearchState(search: MiniSearch<IndexDocument>): MiniSearchState {
  const inner = search as unknown as Record<string, unknown> & { _index: { _tree: Map<string, unknown> } };
  return { ...(Object.fromEntries(MINISEARCH_FIELDS.map((f) => [f, inner[f]])) as Omit<MiniSearchState, 'tree'>), tree: inner._index._tree };
}

/** A MiniSearch with this state; throws when the state is not MiniSearch 7's (the knowledge base is then built again). */
function restoreMiniSearch(options: Options<IndexDocument>, state: MiniSearchState): MiniSearch<IndexDocument> {
  const search = new MiniSearch(options);
  const inner = search as unknown as Record<string, unknown> & { _index?: { _tree?: unknown; _size?: unknown } };
  const maps = ['_documentIds', '_idToShortId', '_fieldLength', '_storedFields'] as const;
  if (
    !inner._index ||
    !(inner._index._tree instanceof Map) ||
    !(state.tree instanceof Map) ||
    maps.some((f) => !(inner[f] instanceof Map) || !(state[f] instanceof Map)) ||
    typeof state._documentCount !== 'number' ||
    typeof state._nextId !== 'number' ||
    !Array.isArray(state._avgFieldLength)
  )
    throw new Error('the kept index is not in the shape this MiniSearch keeps');
  for (const f of MINISEARCH_FIELDS) inner[f] = state[f];
  inner._index._tree = state.tree;
  inner._index._size = undefined;
  return search;
}

/** An entry as MiniSearch indexes it: each field's analysed words, separated by spaces. */
interface IndexDocument {
  id: string;
  title: string;
  questions: string;
  tags: string;
  body: string;
}

interface Indexed {
  entry: IndexEntry;
  /** Its place in {@link ScoredIndex}'s list: where its running sums are kept while a message is matched. */
  ordinal: number;
  /** Terms of the title and tags: what the entry is about, not only what it is asked. */
  about: Set<string>;
  strong: Set<string>;
  body: Set<string>;
}

/**
 * What one search term finds, worked out once: MiniSearch's scored entries (their ordinals and
 * scores, in MiniSearch's order), and how well the term matches each entry.
 */
interface TermLookup {
  ordinals: Int32Array;
  scores: Float64Array;
  /** Whether {@link scores} never rise (MiniSearch gives them best first): what {@link ScoredIndex.combineOnly} relies on. */
  descending: boolean;
  /**
   * Per entry ordinal, its place in {@link ordinals} (−1: not found by this term): built when a search
   * of one kind first needs it ({@link ScoredIndex.combineOnly}), and counted in the lookups' budget.
   */
  positions?: Int32Array;
  quality: Map<Indexed, number>;
}

/**
 * How many scored entries and match qualities the kept lookups may hold in all (a few megabytes);
 * beyond it the oldest terms are forgotten. A term typically holds a few dozen.
 */
const MAX_CACHED_ITEMS = 100_000;

/** Kinds as numbers, for {@link ScoredIndex}'s per-kind lists. */
const KIND_ORDER: Record<IndexEntry['kind'], number> = { article: 0, intent: 1, none: 2 };

/** Edits allowed when matching a word with a typo: none for short words. */
function allowedEdits(term: string): number {
  if (term.length < 5) return 0;
  return term.length < 8 ? 1 : 2;
}

/**
 * MiniSearch (BM25, field boosts, prefix and typo-tolerant search) over entries analysed with
 * our {@link TextAnalyser} (stemming, British synonyms), plus a calibrated confidence: BM25
 * scores only order results for one message, so thresholds need a measure that means the same
 * for every message.
 */
export class ScoredIndex {
  private readonly search: MiniSearch<IndexDocument>;
  private readonly entries = new Map<string, Indexed>();
  /** The entries by ordinal. */
  private readonly list: Indexed[] = [];
  /** Per ordinal, while one message is combined: the sum of its terms' scores, how many distinct terms matched it, and which message last touched it. */
  private readonly sums: Float64Array;
  private readonly distinct: Int32Array;
  private readonly touchedBy: Int32Array;
  /** The ordinals one message touched, in the order first touched (each once). */
  private readonly touched: Int32Array;
  /** Per ordinal, its kind ({@link KIND_ORDER}). */
  private readonly kinds: Uint8Array;
  private message = 0;
  private readonly documentFrequency = new Map<string, number>();
  private readonly weightedCount: number;
  private readonly maxWeight: number;
  /** Weights of words the index does not hold, worked out once each (a fuzzy scan of every entry); bounded. */
  private readonly unknownWeights = new Map<string, number>();
  /**
   * Each search term's lookup, kept: the index never changes once built, and residents' messages
   * share most of their words ("bin", "collect", "council tax"), while MiniSearch's prefix and
   * typo-tolerant search for one word costs tens of microseconds.
   */
  private readonly lookups = new Map<string, TermLookup>();
  /** Scored entries and match qualities held by {@link lookups}. */
  private cachedItems = 0;
  /**
   * Every distinct word of every entry, and the entries that hold it: typos are matched against
   * words, once, not against every entry. Built when a word first needs it (a typo or an unknown
   * word), not at start: most first messages have none.
   */
  private wordIndex?: WordIndex;
  /** The words of the entries each term matches with a typo (or cut short), worked out once per term; bounded. */
  private readonly fuzzyWords = new Map<string, readonly string[]>();

  constructor(
    entries: IndexEntry[],
    private readonly analyser: TextAnalyser,
    private readonly tuning: SearchTuning = DEFAULT_TUNING,
    /** How many scored entries and match qualities the kept lookups may hold in all. */
    private readonly cacheBudget = MAX_CACHED_ITEMS,
    /** The same entries as analysed before ({@link analysed}): used instead of analysing and indexing them again. */
    prepared?: AnalysedIndex,
  ) {
    const options: Options<IndexDocument> = {
      fields: ['title', 'questions', 'tags', 'body'],
      // Fields and queries reach MiniSearch already analysed (stemmed, synonyms joined), as terms
      // separated by spaces: analysing twice is slower and not the same ("abuse" → "abus" → "abu").
      tokenize: (analysed) => analysed.split(' ').filter(Boolean),
      processTerm: (term) => term,
      searchOptions: {
        boost: { ...tuning.boost },
        combineWith: 'OR',
        prefix: (term) => term.length >= 4 && !this.analyser.isCanonical(term),
        fuzzy: (term) => (this.analyser.isCanonical(term) ? false : allowedEdits(term) || false),
        maxFuzzy: 2,
      },
    };
    if (prepared && prepared.entries.length !== entries.length)
      throw new Error(`the analysed index holds ${prepared.entries.length} entries, not ${entries.length}`);
    let counted = 0;
    const documents: IndexDocument[] = [];
    for (const [at, entry] of entries.entries()) {
      const ready = prepared?.entries[at];
      if (ready && !ready.every((words) => words instanceof Set)) throw new Error('the kept index holds an entry without its sets of words');
      const indexed = ready ? { entry, ordinal: at, about: ready[0], strong: ready[1], body: ready[2] } : this.analyse(entry, at, documents);
      this.entries.set(entry.id, indexed);
      this.list.push(indexed);
      // Out-of-scope examples do not count towards rarity: they are many and say nothing about the council's words.
      if (entry.kind === 'none') continue;
      counted++;
      // Each distinct word once: the strong words, then the body's that are not also strong (no merged set built per entry).
      const df = this.documentFrequency;
      for (const term of indexed.strong) df.set(term, (df.get(term) ?? 0) + 1);
      for (const term of indexed.body) if (!indexed.strong.has(term)) df.set(term, (df.get(term) ?? 0) + 1);
    }
    this.weightedCount = counted;
    this.sums = new Float64Array(this.list.length);
    this.distinct = new Int32Array(this.list.length);
    this.touchedBy = new Int32Array(this.list.length);
    this.touched = new Int32Array(this.list.length);
    this.kinds = Uint8Array.from(this.list, (indexed) => KIND_ORDER[indexed.entry.kind]);
    if (prepared) {
      this.search = restoreMiniSearch(options, prepared.search);
    } else {
      this.search = new MiniSearch(options);
      this.search.addAll(documents);
    }
    this.maxWeight = this.idf(1);
  }

  /** What {@link prepared} takes to build this index again without analysing its entries (the index's own sets and maps: serialise, do not change). */
  analysed(): AnalysedIndex {
    return { entries: this.list.map((indexed) => [indexed.about, indexed.strong, indexed.body]), search: miniSearchState(this.search) };
  }

  /** One entry's words, analysed; its document for MiniSearch goes into `documents`. */
  private analyse(entry: IndexEntry, ordinal: number, documents: IndexDocument[]): Indexed {
    const fields = {
      title: this.analyser.terms(entry.title),
      questions: this.analyser.terms(entry.questions.join(' . ')),
      tags: this.analyser.terms(entry.tags.join(' . ')),
      body: this.analyser.terms(entry.body),
    };
    documents.push({
      id: entry.id,
      title: fields.title.join(' '),
      questions: fields.questions.join(' '),
      tags: fields.tags.join(' '),
      body: fields.body.join(' '),
    });
    const strong = new Set([...fields.title, ...fields.questions, ...fields.tags]);
    return { entry, ordinal, about: new Set([...fields.title, ...fields.tags]), strong, body: new Set(fields.body) };
  }

  private get words(): WordIndex {
    this.wordIndex ??= new WordIndex(this.list);
    return this.wordIndex;
  }

  /**
   * Matches for a message, best first, with confidences; at most `limit` of each kind (intents: all
   * of them), or of the one kind asked for (`only`: the others are not scored, and what is found of
   * that kind is the same).
   */
  find(text: string, limit = 5, only?: IndexEntry['kind']): EntryMatch[] {
    const terms = this.analyser.terms(text);
    if (!terms.length || !this.entries.size) return [];
    const weights = terms.map((t) => this.weight(t));
    const total = weights.reduce((a, b) => a + b, 0);
    const out: EntryMatch[] = [];
    const lookups = terms.map((t) => this.lookup(t));
    const { results, bestScore } = this.combine(terms, lookups, limit, only);
    for (const { indexed, score } of results) {
      const words = terms.map((t, i) => ({ weight: weights[i], match: this.matchQualityOf(t, lookups[i], indexed) }));
      const covered = words.reduce((sum, w) => sum + w.weight * w.match, 0);
      const extent = Math.min(total, this.tuning.enoughWords * this.maxWeight);
      const coverage = total > 0 ? Math.min(1, covered / extent) : 0;
      const evidence = covered / this.maxWeight;
      const confidence = coverage * Math.min(1, evidence / this.tuning.fullEvidence);
      const about = extent > 0 ? Math.min(1, terms.reduce((sum, t, i) => sum + (indexed.about.has(t) ? weights[i] : 0), 0) / extent) : 0;
      // Calibrated confidence first; BM25 (relative to the best result) and what the entry is about break near-ties.
      const rank = confidence + this.tuning.scoreWeight * (score / bestScore) + this.tuning.aboutWeight * about;
      out.push({ entry: indexed.entry, score, coverage, evidence, extent, words, confidence, rank });
    }
    return out.sort((a, b) => b.rank - a.rank);
  }

  /** A text's search terms, analysed as messages and entries are (stemmed, synonyms joined, small words left out). */
  terms(text: string): string[] {
    return this.analyser.terms(text);
  }

  /**
   * How alike two lines' words are, in [0, 1], each distinct word weighted by its rarity: twice the weight of the words
   * they share over the weight of all the words of both (1: the same words; 0: none shared). Unlike {@link find}'s
   * confidence, words of the line that the message lacks count against it too: "copy of a birth certificate" is closer to
   * "order a copy of my birth certificate" than to "how do I get my newborn's birth certificate".
   */
  closeness(a: readonly string[], b: readonly string[]): number {
    const first = new Set(a);
    const second = new Set(b);
    let total = 0;
    let shared = 0;
    for (const term of first) {
      const weight = this.weight(term);
      total += weight;
      if (second.has(term)) shared += 2 * weight;
    }
    for (const term of second) total += this.weight(term);
    return total > 0 ? shared / total : 0;
  }

  /** One term's lookup, from the cache or worked out now. */
  private lookup(term: string): TermLookup {
    const cached = this.lookups.get(term);
    if (cached) return cached;
    const results = this.search.search(term);
    const found: TermLookup = { ordinals: new Int32Array(results.length), scores: new Float64Array(results.length), descending: true, quality: new Map() };
    results.forEach((r, i) => {
      found.ordinals[i] = this.entries.get(String(r.id))!.ordinal;
      found.scores[i] = r.score;
      if (i > 0 && r.score > found.scores[i - 1]) found.descending = false;
    });
    this.lookups.set(term, found);
    this.cachedItems += results.length;
    this.forgetOver(found);
    return found;
  }

  /** Over budget: forget the oldest terms (never `keep`, the one just looked up or added to). */
  private forgetOver(keep: TermLookup): void {
    for (const [oldTerm, old] of this.lookups) {
      if (this.cachedItems <= this.cacheBudget || old === keep) break;
      this.lookups.delete(oldTerm);
      this.cachedItems -= old.ordinals.length + old.quality.size + (old.positions?.length ?? 0);
    }
  }

  /** Each entry's place in a term's results, by ordinal: worked out once per term and kept with its lookup. */
  private positionsOf(term: string, lookup: TermLookup): Int32Array {
    if (lookup.positions) return lookup.positions;
    const positions = new Int32Array(this.list.length).fill(-1);
    for (let k = 0; k < lookup.ordinals.length; k++) positions[lookup.ordinals[k]] = k;
    lookup.positions = positions;
    if (this.lookups.get(term) === lookup) {
      this.cachedItems += positions.length;
      this.forgetOver(lookup);
    }
    return positions;
  }

  /**
   * MiniSearch's OR query over several terms, put together from each term's own results: an
   * entry scores the sum of its terms' scores times the number of distinct terms it matched,
   * as MiniSearch scores a query of several terms. Of these, the best `limit` articles and
   * out-of-scope examples and every intent (the router compares the classifier's pick with its
   * own examples), best first, ties in the order the terms found them (as a stable sort of all of
   * them would leave them); and the best score of all. Sums are kept in arrays by ordinal and only
   * the few kept are sorted: with thousands of articles a message's common words match thousands
   * of entries, and sorting them all was most of the time of a search.
   */
  private combine(
    terms: string[],
    lookups: TermLookup[],
    limit: number,
    only?: IndexEntry['kind'],
  ): { results: Array<{ indexed: Indexed; score: number }>; bestScore: number } {
    // (Its positions take as many items as there are entries per term: for an index that remembers every word it looks up, as validate's does.)
    if (only !== undefined && this.cacheBudget === Infinity && lookups.every((l) => l.descending)) return this.combineOnly(terms, lookups, limit, only);
    const message = this.nextMessage();
    const { sums, distinct, touchedBy, touched } = this;
    let count = 0;
    for (let i = 0; i < lookups.length; i++) {
      const firstTime = terms.indexOf(terms[i]) === i;
      const { ordinals, scores } = lookups[i];
      for (let k = 0; k < ordinals.length; k++) {
        const o = ordinals[k];
        if (touchedBy[o] === message) {
          sums[o] += scores[k];
          if (firstTime) distinct[o]++;
        } else {
          touchedBy[o] = message;
          sums[o] = scores[k];
          distinct[o] = 1;
          touched[count++] = o;
        }
      }
    }
    // Per kind, the best so far, each with the order it was first found in (its place in {@link touched});
    // `lowest`: the score a new one must beat once a kind's list is full.
    const kept: Array<Array<{ indexed: Indexed; score: number; at: number }>> = [[], [], []];
    const room = [limit, Infinity, limit].map((r, kind) => (only === undefined || KIND_ORDER[only] === kind ? r : 0));
    const lowest = room.map((r) => (r > 0 ? -Infinity : Infinity));
    const kinds = this.kinds;
    let bestScore = -Infinity;
    for (let at = 0; at < count; at++) {
      const o = touched[at];
      const score = sums[o] * distinct[o];
      if (score > bestScore) bestScore = score;
      const kind = kinds[o];
      if (!(score > lowest[kind])) continue;
      const best = kept[kind];
      // After every kept one that scores as well (found earlier): where a stable sort would put it.
      let place = best.length;
      while (place > 0 && score > best[place - 1].score) place--;
      best.splice(place, 0, { indexed: this.list[o], score, at });
      if (best.length > room[kind]) best.pop();
      if (best.length >= room[kind]) lowest[kind] = best[best.length - 1].score;
    }
    const results = kept.flat().sort((a, b) => b.score - a.score || a.at - b.at);
    return { results, bestScore: count ? bestScore : 1 };
  }

  /** A new message's number: numbered messages tell this one's sums from those left by earlier ones without clearing them. */
  private nextMessage(): number {
    if (this.message === 0x7fffffff) {
      this.touchedBy.fill(0);
      this.message = 0;
    }
    return ++this.message;
  }

  /**
   * {@link combine} for a search of one kind (`npm run validate` asks it for each question's best
   * article), stopping once no entry not yet seen can be among the best `limit` (Fagin's threshold
   * algorithm). Each term's results are best first: they are read a place at a time, all terms side
   * by side, and each entry met for the first time is scored exactly as {@link combine} scores it
   * (every term's score added in the message's order, times the number of distinct terms). An entry
   * not yet met scores at most what the terms' results at the current place add up to, times the
   * number of distinct terms; once `limit` entries of the kind score more, none not met can be among
   * the best, nor the best of all. With thousands of articles a question's common words find most
   * of them, and the best few are among the first read: the same results, in the same order (equal
   * scores in the order the terms found them), and the same best score, for a fraction of the work.
   */
  private combineOnly(
    terms: string[],
    lookups: TermLookup[],
    limit: number,
    only: IndexEntry['kind'],
  ): { results: Array<{ indexed: Indexed; score: number }>; bestScore: number } {
    const message = this.nextMessage();
    const { touchedBy, kinds, list } = this;
    const kind = KIND_ORDER[only];
    const count = lookups.length;
    const firstTime = new Uint8Array(count);
    const positions: Int32Array[] = [];
    const scores: Float64Array[] = [];
    let longest = 0;
    for (let i = 0; i < count; i++) {
      if (terms.indexOf(terms[i]) === i) firstTime[i] = 1;
      positions.push(this.positionsOf(terms[i], lookups[i]));
      scores.push(lookups[i].scores);
      longest = Math.max(longest, lookups[i].ordinals.length);
    }
    // The best `limit` of the kind so far: highest score first, equal scores in the order combine would have found them.
    const best: Array<{ ordinal: number; score: number; at: number }> = [];
    let bestScore = -Infinity;
    for (let place = 0; place < longest; place++) {
      for (let j = 0; j < count; j++) {
        const ordinals = lookups[j].ordinals;
        if (place >= ordinals.length) continue;
        const o = ordinals[place];
        if (touchedBy[o] === message) continue;
        touchedBy[o] = message;
        let sum = 0;
        let distinct = 0;
        let at = -1;
        for (let i = 0; i < count; i++) {
          const k = positions[i][o];
          if (k < 0) continue;
          if (at < 0) {
            sum = scores[i][k];
            distinct = 1;
            // Where combine first touched it: the first term that finds it, at its place there.
            at = i * list.length + k;
          } else {
            sum += scores[i][k];
            distinct += firstTime[i];
          }
        }
        const score = sum * distinct;
        if (score > bestScore) bestScore = score;
        if (kinds[o] !== kind || limit < 1) continue;
        let slot = best.length;
        while (slot > 0 && (score > best[slot - 1].score || (score === best[slot - 1].score && at < best[slot - 1].at))) slot--;
        if (slot >= limit) continue;
        best.splice(slot, 0, { ordinal: o, score, at });
        if (best.length > limit) best.pop();
      }
      if (limit < 1 || best.length < limit) continue;
      // An entry not met yet is further down the terms that still have more: it scores at most their next
      // scores added up, times their number. (A margin for rounding: an entry's sum is added in another order.)
      let bound = 0;
      let more = 0;
      for (let j = 0; j < count; j++) {
        if (place + 1 >= scores[j].length) continue;
        bound += scores[j][place + 1];
        more += firstTime[j];
      }
      if (best[limit - 1].score > bound * more * (1 + 1e-9)) break;
    }
    return { results: best.map(({ ordinal, score }) => ({ indexed: list[ordinal], score })), bestScore: bestScore > -Infinity ? bestScore : 1 };
  }

  /** {@link matchQuality}, remembered per term and entry. */
  private matchQualityOf(term: string, lookup: TermLookup, indexed: Indexed): number {
    let quality = lookup.quality.get(indexed);
    if (quality === undefined) {
      quality = this.matchQuality(term, indexed);
      lookup.quality.set(indexed, quality);
      // (A lookup forgotten while this message was being matched no longer counts.)
      if (this.lookups.get(term) === lookup) this.cachedItems++;
    }
    return quality;
  }

  /**
   * BM25's rarity, on a collection scaled down to at most {@link SearchTuning.rarityEntries} entries. (It replaces a floor
   * that made every word in under 0.5 % of the entries weigh alike: at 3,000 articles "mice", in one entry, no longer
   * outweighed "kitchen", in six, and "mice in the kitchen" was as much about food hygiene as about pest control.)
   */
  private idf(df: number): number {
    const scaled = Math.min(this.weightedCount, this.tuning.rarityEntries);
    const share = this.weightedCount > scaled ? (df * scaled) / this.weightedCount : df;
    return Math.log(1 + (scaled + 1) / (share + 0.5));
  }

  /** Rarer words say more (as a share of the collection, {@link SearchTuning.rarityEntries}); a word nothing uses counts heavily against every entry. */
  private weight(term: string): number {
    const df = this.documentFrequency.get(term);
    if (df) return this.idf(df);
    const known = this.unknownWeights.get(term);
    if (known !== undefined) return known;
    let fuzzyDf = 0;
    if (!this.analyser.isCanonical(term)) {
      const holding = new Set<Indexed>();
      for (const word of this.fuzzyMatches(term)) for (const indexed of this.words.holders(word)) if (indexed.entry.kind !== 'none') holding.add(indexed);
      fuzzyDf = holding.size;
    }
    // (Not floored as known words are: the more entries leave a word out, the surer it is that none is about it.)
    const weight = fuzzyDf ? this.idf(fuzzyDf) : Math.log(1 + (this.weightedCount + 1) / 1.5) * this.tuning.unknownWord;
    if (this.unknownWeights.size >= 10_000) this.unknownWeights.clear();
    this.unknownWeights.set(term, weight);
    return weight;
  }

  private matchQuality(term: string, indexed: Indexed): number {
    if (indexed.strong.has(term)) return 1;
    if (indexed.body.has(term)) return this.tuning.bodyMatch;
    if (this.analyser.isCanonical(term)) return 0;
    const near = this.fuzzyMatches(term);
    if (near.some((w) => indexed.strong.has(w))) return this.tuning.fuzzyMatch;
    if (near.some((w) => indexed.body.has(w))) return this.tuning.fuzzyMatch * this.tuning.bodyMatch;
    return 0;
  }

  /** The entries' words that `term` matches with a typo or cut short ({@link WordIndex.near}), remembered per term. */
  private fuzzyMatches(term: string): readonly string[] {
    let near = this.fuzzyWords.get(term);
    if (!near) {
      near = this.words.near(term, allowedEdits(term));
      if (this.fuzzyWords.size >= 10_000) this.fuzzyWords.clear();
      this.fuzzyWords.set(term, near);
    }
    return near;
  }
}

/**
 * The distinct words of all entries, sorted and by length, with the entries holding each. Written
 * here rather than taken from MiniSearch's own fuzzy search: the match quality and an unknown word's
 * weight need exactly which words match (to tell a title from a body match, and to count entries),
 * by the rules below, which MiniSearch's results (scored entries) do not give. One scan of the distinct
 * words per new term replaces a scan of every word of every entry (issue 23: 87 % of a turn's time at
 * 3,000 articles).
 */
class WordIndex {
  private readonly sorted: string[];
  private readonly byLength = new Map<number, string[]>();
  /** Per length, each word's {@link letterMask}, in the order of {@link byLength}. */
  private readonly masksByLength = new Map<number, Int32Array>();
  private readonly holding = new Map<string, Indexed[]>();

  constructor(entries: Iterable<Indexed>) {
    for (const indexed of entries) {
      for (const word of new Set([...indexed.strong, ...indexed.body])) {
        const list = this.holding.get(word);
        if (list) list.push(indexed);
        else this.holding.set(word, [indexed]);
      }
    }
    this.sorted = [...this.holding.keys()].sort();
    for (const word of this.sorted) {
      const list = this.byLength.get(word.length);
      if (list) list.push(word);
      else this.byLength.set(word.length, [word]);
    }
    for (const [length, words] of this.byLength) this.masksByLength.set(length, Int32Array.from(words, letterMask));
  }

  holders(word: string): readonly Indexed[] {
    return this.holding.get(word) ?? [];
  }

  /**
   * Words within `edits` edits of `term` (none when `edits` is 0), or of four letters or more that
   * `term` starts ("recyc" for "recycling"), or that start `term` with at most two letters more (a
   * stem left long by a typo: "parkin" for "park").
   */
  near(term: string, edits: number): string[] {
    if (!edits) return [];
    const found = new Set<string>();
    // Words that start with the term: one range of the sorted list.
    for (let i = lowerBound(this.sorted, term); i < this.sorted.length && this.sorted[i].startsWith(term); i++) {
      if (this.sorted[i].length >= 4) found.add(this.sorted[i]);
    }
    for (let cut = 1; cut <= 2; cut++) {
      const stem = term.slice(0, term.length - cut);
      if (stem.length >= 4 && this.holding.has(stem)) found.add(stem);
    }
    // A letter of one word that the other lacks takes an edit of its own: words with more such letters than the
    // edits allowed are passed over without working out the distance (most of them; the same words are found).
    const mask = letterMask(term);
    for (let length = term.length - edits; length <= term.length + edits; length++) {
      const words = this.byLength.get(length);
      if (!words) continue;
      const masks = this.masksByLength.get(length)!;
      for (let k = 0; k < words.length; k++) {
        const other = masks[k];
        if (bitCount(mask & ~other) > edits || bitCount(other & ~mask) > edits) continue;
        const word = words[k];
        if (!found.has(word) && withinEdits(term, word, edits)) found.add(word);
      }
    }
    return [...found];
  }
}

/**
 * Which letters a word holds, one bit for each of 32 groups of characters (a to z each alone): a group in
 * one word's mask and not in the other's is a character the other lacks, whatever else shares the group.
 */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The first index of `sorted` whose word is not before `word`. */
function lowerBound(sorted: readonly string[], word: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Two rows of the edit-distance table, reused across calls (matching runs for every word of every message). */
let previousRow = new Int32Array(32);
let currentRow = new Int32Array(32);

/** Levenshtein distance ≤ max, with early exit. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (a === b) return true;
  if (previousRow.length <= b.length) {
    previousRow = new Int32Array(b.length + 1);
    currentRow = new Int32Array(b.length + 1);
  }
  let prev = previousRow;
  let cur = currentRow;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return false;
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return prev[b.length] <= max;
}
