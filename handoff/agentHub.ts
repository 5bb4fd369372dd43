import type { HandoffResponses } from './handoffResponses';
import type { Logger } from '../platform/logger';
import type { ContactCentreHours } from '../knowledge/contactCentre';
import type { ConsoleTexts } from '../knowledge/messageFiles';
import type { HandoffEvents } from './events';
import type { HandoffStore } from './handoffStore';
import type { ResidentMessenger } from './residentMessenger';
import type { Staff, StaffStore } from './staffStore';
import { DEFAULT_HANDOFF_LOCALE, isWelsh } from '../dialogs/handoffLocale';
import { DEFAULT_WELSH_FIRST_MS, welshFirst } from './welshFirst';
import { reasonLabel, type Handoff, type HandoffMessage } from '../dialogs/handoffTypes';

export type HubResult = { ok: true } | { ok: false; status: 404 | 409; error: string };

export const MAX_AGENT_MESSAGE = 2000;

/**
 * What contact-centre staff do: see the queue, accept (one agent wins), talk, transfer back
 * to the queue, end (the resident returns to the assistant), create a case, close callbacks.
 * Every action is audited with the staff id and time.
 */
export class AgentHub {
  constructor(
    private readonly store: HandoffStore,
    private readonly staff: StaffStore,
    private readonly events: HandoffEvents,
    private readonly messenger: ResidentMessenger,
    private readonly hours: ContactCentreHours,
    /** The words residents are told in their conversation's language (handoff.yaml of `handoff.language`); staff notes are in the default language's. */
    private readonly wordingIn: (language: string) => HandoffResponses,
    /** What staff are told when an action is refused (console.yaml). */
    private readonly words: ConsoleTexts,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
    /** How long a Welsh conversation is held for Welsh speakers (handoff/welshFirst.ts). */
    private readonly welshFirstMs: number = DEFAULT_WELSH_FIRST_MS,
  ) {}

  /** What staff read in the transcript (the console is in the default language). */
  private get staffWording(): HandoffResponses {
    return this.wordingIn(DEFAULT_HANDOFF_LOCALE);
  }

  private notFound(): HubResult {
    return { ok: false, status: 404, error: this.words.say('no_such_conversation') };
  }

  /** A conflict: someone else was quicker, or the conversation moved on. */
  private refused(
    why: 'already_accepted' | 'no_longer_waiting' | 'conversation_ended' | 'not_yours' | 'conversation_changed' | 'already_ended' | 'callback_closed',
  ): HubResult {
    return { ok: false, status: 409, error: this.words.say(why) };
  }

  /** The queue as one member of staff sees it: a Welsh speaker is offered Welsh conversations first (handoff/welshFirst.ts). */
  async queue(viewer: { welshSpeaker: boolean } = { welshSpeaker: false }): Promise<object> {
    const [waiting, active, callbacks] = await Promise.all([this.store.queued(), this.store.active(), this.store.openCallbacks()]);
    const names = await this.staff.displayNames([...new Set(active.map((h) => h.agentId!).filter(Boolean))]);
    const now = this.now().getTime();
    const item = (h: Handoff, heldForWelsh = false) => ({
      id: h.id,
      status: h.status,
      priority: h.priority,
      reason: h.reason,
      reasonLabel: reasonLabel(h.context, this.words),
      summary: h.summary,
      language: h.language,
      welsh: isWelsh(h.language),
      heldForWelsh,
      queuedAt: h.queuedAt,
      waitingSeconds: Math.max(0, Math.round((now - Date.parse(h.queuedAt)) / 1000)),
      agentId: h.agentId,
      agentName: h.agentId ? (names.get(h.agentId) ?? null) : null,
    });
    return {
      open: this.hours.isOpen(),
      welshSpeaker: viewer.welshSpeaker,
      waiting: welshFirst(waiting, viewer.welshSpeaker, this.now(), this.welshFirstMs).map((p) => item(p.handoff, p.heldForWelsh)),
      active: active.map((h) => item(h)),
      callbacks: callbacks.map((c) => ({
        id: c.id,
        reference: c.reference,
        priority: c.priority,
        name: c.name,
        contact: c.contact,
        bestTime: c.bestTime,
        about: c.about,
        createdAt: c.createdAt,
        language: c.language,
        welsh: isWelsh(c.language),
        reasonLabel: reasonLabel(c.context, this.words),
        context: c.context,
      })),
    };
  }

  async detail(id: string, staff: Staff): Promise<{ handoff: Handoff; messages: HandoffMessage[]; agentName: string | null } | undefined> {
    const handoff = await this.store.get(id);
    if (!handoff) return undefined;
    await this.staff.audit(staff.id, 'view', id);
    const messages = await this.store.messages(id);
    const agentName = handoff.agentId ? ((await this.staff.displayNames([handoff.agentId])).get(handoff.agentId) ?? null) : null;
    return { handoff, messages, agentName };
  }

  async accept(staff: Staff, id: string): Promise<HubResult> {
    const before = await this.store.queued();
    const won = await this.store.accept(id, staff.id);
    if (!won) {
      const handoff = await this.store.get(id);
      if (!handoff) return this.notFound();
      return this.refused(handoff.status === 'active' ? 'already_accepted' : 'no_longer_waiting');
    }
    await this.staff.audit(staff.id, 'accept', id);
    const handoff = (await this.store.get(id))!;
    await this.store.addMessage(id, 'system', this.staffWording.staffActionNote('note_accepted', staff.displayName), staff.id);
    await this.messenger.send(handoff, [this.messenger.status(handoff, 'accepted'), this.wordingIn(handoff.language).connected(staff.displayName)]);
    await this.events.publish({ kind: 'status', handoffId: id, status: 'active' });
    await this.events.publish({ kind: 'queue' });
    await this.tellMovedUp(before, id);
    return { ok: true };
  }

