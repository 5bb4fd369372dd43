import { describe, expect, it } from 'vitest';
import { DEFAULT_TUNING, ScoredIndex, withinEdits, type IndexEntry } from '../../knowledge/scoredIndex';
import { TextAnalyser } from '../../knowledge/textAnalyser';

/** Plain Levenshtein distance, written the slow and obvious way. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

describe('withinEdits', () => {
  it.each([
    ['recycling', 'recyling', 1, true],
    ['council', 'concil', 1, true],
    ['pothole', 'pothoel', 1, false],
    ['pothole', 'pothoel', 2, true],
    ['garden', 'garden', 0, true],
    ['', 'abc', 2, false],
  ])('%s ~ %s within %i edits: %s', (a, b, max, expected) => {
    expect(withinEdits(a, b, max)).toBe(expected);
  });

  it('agrees with the textbook distance on many word pairs, long and short, in any order', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = (n: number) => Array.from({ length: n }, () => 'abcde'[Math.floor(random() * 5)]).join('');
    for (let k = 0; k < 2000; k++) {
      const a = word(Math.floor(random() * 12));
      const b = word(Math.floor(random() * 40));
      for (const max of [0, 1, 2, 3]) expect(withinEdits(a, b, max), `${a} ${b} ${max}`).toBe(distance(a, b) <= max);
    }
  });
});

describe('ScoredIndex', () => {
  const entry = (id: string, questions: string[]): IndexEntry => ({ id, kind: 'article', title: '', questions, tags: [], body: '' });
  const index = new ScoredIndex(
    [entry('kb:badge-misuse', ['report abuse of a blue badge']), entry('kb:houses', ['houses in multiple occupation']), entry('kb:parking', ['parking fines'])],
    new TextAnalyser([['business rates', 'rates bill']]),
  );

  // Analysing a stem again can change it ("abuse" → "abus" → "abu"): a message's words must be
  // looked up as analysed once, like the entries' words, or an entry found only by them is missed.
  it.each([
    ['abuse', 'kb:badge-misuse'],
    ['houses', 'kb:houses'],
  ])('finds an entry by %j, a word whose stem changes if analysed twice', (text, id) => {
    const [best] = index.find(text);
    expect(best?.entry.id).toBe(id);
    expect(best.coverage).toBe(1);
  });
});

describe('ScoredIndex: the few best of many matches', () => {
  const entry = (id: string, kind: IndexEntry['kind'], questions: string[]): IndexEntry => ({ id, kind, title: '', questions, tags: [], body: '' });
  // Four articles that match "pay parking fine" equally, two that match it better, one worse; the same for out-of-scope examples.
  const entries = [
    ...['a1', 'a2', 'a3', 'a4'].map((id) => entry(`kb:${id}`, 'article', ['pay a parking fine online today'])),
    entry('kb:best', 'article', ['pay parking fine']),
    entry('kb:worse', 'article', ['parking permits and fines, how to pay them and what they cost in the town centre']),
    entry('kb:second', 'article', ['pay parking fine now']),
    ...['n1', 'n2', 'n3'].map((id) => entry(`none:${id}`, 'none', ['pay a parking fine online today'])),
    entry('intent:pay', 'intent', ['pay a fine']),
    entry('intent:parking', 'intent', ['parking']),
  ];
  const index = new ScoredIndex(entries, new TextAnalyser());

  it('keeps the best of each kind by score, equal scores in the order they were found, and every intent', () => {
    const all = index.find('pay parking fine', 100);
    const byScore = (kind: IndexEntry['kind']) => all.filter((m) => m.entry.kind === kind).sort((a, b) => b.score - a.score);
    for (const limit of [1, 2, 3, 4]) {
      const found = index.find('pay parking fine', limit);
      for (const kind of ['article', 'none'] as const) {
        // A stable sort of all of them by score, cut at the limit (ties: the order the index found them).
        expect(
          found
            .filter((m) => m.entry.kind === kind)
            .map((m) => m.entry.id)
            .sort(),
          `${kind} ${limit}`,
        ).toEqual(
          byScore(kind)
            .slice(0, limit)
            .map((m) => m.entry.id)
            .sort(),
        );
      }
      expect(
        found
          .filter((m) => m.entry.kind === 'intent')
          .map((m) => m.entry.id)
          .sort(),
      ).toEqual(['intent:parking', 'intent:pay']);
    }
    expect(
      index
        .find('pay parking fine', 3)
        .filter((m) => m.entry.kind === 'article')
        .map((m) => m.entry.id)
        .sort(),
    ).toEqual(['kb:a1', 'kb:best', 'kb:second']);
    // Only the four equal ones match: the first found, as before.
    expect(index.find('online today', 2).map((m) => m.entry.id)).toEqual(['kb:a1', 'kb:a2', 'none:n1', 'none:n2']);
    // Scored against the best score of all, whatever was kept.
    expect(index.find('pay parking fine', 1)[0]).toEqual(all[0]);
  });
});

describe('ScoredIndex lookups of words already seen', () => {
  const entry = (id: string, kind: IndexEntry['kind'], questions: string[], body = ''): IndexEntry => ({ id, kind, title: '', questions, tags: [], body });
  const entries = [
    entry('kb:missed-bin', 'article', ['my bin was not collected', 'missed bin collection'], 'Report a missed bin within two working days.'),
    entry('kb:bin-day', 'article', ['when is my bin day', 'which day are bins collected'], 'Collections are weekly.'),
    entry('kb:council-tax', 'article', ['how do i pay my council tax', 'council tax bill'], 'Pay by direct debit.'),
    entry('kb:pothole', 'article', ['report a pothole', 'hole in the road'], 'We repair dangerous potholes within a day.'),
    entry('intent:report_missed_bin', 'intent', ['bin not collected', 'bin missed again', 'my recycling was not collected']),
    entry('none:0', 'none', ['my bin bag split']),
    entry('none:1', 'none', ['what day is it today']),
  ];
  const analyser = new TextAnalyser([['council tax', 'ctax']]);
  const messages = [
    'my bin was not collected',
    'when is my bin day',
    'bin day',
    'collectd bin',
    'council tax bil',
    'pothol on the road',
    'bin bin day',
    'recycling collection day',
    'how do i pay',
  ];

  it('ranks entries exactly as MiniSearch ranks the whole message, words looked up alone or together', () => {
    const index = new ScoredIndex(entries, analyser);
    // The MiniSearch instance inside, asked the whole message at once: the reference.
    const reference = (index as unknown as { search: { search(q: string): Array<{ id: string; score: number }> } }).search;
    for (const text of [...messages, ...messages]) {
      const terms = analyser.terms(text);
      const expected = reference.search(terms.join(' ')).map((r) => [r.id, r.score.toFixed(9)] as const);
      const found = index.find(text, 100).map((m) => [m.entry.id, m.score.toFixed(9)] as const);
      expect(found.map(([id]) => id).sort(), text).toEqual(expected.map(([id]) => id).sort());
      expect(new Map(found), text).toEqual(new Map(expected));
    }
  });

  it('gives the same matches for a message the first time and after its words were seen in others', () => {
    const fresh = () => new ScoredIndex(entries, analyser);
    const warmed = fresh();
    for (const text of messages) warmed.find(text);
    for (const text of messages) expect(warmed.find(text), text).toEqual(fresh().find(text));
  });

  it('gives the same matches after more messages than its counter of messages holds', () => {
    const index = new ScoredIndex(entries, analyser);
    (index as unknown as { message: number }).message = 0x7fffffff - 2;
    for (const text of [...messages, ...messages]) expect(index.find(text), text).toEqual(new ScoredIndex(entries, analyser).find(text));
  });

  it('keeps what it remembers within its budget, forgetting the oldest words first', () => {
    const index = new ScoredIndex(entries, analyser, undefined, 20);
    const cache = index as unknown as { lookups: Map<string, { ordinals: Int32Array; quality: Map<unknown, number> }>; cachedItems: number };
    const held = () => [...cache.lookups.values()].reduce((n, l) => n + l.ordinals.length + l.quality.size, 0);
    for (const text of [...messages, ...messages.map((m) => `${m} again`)]) {
      index.find(text);
      expect(cache.cachedItems).toBe(held());
    }
    expect(held()).toBeGreaterThan(0);
    // Bounded, apart from the qualities worked out for the newest message.
    expect(held()).toBeLessThanOrEqual(20 + entries.length * analyser.terms(`${messages.at(-1)} again`).length);
    const seen = new Set([...messages, 'again'].flatMap((m) => analyser.terms(m)));
    expect(cache.lookups.size).toBeLessThan(seen.size);
    expect(index.find('my bin was not collected')).toEqual(new ScoredIndex(entries, analyser).find('my bin was not collected'));
  });
});

describe('ScoredIndex on long messages', () => {
  const entry = (id: string, questions: string[]): IndexEntry => ({ id, kind: 'article', title: '', questions, tags: [], body: '' });
  const entries = [entry('kb:allotments', ['rent an allotment', 'allotment waiting list']), entry('kb:library', ['join the library', 'library opening times'])];
  const analyser = new TextAnalyser();
  const story = 'my late husband grew tomatoes and courgettes and beans and marrows in our old garden before we moved flats across town';

  it('counts only enough of a long message: the story around the subject does not drown it', () => {
    const index = new ScoredIndex(entries, analyser);
    const short = index.find('allotment waiting list')[0];
    const long = index.find(`${story}, how long is the allotment waiting list`)[0];
    expect(long.entry.id).toBe('kb:allotments');
    expect(long.confidence).toBeGreaterThan(0.6);
    expect(long.confidence).toBeLessThanOrEqual(short.confidence);
  });

  it('measures against the whole message when told to need all of it', () => {
    const strict = new ScoredIndex(entries, analyser, { ...DEFAULT_TUNING, enoughWords: Infinity });
    expect(strict.find(`${story}, how long is the allotment waiting list`)[0].confidence).toBeLessThan(0.4);
  });

  it('still finds nothing for a long message about something no entry covers', () => {
    const index = new ScoredIndex(entries, analyser);
    expect(index.find(story).every((m) => m.confidence < 0.3)).toBe(true);
  });
});

describe('ScoredIndex: what an entry is about', () => {
  const article = (id: string, title: string, questions: string[]): IndexEntry => ({ id, kind: 'article', title, questions, tags: [], body: '' });
  const entries = [
    article('discount', 'Single person discount', ['living alone discount', 'one adult in the house', 'will I lose my single person discount']),
    article('fraud', 'Report fraud', ['someone gets single person discount but has a partner', 'someone is working and claiming', 'report a cheat']),
    article('parking', 'Parking', ['where can I park']),
    // "work" is a common word, as it is among a council's articles.
    ...['jobs', 'roads', 'building', 'apprentices', 'volunteering', 'street-works', 'repairs'].map((id) => article(id, id, [`${id} work`])),
  ];

  it('puts the entry titled with the message ahead of one that gathers its words from several questions', () => {
    const found = new ScoredIndex(entries, new TextAnalyser([])).find('how does single person discount work');
    // The fraud entry holds every word ("working" too) and so accounts for more of the message...
    expect(found.find((m) => m.entry.id === 'fraud')!.confidence).toBeGreaterThan(found.find((m) => m.entry.id === 'discount')!.confidence);
    // ...but the message is about what the other entry is titled.
    expect(found[0].entry.id).toBe('discount');
  });

  it('orders by coverage and BM25 alone without it', () => {
    const found = new ScoredIndex(entries, new TextAnalyser([]), { ...DEFAULT_TUNING, aboutWeight: 0 }).find('how does single person discount work');
    expect(found[0].entry.id).toBe('fraud');
  });
});

describe('ScoredIndex: the best of one kind from an index that remembers every word', () => {
  // Many entries sharing common words, some alike word for word (equal scores), of every kind: validate's case.
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const common = ['pay', 'online', 'contact', 'need', 'report', 'council'];
  const rare = ['allotment', 'badger', 'cemetery', 'dumping', 'kerb', 'licence', 'market', 'nursery', 'parking', 'recycling', 'skip', 'verge'];
  const pick = (words: string[]) => words[Math.floor(random() * words.length)];
  const question = () => [pick(common), pick(rare), pick(common), pick(rare)].join(' ');
  const entries: IndexEntry[] = [];
  for (let i = 0; i < 240; i++) {
    const kind: IndexEntry['kind'] = i % 10 === 0 ? 'intent' : i % 7 === 0 ? 'none' : 'article';
    const questions = i % 13 === 0 && entries.length ? [...entries[entries.length - 1].questions] : [question(), question()];
    entries.push({
      id: `${kind === 'article' ? 'kb' : kind}:${i}`,
      kind,
      title: i % 3 ? pick(rare) : '',
      questions,
      tags: [],
      body: `${question()} ${question()}`,
    });
  }
  const analyser = new TextAnalyser();
  const everyWord = new ScoredIndex(entries, analyser, undefined, Infinity);
  const reference = new ScoredIndex(entries, analyser);
  const messages = [
    ...Array.from({ length: 60 }, question),
    'pay online',
    'pay pay pay online',
    'badger',
    'kerb kerb parking',
    'recyclng skip',
    'nothing like anything',
    'council',
    'allotment allotment',
  ];

  it.each([1, 3, 5])('finds the same best %i, with the same scores and order (equal scores as found), as adding up every entry', (limit) => {
    for (const text of messages) {
      for (const kind of ['article', 'none'] as const) expect(everyWord.find(text, limit, kind), `${text} ${kind}`).toEqual(reference.find(text, limit, kind));
    }
  });
});

describe('ScoredIndex: rarity as a share of the collection', () => {
  const article = (id: string, questions: string[]): IndexEntry => ({ id, kind: 'article', title: '', questions, tags: [], body: '' });
  /** `n` articles: one about "lantern repairs", `often` more that say "lantern", the rest about other things. */
  const collection = (n: number, often: number) => [
    article('kb:lantern', ['lantern repairs']),
    ...Array.from({ length: often }, (_, i) => article(`kb:often-${i}`, [`lantern festival ${i}`])),
    ...Array.from({ length: n - often - 1 }, (_, i) => article(`kb:other-${i}`, [`allotment plot ${i}`])),
  ];
  const weights = (index: ScoredIndex) => Object.fromEntries(index.find('lantern repairs')[0].words.map((w, i) => [['lantern', 'repairs'][i], w.weight]));

  it('keeps the rarer of two rare words ahead in a large collection', () => {
    // 2,000 entries: "repairs" in one, "lantern" in 6 (under 0.5 % of them): the rarer still weighs more, as in a small collection.
    const few = weights(new ScoredIndex(collection(2000, 5), new TextAnalyser([])));
    expect(few.lantern).toBeLessThan(few.repairs);
    // In 40 of them (2 %), it says less still.
    const many = weights(new ScoredIndex(collection(2000, 39), new TextAnalyser([])));
    expect(many.lantern).toBeLessThan(few.lantern);
  });

  it('measures the rarest words alike whatever the size of the collection, beyond rarityEntries', () => {
    const small = weights(new ScoredIndex(collection(600, 5), new TextAnalyser([])));
    const large = weights(new ScoredIndex(collection(6000, 5), new TextAnalyser([])));
    const plain = weights(new ScoredIndex(collection(6000, 5), new TextAnalyser([]), { ...DEFAULT_TUNING, rarityEntries: Infinity }));
    // Without the scaling, a word in one entry of 6,000 weighs far more than one in one of 600.
    expect(plain.repairs / small.repairs).toBeGreaterThan(1.3);
    expect(large.repairs / small.repairs).toBeLessThan(1.15);
    // However many entries: never above a word in half an entry of rarityEntries.
    expect(large.repairs).toBeLessThan(Math.log(1 + (DEFAULT_TUNING.rarityEntries + 1) / 0.5));
  });

  it('changes nothing up to rarityEntries entries', () => {
    const index = new ScoredIndex(collection(300, 5), new TextAnalyser([]));
    const got = weights(index);
    // BM25's rarity: log(1 + (N + 1) / (df + 0.5)) over the 300 entries.
    expect(got.repairs).toBeCloseTo(Math.log(1 + 301 / 1.5), 10);
    expect(got.lantern).toBeCloseTo(Math.log(1 + 301 / 6.5), 10);
  });

  it('still weighs a word nothing uses above any word the entries use', () => {
    const index = new ScoredIndex(collection(3000, 5), new TextAnalyser([]));
    const [lantern, unknown] = index.find('lantern zyzzogeton')[0].words;
    expect(unknown.weight).toBeGreaterThan(lantern.weight);
  });
});
