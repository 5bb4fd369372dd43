import type { MessageWords } from './messageFile';
import type { BUTTON_MESSAGES } from './messageFiles';

/**
 * The buttons' titles (knowledge/messages/<locale>/buttons.yaml): the council's own file when its
 * messages folder has one, else the project's own, loaded once by bot/assistant.ts and handed to
 * the dialogs by constructor. A title is also what the assistant recognises when the button is
 * pressed, so the dialogs compare with these same words.
 */
export type Buttons = MessageWords<typeof BUTTON_MESSAGES.spec>;
