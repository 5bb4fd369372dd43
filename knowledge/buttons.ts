import { BUTTON_MESSAGES } from './messageFiles';

/**
 * The buttons' titles (knowledge/messages/en-GB/buttons.yaml), read once when first imported. A
 * title is also what the assistant recognises when the button is pressed, so the dialogs compare
 * with these same words. The project's own en-GB file: a council's own buttons.yaml, and a locale
 * per conversation, are not read here yet (`npm run validate` checks them all the same).
 */
export const BUTTONS = BUTTON_MESSAGES.shipped();