  /** Residents who were behind the accepted conversation hear their new place. */
  private async tellMovedUp(before: Handoff[], acceptedId: string): Promise<void> {
    const index = before.findIndex((h) => h.id === acceptedId);
    if (index < 0) return;
    const now = new Set((await this.store.queued()).map((h) => h.id));
    for (const [i, h] of before.slice(index + 1).entries()) {
      if (!now.has(h.id)) continue;
      const position = index + i + 1;
      await this.messenger.send(h, [this.wordingIn(h.language).movedUp(position, this.hours.expectedWaitMinutes(position))]);
    }
  }

  private async mine(staff: Staff, id: string): Promise<Handoff | HubResult> {
    const handoff = await this.store.get(id);
    if (!handoff) return this.notFound();
    if (handoff.status !== 'active' || handoff.agentId !== staff.id) return this.refused(handoff.status === 'ended' ? 'conversation_ended' : 'not_yours');
    return handoff;
  }

  async say(staff: Staff, id: string, text: string): Promise<HubResult & { delivered?: boolean; message?: HandoffMessage }> {
    const handoff = await this.mine(staff, id);
    if ('ok' in handoff) return handoff;
    const message = await this.store.addMessage(id, 'agent', text.slice(0, MAX_AGENT_MESSAGE), staff.id);
    await this.store.touchAgent([staff.id]);
    await this.staff.audit(staff.id, 'message', id);
    const delivered = await this.messenger.send(handoff, [this.messenger.agentText(message.text, staff.displayName, String(staff.id))]);
    await this.events.publish({ kind: 'message', handoffId: id, messageId: message.id });
    return { ok: true, delivered, message };
  }

  async transfer(staff: Staff, id: string): Promise<HubResult> {
    const handoff = await this.mine(staff, id);
    if ('ok' in handoff) return handoff;
    if (!(await this.store.requeue(id, staff.id))) return this.refused('conversation_changed');
    await this.staff.audit(staff.id, 'transfer', id);
    await this.store.addMessage(id, 'system', this.staffWording.staffActionNote('note_passed_back', staff.displayName), staff.id);
    const position = (await this.store.position(handoff)) ?? 1;
    await this.messenger.send(handoff, [
      this.messenger.backInQueue(),
      this.wordingIn(handoff.language).transferred(position, this.hours.expectedWaitMinutes(position)),
    ]);
    await this.events.publish({ kind: 'status', handoffId: id, status: 'queued' });
    await this.events.publish({ kind: 'queue' });
    return { ok: true };
  }

  async end(staff: Staff, id: string): Promise<HubResult> {
    const handoff = await this.mine(staff, id);
    if ('ok' in handoff) return handoff;
    if (!(await this.store.end(id, 'agent_ended', ['active']))) return this.refused('already_ended');
    await this.staff.audit(staff.id, 'end', id);
    await this.store.addMessage(id, 'system', this.staffWording.staffActionNote('note_agent_ended', staff.displayName), staff.id);
    await this.messenger.send(handoff, [this.messenger.status(handoff, 'completed'), this.wordingIn(handoff.language).ended()]);
    await this.events.publish({ kind: 'status', handoffId: id, status: 'ended', endReason: 'agent_ended' });
    await this.events.publish({ kind: 'queue' });
    return { ok: true };
  }

  async createCase(staff: Staff, handoffId: string | null, fields: Record<string, string>): Promise<string> {
    const reference = await this.store.createCase(handoffId, staff.id, fields);
    await this.staff.audit(staff.id, 'create_case', reference);
    return reference;
  }

  async callbackDone(staff: Staff, id: string): Promise<HubResult> {
    if (!(await this.store.callbackDone(id, staff.id))) return this.refused('callback_closed');
    await this.staff.audit(staff.id, 'callback_done', id);
    await this.events.publish({ kind: 'queue' });
    return { ok: true };
  }

  /** Conversations whose agent's console went away (tab closed) go back to the queue; the resident is told. */
  async sweep(timeoutMs: number): Promise<number> {
    const cutoff = new Date(this.now().getTime() - timeoutMs);
    let moved = 0;
    for (const handoff of await this.store.abandoned(cutoff)) {
      if (!(await this.store.requeueIfAbandoned(handoff.id, cutoff))) continue;
      moved++;
      await this.store.addMessage(handoff.id, 'system', this.staffWording.staffNote('note_agent_disconnected'));
      const position = (await this.store.position(handoff)) ?? 1;
      await this.messenger.send(handoff, [
        this.messenger.backInQueue(),
        this.wordingIn(handoff.language).agentLeftBackInQueue(position, this.hours.expectedWaitMinutes(position)),
      ]);
      await this.events.publish({ kind: 'status', handoffId: handoff.id, status: 'queued' });
      await this.events.publish({ kind: 'queue' });
      this.logger.info({ handoffId: handoff.id }, 'agent disconnected: conversation back in the queue');
    }
    return moved;
  }
}
