import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogContext, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';

/**
 * The turn-state key under which botbuilder-dialogs looks for a ready-made memory configuration
 * before building one (memory/dialogStateManager.js; DialogManager sets it the same way from its
 * `stateConfiguration`). Not exported by the library: tests/dialogs/dialogRunner.test.ts fails if
 * a new version stops reading it.
 */
const STATE_CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

/**
 * Runs a root dialog for one turn (the samples' `DialogHelper.run`: continue the active dialog,
 * or begin the root one), with the dialog memory configuration built once.
 *
 * Why: every turn, botbuilder-dialogs' DialogStateManager creates its memory scopes and path
 * resolvers afresh (a dozen objects, about a twentieth of a turn's CPU here) unless the turn
 * already holds a configuration. The scopes keep no state of their own: they read the dialog
 * context they are given, which is why DialogManager also builds them once.
 */
export class DialogRunner {
  private readonly dialogSet: DialogSet;
  private configuration?: DialogStateManagerConfiguration;

  constructor(
    private readonly root: Dialog,
    accessor: StatePropertyAccessor,
  ) {
    this.dialogSet = new DialogSet(accessor);
    this.dialogSet.add(root);
  }

  async run(context: TurnContext): Promise<void> {
    const dc = await this.dialogContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.root.id);
  }

  /** True when a dialog is waiting for the resident's answer. */
  async inProgress(context: TurnContext): Promise<boolean> {
    return !!(await this.dialogContext(context)).activeDialog;
  }

  /** Asks the question of the dialog in progress again (after a message that answered nothing). */
  async reprompt(context: TurnContext): Promise<void> {
    const dc = await this.dialogContext(context);
    if (dc.activeDialog) await dc.repromptDialog();
  }

  /** This turn's dialog context, with the memory configuration built once. */
  private async dialogContext(context: TurnContext): Promise<DialogContext> {
    if (this.configuration) context.turnState.set(STATE_CONFIGURATION_KEY, this.configuration);
    const dc = await this.dialogSet.createContext(context);
    this.configuration ??= dc.state.configuration;
    return dc;
  }
}
