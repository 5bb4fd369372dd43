/**
 * How many answers in a row the assistant could not use (not understood, or routed nowhere) before
 * it offers a person: one more try is fair, a third would be a loop. Used by the main dialog, the
 * request questions and the handoff's reason ("not understood").
 */
export const MISSES_BEFORE_PERSON = 2;
