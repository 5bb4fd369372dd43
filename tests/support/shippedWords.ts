import type { Buttons } from '../../knowledge/buttons';
import { BUTTON_MESSAGES } from '../../knowledge/messageFiles';

/**
 * The project's own button titles (knowledge/messages/en-GB/buttons.yaml), for tests that build a
 * dialog's part without the assistant. The assistant itself gets the council's own
 * (bot/assistant.ts).
 */
export function shippedButtons(): Buttons {
  return BUTTON_MESSAGES.shipped();
}
