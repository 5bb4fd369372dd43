import type { TurnContext } from 'botbuilder';
import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Logger } from '../platform/logger';
import type { Article } from '../knowledge/article';
import type { FeedbackRecorder } from '../knowledge/feedbackStore';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { DialogIds } from './dialogIds';
import type { KnowledgeResponses } from './knowledgeResponses';
import { sendPromptTrace, sendReply, sendTrace, toActivity } from './replies';
import { setRestOfMessage } from './turnState';
import type { UnansweredQuestions } from './unansweredQuestions';
import type { Vocabulary } from '../knowledge/vocabulary';

export interface KnowledgeDialogOptions {
  articleId: string;
  /** Runners-up to offer if the answer did not help. */
  next?: string[];
  /** The question the article answers (redacted), for the knowledge report if the answer did not help. */
  question?: string;
  /** A follow-up that named no topic, answered from the conversation's topic: the answer says which. */
  assumed?: boolean;
}

/** What the dialog hands back: `reroute` when the resident asked something new instead of answering yes or no. */
export interface KnowledgeDialogResult {
  reroute?: boolean;
}

/**
 * Answers a question from a knowledge article: the article, its source link, and "Did this
 * answer your question?". The yes/no is stored against the article id only. "No" offers the
 * next best articles and a person, and puts the question (redacted) in the knowledge report.
 * Anything else is a new message, routed afresh.
 */
export class KnowledgeDialog extends ComponentDialog {
  private static readonly feedbackPrompt = DialogIds.knowledgeFeedback;

  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly responses: KnowledgeResponses,
    /** The vocabulary (knowledge/messages/<locale>/vocabulary.yaml): yes and no to "Did this answer your question?". */
    private readonly vocabulary: Vocabulary,
    private readonly logger: Logger,
    private readonly feedback?: FeedbackRecorder,
    private readonly unanswered?: UnansweredQuestions,
  ) {
    super(DialogIds.knowledge);
    this.addDialog(new TextPrompt(KnowledgeDialog.feedbackPrompt));
    this.addDialog(new WaterfallDialog(DialogIds.knowledgeWaterfall, [this.answerStep.bind(this), this.feedbackStep.bind(this)]));
    this.initialDialogId = DialogIds.knowledgeWaterfall;
  }

  /** An article's title (choices show titles; a title sent back routes to its article). */
  title(articleId: string): string | undefined {
    return this.knowledge.get(articleId)?.title;
  }

  /** The request an article offers to start (`request:` in its front matter), if any. */
  requestOf(articleId: string): string | undefined {
    return this.knowledge.get(articleId)?.request;
  }

  /** Sends an article's answer (used on its own when a question interrupts another dialog). */
  async sendAnswer(context: TurnContext, articleId: string, assumed = false): Promise<Article | undefined> {
    const article = this.knowledge.get(articleId);
    if (!article) return undefined;
    await sendTrace(context, 'council.knowledge', { articleId: article.id });
    await sendReply(context, this.responses.answer(article, assumed));
    return article;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as KnowledgeDialogOptions;
    const article = await this.sendAnswer(step.context, options.articleId, options.assumed);
    if (!article) return step.endDialog({});
    (step.values as Record<string, unknown>).articleId = article.id;
    await sendPromptTrace(step.context, 'feedback');
    // The request the article offers ("Book a bulky waste collection"): its button is routed as a new request.
    const start = article.request ? this.responses.intents.label(article.request) : undefined;
    return step.prompt(KnowledgeDialog.feedbackPrompt, { prompt: toActivity(this.responses.didThisHelp(start)) });
  }

  private async feedbackStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = String(step.result ?? '');
    const articleId = String((step.values as Record<string, unknown>).articleId);
    const options = step.options as KnowledgeDialogOptions;
    if (this.vocabulary.article_helped.test(text) || text.trim().toLowerCase() === this.responses.buttons.it_helped.toLowerCase()) {
      await this.store(articleId, true);
      await sendTrace(step.context, 'council.feedback', { articleId, helpful: true });
      await sendReply(step.context, this.responses.thanksForFeedback());
      return step.endDialog({});
    }
    if (this.vocabulary.article_not_helped.test(text) || text.trim().toLowerCase() === this.responses.buttons.it_did_not_help.toLowerCase()) {
      await this.store(articleId, false);
      await sendTrace(step.context, 'council.feedback', { articleId, helpful: false });
      await this.unanswered?.notHelpful(options.question, articleId);
      const alternatives = (options.next ?? [])
        .map((id) => this.knowledge.get(id))
        .filter((a): a is Article => !!a && a.id !== articleId)
        .slice(0, 2);
      await sendReply(step.context, this.responses.notHelpful(alternatives));
      return step.endDialog({});
    }
    // "No that's it, thanks", "yes cheers, bye": a yes or a no said first, then more. A yes is the answer's feedback;
    // a no is not recorded (it may answer "anything else?" rather than the question asked). The rest is read as a message
    // of its own, without the word that answered.
    const opener = this.vocabulary.yes_first.exec(text) ?? this.vocabulary.no_first.exec(text);
    const rest = opener ? text.slice(opener.index + opener[0].length).replace(/^[\s,.!:;-]+/, '') : '';
    if (opener && /\p{L}/u.test(rest)) {
      if (this.vocabulary.yes_first.test(text)) {
        await this.store(articleId, true);
        await sendTrace(step.context, 'council.feedback', { articleId, helpful: true });
      }
      setRestOfMessage(step.context, rest);
      return step.endDialog({});
    }
    // Not an answer to "Did this help?": a new question or request.
    const result: KnowledgeDialogResult = { reroute: true };
    return step.endDialog(result);
  }

  private async store(articleId: string, helpful: boolean): Promise<void> {
    if (!this.feedback) return;
    try {
      await this.feedback.record(articleId, helpful);
    } catch (err) {
      // Losing one feedback answer must not break the conversation.
      this.logger.warn({ articleId, err: (err as Error).message }, 'could not store article feedback');
    }
  }
}
