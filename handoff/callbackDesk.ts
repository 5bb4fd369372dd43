import type { HandoffEvents } from './events';
import type { HandoffStore } from './handoffStore';
import type { CallbackRequest, HandoffContext } from '../dialogs/handoffTypes';

export interface CallbackInput {
  conversationId: string;
  name: string;
  contact: string;
  bestTime: string;
  about: string;
  context: HandoffContext;
}

/** Out-of-hours callback requests: stored, and shown in the console queue when it opens. */
export class CallbackDesk {
  constructor(
    private readonly store: HandoffStore,
    private readonly events: HandoffEvents,
  ) {}

  async request(input: CallbackInput): Promise<CallbackRequest> {
    const callback = await this.store.addCallback({ ...input, priority: input.context.priority });
    await this.events.publish({ kind: 'queue' });
    return callback;
  }
}
