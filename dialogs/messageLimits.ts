/** Longest message the assistant reads; the rest is ignored (and the resident told). */
export const MAX_MESSAGE_CHARS = 2000;
