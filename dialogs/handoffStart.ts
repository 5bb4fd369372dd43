import type { DialogContext, DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
import type { RequestSoFar } from './handoffTypes';
import { DialogIds } from './dialogIds';
import { REQUEST_STATE } from './offered';
import { today } from './services/answers';
import { requestSoFar } from './services/requestSoFar';
import type { SlotState } from './services/slots/slotState';

/** Why a dialog hands the resident to a person (see dialogs/handoffTypes.ts for labels). */
export interface HandoffOptions {
  reason?: 'resident_asked' | 'not_understood' | 'dialog_could_not_finish' | 'back_office_refused' | 'address_not_found' | 'safeguarding';
  /** 1 is the most urgent; default 3. */
  priority?: number;
  /** What the dialog has captured: service request fields, address, reference numbers. */
  captured?: Record<string, string>;
  /** Set by beginHandoffFrom: a request in progress was stopped to hand over (nothing of it was sent). */
  stopped?: boolean;
  /** Set by beginHandoffFrom: the service request in progress, as understood so far. */
  request?: RequestSoFar;
  /** The conversation's language, 'en-GB' or 'cy-GB' (default: the activity's `locale`, else 'en-GB'). Welsh is offered first to Welsh-speaking staff. */
  locale?: string;
}

const SKIP = new Set(['instanceId', 'recognized', 'prompt', 'retryPrompt', 'choices', 'attemptCount']);
const MAX_FIELDS = 60;

function flatten(value: unknown, prefix: string, out: Record<string, string>, depth: number): void {
  if (Object.keys(out).length >= MAX_FIELDS || value === null || value === undefined) return;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    if (String(value).trim() !== '') out[prefix] = String(value).slice(0, 500);
    return;
  }
  if (depth >= 3 || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) out[prefix] = value.join(', ').slice(0, 500);
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (SKIP.has(k) || k.startsWith('this.')) continue;
    flatten(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
  }
}

function collect(stack: DialogInstance[], out: Record<string, string>): void {
  for (const entry of stack) {
    const state = entry.state as { values?: unknown; dialogs?: { dialogStack?: DialogInstance[] } } | undefined;
    if (state?.values) flatten(state.values, '', out, 0);
    if (state?.dialogs?.dialogStack) collect(state.dialogs.dialogStack, out);
  }
}

/**
 * Everything the dialogs in progress have captured (their waterfall values), flattened to
 * "field: value" pairs, so that the person taking over sees it and the resident repeats nothing.
 */
export function capturedFromStack(dc: DialogContext): Record<string, string> {
  let root = dc;
  while (root.parent) root = root.parent;
  const out: Record<string, string> = {};
  collect(root.stack, out);
  return out;
}

/** The innermost service request in progress (its dialog state), if any. */
function findRequest(stack: DialogInstance[]): SlotState | undefined {
  let found: SlotState | undefined;
  for (const entry of stack) {
    const state = entry.state as { dialogs?: { dialogStack?: DialogInstance[] }; [REQUEST_STATE]?: SlotState } | undefined;
    const slots = state?.[REQUEST_STATE];
    if (slots?.serviceCode && Array.isArray(slots.attributes)) found = slots;
    const inner = state?.dialogs?.dialogStack ? findRequest(state.dialogs.dialogStack) : undefined;
    if (inner) found = inner;
  }
  return found;
}

/**
 * The service request the resident was in the middle of: its answers as understood, the place as resolved, the open question.
 * `now` is the app's clock (createApp's `now`, as the dialogs have it): dates are written out against it.
 */
export function requestFromStack(dc: DialogContext, now: Date): RequestSoFar | undefined {
  let root = dc;
  while (root.parent) root = root.parent;
  const state = findRequest(root.stack);
  return state ? requestSoFar(state, { status: 'in_progress', today: today(now) }) : undefined;
}

/**
 * Hands the resident to the contact centre from inside any dialog: the dialogs in progress
 * are cancelled (what they captured travels with the handoff) and the handoff dialog starts.
 * Returns undefined when no handoff dialog is registered. `now` is the app's clock (a dialog's `this.now()`).
 * For a dialog that cannot finish: `return beginHandoffFrom(step, this.now(), { reason: 'back_office_refused', captured: {...} })`.
 */
export async function beginHandoffFrom(dc: DialogContext, now: Date, options: HandoffOptions = {}): Promise<DialogTurnResult | undefined> {
  let target: DialogContext | undefined = dc;
  while (target && !target.dialogs.find(DialogIds.handoff)) target = target.parent;
  if (!target) return undefined;
  // Already handing over (e.g. answering "Ask for a call back"): the handoff dialog takes the message.
  if (target.stack.some((entry) => entry.id === DialogIds.handoff)) return target.continueDialog();
  const captured = { ...capturedFromStack(dc), ...(options.captured ?? {}) };
  const request = options.request ?? requestFromStack(dc, now);
  const stopped = target.stack.some((entry) => entry.id !== DialogIds.mainWaterfall);
  await target.cancelAllDialogs();
  return target.beginDialog(DialogIds.handoff, { ...options, captured, stopped, ...(request ? { request } : {}) });
}
