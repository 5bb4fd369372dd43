import type { SlotState } from './slotState';

/**
 * The things of a list over what one request takes ("2 sofas, 2 armchairs, a tv and a washing machine", or six kinds of
 * thing, where one booking takes 5): how many were counted (the kinds when a count is not known, "chairs") and the most
 * allowed, by the list's own `max` and a number attribute counting it (`limits` whose `min` names the list). Undefined
 * when within them.
 */
export function countedOverLimit(state: SlotState, list: string): { wanted: number; max: number } | undefined {
  const chosen = state.answers[list];
  if (!Array.isArray(chosen) || !chosen.length) return undefined;
  const each = chosen.map((k) => state.counts?.[list]?.[k]);
  const sum = each.every((n) => n !== undefined) ? each.reduce<number>((t, n) => t + (n ?? 0), 0) : undefined;
  const wanted = Math.max(sum ?? 0, chosen.length);
  const kindsMax = state.config.limits[list]?.max;
  const max = Math.min(kindsMax ?? Infinity, countedMax(state, list) ?? Infinity);
  return Number.isFinite(max) && wanted > max ? { wanted, max } : undefined;
}

/** The list has a number counting it with a most allowed (one booking's items): over it, it is kept and the resident asked which to leave out. */
export function listIsCounted(state: SlotState, list: string): boolean {
  return countedMax(state, list) !== undefined;
}

/** The most a number attribute counting the list allows (`limits` whose `min` names the list, with a `max`): one booking's items. */
function countedMax(state: SlotState, list: string): number | undefined {
  return Object.values(state.config.limits).find((l) => l.min === list && l.max !== undefined)?.max;
}
