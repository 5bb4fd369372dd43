import {
  TextPrompt,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { HandoffStarter } from './handoffStarter';
import type { CallbackDesk } from './callbackDesk';
import type { HandoffContext } from '../dialogs/handoffTypes';
import { CancelAndHelpDialog } from '../dialogs/cancelAndHelpDialog';
import { DialogIds } from '../dialogs/dialogIds';
import type { HandoffResponses } from './handoffResponses';
import type { HandoffOptions } from '../dialogs/handoffStart';
import { rememberOffered } from '../dialogs/offered';
import { sendReply, toActivity, sendTrace } from '../dialogs/replies';
import type { Responses } from '../dialogs/responses';
import type { Router } from '../dialogs/router';
import type { Vocabulary } from '../knowledge/vocabulary';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;
const PHONE = /(?:\+44[\s-]?|\b0)\d(?:[\s().-]?\d){8,9}\b/;

/** A UK phone number (0… or +44…) or an email address, alone or in words ("call me on 07700 900123"); returns it tidied, or undefined. */
export function parseContact(text: string): string | undefined {
  const t = text.trim();
  const email = t
    .split(/\s+/)
    .map((w) => w.replace(/^[<(]+|[.,;:!?>)]+$/g, ''))
    .find((w) => EMAIL.test(w));
  if (email) return email;
  const phone = PHONE.exec(t)?.[0];
  if (!phone) return undefined;
  const digits = phone.replace(/[\s().-]/g, '');
  return /^0\d{9,10}$/.test(digits) || /^\+44\d{9,10}$/.test(digits) ? phone.replace(/\s+/g, ' ') : undefined;
}

interface HandoffValues {
  context?: HandoffContext;
  /** A request in progress was stopped to hand over. */
  stopped?: boolean;
  name?: string;
  contact?: string;
  bestTime?: string;
  about?: string;
}

/**
 * "Talk to a person": queues the resident for the contact centre with everything so far
 * (handoff/handoffStarter.ts) and tells them their place and the wait. Out of hours it
 * offers a callback request instead (name, phone or email, best time, what it is about).
 */
export class HandoffDialog extends CancelAndHelpDialog {
  constructor(
    router: Router,
    responses: Responses,
    vocabulary: Vocabulary,
    private readonly starter: HandoffStarter,
    private readonly callbacks: CallbackDesk,
    private readonly wording: HandoffResponses,
    now?: () => Date,
  ) {
    super(DialogIds.handoff, router, responses, vocabulary, now);
    this.addDialog(new TextPrompt(DialogIds.handoffText, async (p: PromptValidatorContext<string>) => this.validateWords(p)));
    // "What is it about?" has its own prompt: there, even what happened (a risk told in words) is the answer.
    this.addDialog(new TextPrompt(DialogIds.handoffAbout, async (p: PromptValidatorContext<string>) => this.validateWords(p)));
    // The call-back offer takes a yes or a no; anything else (what happened, told while it waits) asks again, and is no refusal.
    this.addDialog(
      new TextPrompt(DialogIds.handoffOffer, (p: PromptValidatorContext<string>) =>
        Promise.resolve(p.recognized.succeeded && this.isOfferAnswer(p.recognized.value ?? '')),
      ),
    );
    // Before it is sent, the resident checks what the contact centre will get: send it, or not.
    this.addDialog(
      new TextPrompt(DialogIds.handoffConfirm, (p: PromptValidatorContext<string>) =>
        Promise.resolve(p.recognized.succeeded && this.isConfirmAnswer(p.recognized.value ?? '')),
      ),
    );
    this.addDialog(
      new TextPrompt(DialogIds.handoffContact, (p: PromptValidatorContext<string>) =>
        Promise.resolve(p.recognized.succeeded && parseContact(p.recognized.value ?? '') !== undefined),
      ),
    );
    this.addDialog(
      new WaterfallDialog(DialogIds.handoffWaterfall, [
        this.startStep.bind(this),
        this.offerStep.bind(this),
        this.nameStep.bind(this),
        this.contactStep.bind(this),
        this.bestTimeStep.bind(this),
        this.aboutStep.bind(this),
        this.confirmStep.bind(this),
      ]),
    );
    this.initialDialogId = DialogIds.handoffWaterfall;
  }

  private async validateWords(p: PromptValidatorContext<string>): Promise<boolean> {
    const ok = p.recognized.succeeded && (p.recognized.value ?? '').trim().length > 0;
    if (!ok) await sendReply(p.context, this.wording.needSomeWords());
    return ok;
  }

  /** Already handing over: words like "call me back" are answers to this dialog's questions. */
  protected override async onHandoffRequested(innerDc: DialogContext): Promise<DialogTurnResult> {
    return innerDc.continueDialog();
  }

  private values(step: WaterfallStepContext): HandoffValues {
    return step.values;
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as HandoffOptions;
    const started = await this.starter.start(step.context, {
      reason: options.reason,
      priority: options.priority,
      captured: options.captured,
      request: options.request,
      locale: options.locale,
    });
    switch (started.kind) {
      case 'queued':
        await sendTrace(step.context, 'council.person', { how: 'live_chat' });
        await sendReply(step.context, this.wording.queued(started.position, started.minutes));
        return step.endDialog();
      case 'external':
        await sendTrace(step.context, 'council.person', { how: 'external' });
        await sendReply(step.context, this.wording.externalStarted());
        return step.endDialog();
      case 'closed':
        this.values(step).context = started.context;
        this.values(step).stopped = options.stopped;
        return step.prompt(DialogIds.handoffOffer, {
          prompt: toActivity(this.wording.closedOfferCallback(started.context.reason === 'safeguarding')),
          retryPrompt: toActivity(this.wording.closedOfferCallbackAgain()),
        });
    }
  }

  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = String(step.result ?? '').trim();
    if (answer.toLowerCase() === this.wording.buttons.no_thanks.toLowerCase() || this.vocabulary.call_back_declined.test(answer)) {
      await sendReply(step.context, this.wording.callbackDeclined(this.values(step).stopped));
      return step.endDialog();
    }
    return step.prompt(DialogIds.handoffText, { prompt: toActivity(this.wording.askName()) });
  }

  private async nameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    this.values(step).name = String(step.result).trim().slice(0, 200);
    return step.prompt(DialogIds.handoffContact, { prompt: toActivity(this.wording.askContact()), retryPrompt: toActivity(this.wording.contactNotValid()) });
  }

  private async contactStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    this.values(step).contact = parseContact(String(step.result)) ?? String(step.result).trim();
    return step.prompt(DialogIds.handoffText, { prompt: toActivity(this.wording.askBestTime()) });
  }

  private async bestTimeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    this.values(step).bestTime = String(step.result).trim().slice(0, 200);
    return step.prompt(DialogIds.handoffAbout, { prompt: toActivity(this.wording.askAbout()) });
  }

  private async aboutStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values(step);
    v.about = String(step.result).trim().slice(0, 2000);
    const asked = await step.prompt(DialogIds.handoffConfirm, {
      prompt: toActivity(this.wording.confirmCallback({ name: v.name ?? '', contact: v.contact ?? '', bestTime: v.bestTime ?? '', about: v.about })),
      retryPrompt: toActivity(this.wording.confirmCallbackAgain()),
    });
    // "Send it" and "Don't send it" answer the question: never taken for "cancel" (or a guess at it).
    rememberOffered(step, [this.wording.buttons.send_call_back, this.wording.buttons.dont_send_call_back]);
    return asked;
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values(step);
    const answer = String(step.result ?? '').trim();
    if (answer.toLowerCase() === this.wording.buttons.dont_send_call_back.toLowerCase() || this.vocabulary.call_back_declined.test(answer)) {
      await sendReply(step.context, this.wording.callbackNotSent());
      return step.endDialog();
    }
    // A concern raised while the request was taken makes it urgent (the context was gathered at the start).
    const now = await this.starter.gather(step.context, { reason: v.context?.reason });
    if (v.context && now.priority < v.context.priority) v.context = { ...v.context, reason: now.reason, priority: now.priority };
    const callback = await this.callbacks.request({
      conversationId: step.context.activity.conversation.id,
      name: v.name ?? '',
      contact: v.contact ?? '',
      bestTime: v.bestTime ?? '',
      about: v.about ?? '',
      context: v.context!,
    });
    await sendTrace(step.context, 'council.person', { how: 'callback' });
    await sendReply(step.context, this.wording.callbackStored(callback.reference));
    return step.endDialog();
  }

  /**
   * A yes or a no to "Shall I send it?" (the call-back request): its buttons, or the vocabulary's `call_back_accepted`,
   * `call_back_confirmed` ("send", "that's right") and `call_back_declined`.
   */
  private isConfirmAnswer(text: string): boolean {
    const t = text.trim().toLowerCase();
    const { buttons } = this.wording;
    const { call_back_accepted: yes, call_back_declined: no } = this.vocabulary;
    return (
      t === buttons.send_call_back.toLowerCase() ||
      t === buttons.dont_send_call_back.toLowerCase() ||
      yes.test(t) ||
      this.vocabulary.call_back_confirmed.test(t) ||
      no.test(t)
    );
  }

  /** A yes or a no to the offer of a call back: its buttons, or the vocabulary's `call_back_accepted` and `call_back_declined`. */
  private isOfferAnswer(text: string): boolean {
    const t = text.trim().toLowerCase();
    const { buttons } = this.wording;
    const { call_back_accepted: yes, call_back_declined: no } = this.vocabulary;
    return t === buttons.ask_for_call_back.toLowerCase() || t === buttons.no_thanks.toLowerCase() || yes.test(t) || no.test(t);
  }
}
