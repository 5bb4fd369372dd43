import type { Activity } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';

/**
 * One dialog run on its own, begun with `options` on the first message and its state saved after
 * every turn (the SDK's DialogTestClient underneath, on its test adapter), so a test can read what
 * the dialog ended with.
 */
export class LoneDialog {
  private readonly client: DialogTestClient;

  constructor(dialog: Dialog, options?: unknown) {
    this.client = new DialogTestClient('test', dialog, options);
  }

  /** Runs one turn; returns the next reply not yet read (undefined when there is none). */
  send(text: string): Promise<Partial<Activity> | undefined> {
    return this.client.sendActivity(text) as Promise<Partial<Activity> | undefined>;
  }

  /** What the dialog returned when it ended (undefined while it waits). */
  get result(): unknown {
    return this.client.dialogTurnResult.result;
  }
}
