import type { Logger } from '../platform/logger';
import type { UnansweredRecorder } from '../knowledge/unansweredStore';

/**
 * What the dialogs tell the knowledge report: a question the assistant could not help with, or
 * one whose article got a "No". The recorder redacts before storing; a failure is logged
 * (without the question) and never breaks the conversation.
 */
export class UnansweredQuestions {
  constructor(
    private readonly logger: Logger,
    private readonly recorder?: UnansweredRecorder,
  ) {}

  async noAnswer(question: string | undefined): Promise<void> {
    await this.store(question, 'no_answer');
  }

  async notHelpful(question: string | undefined, articleId: string): Promise<void> {
    await this.store(question, 'not_helpful', articleId);
  }

  private async store(question: string | undefined, outcome: 'no_answer' | 'not_helpful', articleId?: string): Promise<void> {
    if (!this.recorder || !question?.trim()) return;
    try {
      await this.recorder.record(question, outcome, articleId);
    } catch (err) {
      this.logger.warn({ outcome, articleId, err: (err as Error).message }, 'could not store an unanswered question');
    }
  }
}
