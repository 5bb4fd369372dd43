import type { CouncilProfile } from '../knowledge/councilProfile';
import type { Article } from '../knowledge/article';
import { shippedIntentMessages, type IntentMessages } from '../knowledge/intentMessages';
import { CARRY_ON, TALK_TO_PERSON, type Reply } from './responses';
import { BUTTONS } from '../knowledge/buttons';
import { ReplyTexts, shippedReplyWords, type ReplyWords } from '../knowledge/replyTexts';

export const YES = BUTTONS.it_helped;
export const NO = BUTTONS.it_did_not_help;

/** Wording around knowledge answers (the answers themselves are the articles). */
export class KnowledgeResponses {
  private readonly words: ReplyTexts;

  constructor(
    council: CouncilProfile,
    /** The intents' labels: the button of the request an article offers. */
    readonly intents: IntentMessages = shippedIntentMessages(),
    /** The replies' words (knowledge/messages/<locale>/replies.yaml). */
    words: ReplyWords = shippedReplyWords(),
  ) {
    this.words = new ReplyTexts(words, council);
  }

  /** The article, with where it comes from; `assumed`: a follow-up read as being about this topic, which the answer names first. */
  answer(article: Article, assumed = false): Reply {
    const about = assumed ? `${this.words.say('article_assumed_topic', { title: article.title })}\n\n` : '';
    return { text: `${about}${article.body.trim()}\n\n${this.words.say('article_source', { title: article.title, url: article.url })}` };
  }

  /** `start`: the label of the request the article offers ("Book a bulky waste collection"), a button before Yes and No. */
  didThisHelp(start?: string): Reply {
    return { text: this.words.say('article_did_it_help'), choices: start ? [start, YES, NO] : [YES, NO] };
  }

  thanksForFeedback(): Reply {
    return { text: this.words.say('article_feedback_thanks') };
  }

  /** After "no": the next best articles, if any, and a person. */
  notHelpful(alternatives: Article[]): Reply {
    if (alternatives.length) {
      return {
        text: this.words.say('article_not_helpful_choices'),
        choices: [...alternatives.map((a) => a.title), TALK_TO_PERSON],
      };
    }
    return {
      text: this.words.say('article_not_helpful'),
      choices: [TALK_TO_PERSON],
    };
  }

  /** After answering a question in the middle of something else. */
  carryOn(): Reply {
    return { text: this.words.say('carry_on_after_answer'), choices: [CARRY_ON, BUTTONS.cancel] };
  }
}
