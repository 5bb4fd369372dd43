import { isWelsh } from '../dialogs/handoffLocale';
import type { Handoff } from '../dialogs/handoffTypes';

/** How long a Welsh conversation is held for Welsh speakers before everyone sees it in its usual place. */
export const DEFAULT_WELSH_FIRST_MS = 2 * 60_000;

/** A waiting conversation as one member of staff's queue lists it. */
export interface QueuePlace {
  handoff: Handoff;
  /** True while a Welsh conversation is held for Welsh speakers: listed after the other conversations of its priority. */
  heldForWelsh: boolean;
}

/**
 * "Offered first to Welsh-speaking staff" (docs/handoff.md, "Conversations in Welsh"). The queue
 * (most urgent first, then longest waiting) is reordered within each priority, never across it: an
 * urgent English conversation is never put behind a routine Welsh one.
 *  - A Welsh speaker (role `welsh`) sees the Welsh conversations of each priority before the others.
 *  - Anyone else sees every conversation, Welsh ones marked; for its first `graceMs` a Welsh
 *    conversation is listed after the others of its priority (held for a Welsh speaker), then
 *    takes its usual place. Nobody is refused a conversation: a resident never waits for nobody.
 */
export function welshFirst(waiting: Handoff[], welshSpeaker: boolean, now: Date, graceMs = DEFAULT_WELSH_FIRST_MS): QueuePlace[] {
  const held = (h: Handoff) => !welshSpeaker && isWelsh(h.language) && now.getTime() - Date.parse(h.queuedAt) < graceMs;
  const rank = (h: Handoff) => (welshSpeaker ? (isWelsh(h.language) ? 0 : 1) : held(h) ? 1 : 0);
  // Array.prototype.sort is stable: within a priority and rank, the store's order (longest waiting first) stays.
  return waiting
    .map((handoff, index) => ({ handoff, index }))
    .sort((a, b) => a.handoff.priority - b.handoff.priority || rank(a.handoff) - rank(b.handoff) || a.index - b.index)
    .map(({ handoff }) => ({ handoff, heldForWelsh: held(handoff) }));
}
