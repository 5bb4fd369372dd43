/**
 * What a service request asks for, one question at a time: an attribute of the back office's
 * service definition (by its code), where it is, details, contact details, the resident's name.
 */
export type SlotField = { kind: 'attribute'; code: string } | { kind: 'location' } | { kind: 'description' } | { kind: 'contact' } | { kind: 'name' };

/** The open question: a field, the summary ("Shall I send it?") or "What would you like to change?". */
export type Step = SlotField | { kind: 'confirm' } | { kind: 'change' };

/** Fields the resident can ask to give at the summary ("Change something" → Details or Contact details). */
export type ExtraField = 'description' | 'contact';

export const CONFIRM: Step = { kind: 'confirm' };
export const CHANGE_STEP: Step = { kind: 'change' };

export function attributeField(code: string): SlotField {
  return { kind: 'attribute', code };
}

/** The attribute code when the step asks for an attribute. */
export function attributeCode(step: Step | undefined): string | undefined {
  return step?.kind === 'attribute' ? step.code : undefined;
}

const KINDS = new Set(['location', 'description', 'contact', 'name', 'confirm', 'change']);
/** How a conversation saved before the typed fields wrote an attribute question: `attr:<code>`. */
const SAVED_ATTRIBUTE = 'attr:';

/**
 * The open question as saved in dialog state: a `Step`, or (a conversation saved before the typed
 * fields) its old string form, `attr:<code>`, `location`, …, `confirm`, `change`. Anything else: none.
 */
export function stepFromSaved(saved: unknown): Step | undefined {
  if (typeof saved === 'string') {
    if (saved.startsWith(SAVED_ATTRIBUTE)) return attributeField(saved.slice(SAVED_ATTRIBUTE.length));
    return KINDS.has(saved) ? ({ kind: saved } as Step) : undefined;
  }
  if (!saved || typeof saved !== 'object') return undefined;
  const kind = (saved as { kind?: unknown }).kind;
  if (kind === 'attribute') {
    const code = (saved as { code?: unknown }).code;
    return typeof code === 'string' ? attributeField(code) : undefined;
  }
  return typeof kind === 'string' && KINDS.has(kind) ? ({ kind } as Step) : undefined;
}

export function sameStep(a: Step | undefined, b: Step | undefined): boolean {
  return a?.kind === b?.kind && attributeCode(a) === attributeCode(b);
}
