import type { DialogContext } from 'botbuilder-dialogs';
import { sendReply } from './replies';
import type { Buttons } from '../knowledge/buttons';
import type { Vocabulary } from '../knowledge/vocabulary';
import type { Reply } from './responses';
import { notSending, today } from './services/answers';
import { stepFromSaved } from './services/slots/fields';
import { correctsRequest, type RequestSoFar } from './services/slotReader';
import { houseBesideIn } from './services/slots/houseBeside';
import type { Location } from './services/addressLookup';

const OFFERED = 'offered';

/** Sends a reply and remembers its buttons, so that pressing one is never taken for an interruption. */
export async function offer(dc: DialogContext, reply: Reply): Promise<void> {
  if (dc.activeDialog) dc.activeDialog.state[OFFERED] = reply.choices ?? [];
  await sendReply(dc.context, reply);
}

/** Remembers the buttons of a prompt just begun (it is the active dialog now), so that pressing one is an answer. */
export function rememberOffered(dc: DialogContext, choices: string[]): void {
  if (dc.activeDialog) dc.activeDialog.state[OFFERED] = choices;
}

/** True when the text is exactly one of the buttons that the innermost active dialog last offered. */
export function wasOffered(dc: DialogContext, text: string): boolean {
  const t = text.trim().toLowerCase();
  let offered: string[] = [];
  for (let d: DialogContext | undefined = dc; d; d = d.child) {
    const here = d.activeDialog?.state?.[OFFERED] as string[] | undefined;
    if (here) offered = here;
  }
  return offered.some((o) => o.toLowerCase() === t);
}

/**
 * "nah leave it", "no don't send it" while "Shall I send it?" is open: the answer to that question
 * (the request says nothing was sent and ends), not a guess at cancelling to ask about. `buttons`:
 * the titles the summary offered ("Send it"); the words are the vocabulary's `not_sending`.
 */
export function declinesToSend(dc: DialogContext, text: string, buttons: Buttons, vocabulary: Vocabulary): boolean {
  let offered: string[] = [];
  for (let d: DialogContext | undefined = dc; d; d = d.child) {
    const here = d.activeDialog?.state?.[OFFERED] as string[] | undefined;
    if (here) offered = here;
  }
  return offered.includes(buttons.send_it) && notSending(text, vocabulary);
}

/**
 * At "Shall I send it?", a message in the resident's own words that adds to the report ("it's by the
 * bus stop and getting deeper"): the summary takes it as more details, rather than it being read as a
 * wish to stop because the classifier saw "stop". Not one: a no said first, or words that do mean
 * stopping (the vocabulary's `no_first` and `stopping`).
 */
export function addsToSummary(dc: DialogContext, text: string, vocabulary: Vocabulary): boolean {
  if (!atSummary(dc)) return false;
  return text.trim().split(/\s+/).length >= 3 && !/\?\s*$/.test(text) && !vocabulary.no_first.test(text) && !vocabulary.stopping.test(text);
}

/** The innermost service request in progress is at its summary ("Shall I send it?"). */
export function atSummary(dc: DialogContext): boolean {
  let confirming = false;
  for (let d: DialogContext | undefined = dc; d; d = d.child) {
    const request = d.activeDialog?.state?.[REQUEST_STATE] as { current?: unknown } | undefined;
    if (request) confirming = stepFromSaved(request.current)?.kind === 'confirm';
  }
  return confirming;
}

/** The id of the dialog waiting deepest down: the one whose question is open. */
export function innermostId(dc: DialogContext): string | undefined {
  let id: string | undefined;
  for (let d: DialogContext | undefined = dc; d; d = d.child) id = d.activeDialog?.id ?? id;
  return id;
}

/**
 * The home address of the service request in progress, when it has one (a missed bin at 4 Wharf Street): a bin day asked
 * in the middle of it ("when is the grey bin next?") is about that home, not asked for again.
 */
export function requestHome(dc: DialogContext): Location | undefined {
  let home: Location | undefined;
  for (let d: DialogContext | undefined = dc; d; d = d.child) {
    const location = (d.activeDialog?.state?.[REQUEST_STATE] as { location?: Location } | undefined)?.location;
    if (location?.kind === 'address') home = location;
  }
  return home;
}

/**
 * A service request in progress that this message corrects ("actually it was the grey bin"): the
 * request takes it and says what changed, rather than it being read as a wish to stop.
 */
export function correctsOpenRequest(dc: DialogContext, text: string, now: Date, vocabulary: Vocabulary): boolean {
  for (let d: DialogContext | undefined = dc; d; d = d.child) {
    const request = d.activeDialog?.state?.[REQUEST_STATE] as RequestSoFar | undefined;
    if (request?.attributes && request.answers && request.config) return correctsRequest(request, text, now, today(now), vocabulary);
  }
  return false;
}

/** A street problem in progress whose place this message adds a house to ("it's opposite no 7"): a detail, not a wish to stop. */
export function namesHouseBeside(dc: DialogContext, text: string, vocabulary: Vocabulary): boolean {
  for (let d: DialogContext | undefined = dc; d; d = d.child) {
    const request = d.activeDialog?.state?.[REQUEST_STATE] as { config?: { location?: string } } | undefined;
    if (request?.config) return request.config.location === 'street' && !!houseBesideIn(text, vocabulary);
  }
  return false;
}

/** Where the service-request dialog keeps what it has gathered (RequestSlotsDialog). */
export const REQUEST_STATE = 'slots';
