import { countedOverLimit } from './countLimit';
import type { SlotField } from './fields';
import type { SlotState } from './slotState';

/**
 * The questions in the order asked: the attributes (the place first where the config says so),
 * where it is, the details or contact details the resident chose to give, contact details when
 * required, and the name only where the service's config requires it (once there are contact details).
 */
export function slotOrder(state: SlotState): SlotField[] {
  const attributes: SlotField[] = state.attributes.map((a) => ({ kind: 'attribute', code: a.code }));
  const tail = [
    ...new Set([
      ...(state.extra ?? []),
      ...(state.config.contact === 'required' ? (['contact'] as const) : []),
      ...(state.config.name === 'required' ? (['name'] as const) : []),
    ]),
  ].map((kind): SlotField => ({ kind }));
  return state.config.location_first ? [{ kind: 'location' }, ...attributes, ...tail] : [...attributes, { kind: 'location' }, ...tail];
}

/** The field has its answer (a skipped one counts: it was asked). */
export function isDone(state: SlotState, field: SlotField): boolean {
  switch (field.kind) {
    case 'attribute':
      // More things counted than one booking takes: asked again (which to leave out).
      return field.code in state.answers && !countedOverLimit(state, field.code);
    case 'location':
      return !!state.location;
    case 'description':
      return state.description !== undefined;
    case 'contact':
      return state.contact !== undefined;
    case 'name':
      return !state.contact || state.name !== undefined;
  }
}
