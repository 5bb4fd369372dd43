import { ActivityHandler, ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import { Dialog, DialogTurnStatus, type DialogContext, type DialogStateManagerConfiguration, type DialogTurnResult } from 'botbuilder-dialogs';
import { describe, expect, it } from 'vitest';
import { DialogRunner } from '../../dialogs/dialogRunner';
import { TestConversation } from '../support/testConversation';

/** Counts turns in dialog memory (through the dialog memory scopes) and records what it saw. */
class CountingDialog extends Dialog {
  readonly configurations: DialogStateManagerConfiguration[] = [];
  readonly begun: string[] = [];

  constructor() {
    super('counting');
  }

  async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    this.begun.push(dc.context.activity.text ?? '');
    return this.countTurn(dc);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.text === 'stop') return dc.endDialog();
    return this.countTurn(dc);
  }

  private async countTurn(dc: DialogContext): Promise<DialogTurnResult> {
    this.configurations.push(dc.state.configuration);
    const turns = (dc.state.getValue<number>('dialog.turns') ?? 0) + 1;
    dc.state.setValue('dialog.turns', turns);
    await dc.context.sendActivity(`turn ${turns}: ${dc.state.getValue<string>('turn.activity.text')}`);
    return { status: DialogTurnStatus.waiting };
  }
}

function bot(dialog: Dialog): { conversation: TestConversation } {
  const conversationState = new ConversationState(new MemoryStorage());
  const runner = new DialogRunner(dialog, conversationState.createProperty('DialogState'));
  const handler = new ActivityHandler();
  handler.onMessage(async (context: TurnContext, next) => {
    await runner.run(context);
    await conversationState.saveChanges(context);
    await next();
  });
  return { conversation: new TestConversation((context) => handler.run(context)) };
}

describe('DialogRunner', () => {
  it('continues the active dialog, begins the root one when none is active, and keeps memory scopes working', async () => {
    const dialog = new CountingDialog();
    const { conversation } = bot(dialog);
    await conversation.send('one').assertReply('turn 1: one').send('two').assertReply('turn 2: two').send('stop').send('three').assertReply('turn 1: three');
    expect(dialog.begun).toEqual(['one', 'three']);
  });

  it('builds the dialog memory configuration once and reuses it on later turns', async () => {
    const dialog = new CountingDialog();
    const { conversation } = bot(dialog);
    await conversation.send('one').assertReply('turn 1: one').send('two').assertReply('turn 2: two').send('three').assertReply('turn 3: three');
    expect(dialog.configurations).toHaveLength(3);
    expect(dialog.configurations[0].memoryScopes.length).toBeGreaterThan(0);
    expect(new Set(dialog.configurations).size).toBe(1);
  });
});
