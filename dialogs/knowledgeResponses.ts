import type { CouncilProfile } from '../knowledge/councilProfile';
import type { Article } from '../knowledge/article';
import { shippedIntentMessages, type IntentMessages } from '../knowledge/intentMessages';
import type { Reply } from './responses';
import type { Buttons } from '../knowledge/buttons';
import { ReplyTexts, shippedReplyWords, type ReplyWords } from '../knowledge/replyTexts';

/** Wording around knowledge answers (the answers themselves are the articles). */
export class KnowledgeResponses {
  private readonly words: ReplyTexts;

  constructor(
    council: CouncilProfile,
    /** The buttons' titles (knowledge/messages/<locale>/buttons.yaml): KnowledgeDialog recognises Yes and No by the same words. */
    readonly buttons: Buttons,
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
    return {
      text: this.words.say('article_did_it_help'),
      choices: start ? [start, this.buttons.it_helped, this.buttons.it_did_not_help] : [this.buttons.it_helped, this.buttons.it_did_not_help],
    };
  }

  thanksForFeedback(): Reply {
    return { text: this.words.say('article_feedback_thanks') };
  }

  /** After "no": the next best articles, if any, and a person. */
  notHelpful(alternatives: Article[]): Reply {
    if (alternatives.length) {
      return {
        text: this.words.say('article_not_helpful_choices'),
        choices: [...alternatives.map((a) => a.title), this.buttons.talk_to_person],
      };
    }
    return {
      text: this.words.say('article_not_helpful'),
      choices: [this.buttons.talk_to_person],
    };
  }

  /** After answering a question in the middle of something else. */
  carryOn(): Reply {
    return { text: this.words.say('carry_on_after_answer'), choices: [this.buttons.carry_on, this.buttons.cancel] };
  }
}
