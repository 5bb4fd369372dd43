import type { Vocabulary } from '../knowledge/vocabulary';
import { isShortQuestion } from './followUp';

/** A need named this well (the article's match, 1 when the message uses half its title's telling words) is the one meant. */
const NAMED = 0.2;
/** At most this many words in a message that picks a need by a weaker match than its title ("and the grass, please?"). */
const SHORT_PICK = 6;

/** What the picker needs of the router: how well one article matches a message. */
export interface ArticleMatcher {
  articleConfidence(text: string, articleId: string): number;
}

/**
 * Which of the needs a message asked about or was offered ("You also asked about…", or the articles a message answered
 * with the safeguarding reply asked about) a later message names: "and the grass, please?", "now the council tax please",
 * "what about the council tax part specifically?". The words that tell one title from another are the vocabulary's
 * `title_filler` left out.
 */
export class OfferedNeedPicker {
  constructor(
    private readonly router: ArticleMatcher,
    private readonly titleOf: (articleId: string) => string | undefined,
    private readonly vocabulary: Vocabulary,
  ) {}

  /**
   * The article of `offered` the message names, and how well (1: by its title's words), or undefined. `preferred`: the one
   * that answered the earlier message as a whole ("…help with my rent and my council tax?" is Council Tax Reduction, though
   * its "my council tax?" alone is paying it): a short question with words of its title is about it.
   */
  pick(text: string, offered: string[], preferred?: string): { id: string; confidence: number } | undefined {
    if (preferred && isShortQuestion(text, this.vocabulary) && this.sharedWords(text, this.titleOf(preferred) ?? '') > 0)
      return { id: preferred, confidence: 1 };
    const scored = offered.map((id) => {
      const title = this.titleOf(id) ?? '';
      return { id, confidence: Math.max(this.router.articleConfidence(text, id), this.namesTitle(text, title) ? 1 : 0), shared: this.sharedWords(text, title) };
    });
    const best = [...scored].sort((a, b) => b.confidence - a.confidence)[0];
    if (!best) return undefined;
    // A short one ("and the grass, please?"), or a question naming the title outright.
    // ("Thank you. And the direct debit part?": the words that open a message without saying what it is about are not counted.)
    const short = (text.replace(this.vocabulary.opens_message, '').trim() || text).split(/\s+/).length <= SHORT_PICK;
    if (best.confidence >= NAMED && (short || (best.confidence === 1 && isShortQuestion(text, this.vocabulary)))) return best;
    // "What about the council tax part specifically?": a short question with words of one of the titles and of no other.
    const sharing = scored.filter((s) => s.shared > 0);
    return sharing.length === 1 && isShortQuestion(text, this.vocabulary) ? { id: sharing[0].id, confidence: 1 } : undefined;
  }

  /** The message uses at least half of a title's telling words ("now the council tax please" and "Pay your Council Tax": 2 of 3). */
  private namesTitle(text: string, title: string): boolean {
    const telling = this.tellingWords(title);
    return telling.length > 0 && this.sharedWords(text, title) / telling.length >= 0.5;
  }

  /** How many of a title's telling words the message uses. */
  private sharedWords(text: string, title: string): number {
    const said = new Set(this.tellingWords(text));
    return this.tellingWords(title).filter((w) => said.has(w)).length;
  }

  /** Words of three letters or more that are not too common to tell one title from another (the vocabulary's `title_filler`). */
  tellingWords(s: string): string[] {
    return s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3 && !this.vocabulary.title_filler.test(w));
  }
}
