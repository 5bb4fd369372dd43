import type { CouncilProfile } from '../knowledge/councilProfile';
import type { Article } from '../knowledge/article';
import { shippedIntentMessages, type IntentMessages } from '../knowledge/intentMessages';
import { CARRY_ON, TALK_TO_PERSON, type Reply } from './responses';
import { BUTTONS } from '../knowledge/buttons';

export const YES = BUTTONS.it_helped;
export const NO = BUTTONS.it_did_not_help;

/** Wording around knowledge answers (the answers themselves are the articles). */
export class KnowledgeResponses {
  constructor(
    private readonly council: CouncilProfile,
    /** The intents' labels: the button of the request an article offers. */
    readonly intents: IntentMessages = shippedIntentMessages(),
  ) {}

  /** The article, with where it comes from; `assumed`: a follow-up read as being about this topic, which the answer names first. */
  answer(article: Article, assumed = false): Reply {
    const about = assumed ? `For ${article.title}:\n\n` : '';
    return { text: `${about}${article.body.trim()}\n\nSource: [${article.title}](${article.url})` };
  }

  /** `start`: the label of the request the article offers ("Book a bulky waste collection"), a button before Yes and No. */
  didThisHelp(start?: string): Reply {
    return { text: 'Did this answer your question?', choices: start ? [start, YES, NO] : [YES, NO] };
  }

  thanksForFeedback(): Reply {
    return { text: 'Thanks for letting us know. Is there anything else I can help with?' };
  }

  /** After "no": the next best articles, if any, and a person. */
  notHelpful(alternatives: Article[]): Reply {
    if (alternatives.length) {
      return {
        text: `Sorry that didn't help. Is your question about one of these? If not, you can talk to a person.`,
        choices: [...alternatives.map((a) => a.title), TALK_TO_PERSON],
      };
    }
    return {
      text: `Sorry that didn't help. You can talk to a person, or find other ways to contact us at ${this.council.contactPage}.`,
      choices: [TALK_TO_PERSON],
    };
  }

  /** After answering a question in the middle of something else. */
  carryOn(): Reply {
    return { text: 'Do you want to carry on with what we were doing?', choices: [CARRY_ON, BUTTONS.cancel] };
  }
}
