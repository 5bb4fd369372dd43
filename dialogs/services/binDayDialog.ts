import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { fullAddress } from '../../servicerequests/gazetteer/gazetteer';
import { councilDate } from '../../servicerequests/waste/calendar';
import type { WasteSchedule } from '../../servicerequests/waste/wasteSchedule';
import type { RecognizerResult } from '../../intents/recognizer';
import { sendPromptTrace, sendReply } from '../replies';
import { offer } from '../offered';
import type { Reply } from '../responses';
import type { AddressLookup, Location, PostcodeOutcome } from './addressLookup';
import { setKnownPlace } from '../turnState';
import type { ServiceResponses } from './serviceResponses';

interface BinDayState {
  stage: 'postcode' | 'choose';
  postcode?: string;
  /** The one bin the question named ("when's the grey bin next?"): its collection after the next is given too. */
  container?: string;
}

/** "When is my bin day?": postcode → address → the next collection of each container. */
export class BinDaySlots extends Dialog {
  constructor(
    id: string,
    private readonly addresses: AddressLookup,
    private readonly schedule: WasteSchedule,
    private readonly responses: ServiceResponses,
    private readonly now: () => Date,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: { recognized?: RecognizerResult; lastPlace?: Location }): Promise<DialogTurnResult> {
    const entities = options?.recognized?.entities ?? [];
    const named = [...new Set(entities.filter((e) => e.type === 'binType').map((e) => e.value))];
    const state: BinDayState = { stage: 'postcode', ...(named.length === 1 ? { container: named[0] } : {}) };
    dc.activeDialog!.state.binDay = state;
    const postcode = entities.find((e) => e.type === 'postcode');
    if (postcode) {
      const outcome = this.addresses.postcode(
        postcode.value,
        'address',
        entities.find((e) => e.type === 'houseNumber')?.value,
        options?.recognized?.text ?? postcode.value,
      );
      // "AT8 1PY" again after its bin day: the home address this chat already used there, not a list to choose from.
      const home = this.addresses.knownOnList(outcome, options?.lastPlace);
      return home ? this.answer(dc, home) : this.onOutcome(dc, state, outcome);
    }
    // "wen is bin day for 6 fenwik rd": the address from its street.
    const street = options?.recognized?.text ? this.addresses.fromWords(options.recognized.text, 'address') : undefined;
    const known = this.addresses.knownOnList(street, options?.lastPlace);
    if (known) return this.answer(dc, known);
    if (street) return this.onOutcome(dc, state, street);
    // The home address this chat already used (a report just made, a bin day asked): its collections.
    if (options?.lastPlace?.kind === 'address') return this.answer(dc, options.lastPlace);
    // A street report's place that names one house ("outside 10 station rd", a lamp post just reported): that house's
    // collections; the reply names the address, so a resident who meant another can say so. A place that names no
    // single house is not a home address: the postcode is asked.
    const described = options?.lastPlace?.kind === 'description' ? this.addresses.namedIn(options.lastPlace.text) : undefined;
    if (described?.next === 'done') return this.onOutcome(dc, state, described);
    await offer(dc, this.responses.askPostcode('address'));
    await sendPromptTrace(dc.context, 'postcode');
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state.binDay as BinDayState;
    const text = (dc.context.activity.text ?? '').trim();
    if (state.stage === 'choose' && state.postcode) {
      const picked = this.addresses.choose(text, state.postcode);
      if (picked.location) return this.answer(dc, picked.location);
      if (picked.notListed) {
        await offer(dc, this.notListed());
        return dc.endDialog();
      }
      if (picked.postcodeAgain) return this.onOutcome(dc, state, picked.postcodeAgain);
      await offer(dc, picked.reply!);
      await sendPromptTrace(dc.context, 'address');
      return Dialog.EndOfTurn;
    }
    return this.onPostcode(dc, state, text);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state.binDay as BinDayState;
    const choosing = state.stage === 'choose' && !!state.postcode;
    await sendReply(context, choosing ? this.addresses.chooseReply(state.postcode!) : this.responses.askPostcode('address'));
    await sendPromptTrace(context, choosing ? 'address' : 'postcode');
  }

  private async onPostcode(dc: DialogContext, state: BinDayState, text: string): Promise<DialogTurnResult> {
    return this.onOutcome(dc, state, this.addresses.postcode(text, 'address'));
  }

  private async onOutcome(dc: DialogContext, state: BinDayState, outcome: PostcodeOutcome): Promise<DialogTurnResult> {
    if (outcome.next === 'done') return this.answer(dc, outcome.location);
    if (outcome.next === 'not_listed') {
      await offer(dc, this.notListed());
      return dc.endDialog();
    }
    if (outcome.next === 'choose') {
      state.stage = 'choose';
      state.postcode = outcome.postcode;
    }
    await offer(dc, outcome.reply);
    await sendPromptTrace(dc.context, state.stage === 'choose' ? 'address' : 'postcode');
    return Dialog.EndOfTurn;
  }

  private notListed(): Reply {
    return this.responses.binDayNotListed();
  }

  private async answer(dc: DialogContext, location: Location): Promise<DialogTurnResult> {
    const address = location.kind === 'address' ? this.addresses.byUprn(location.uprn) : undefined;
    if (!address) {
      await offer(dc, this.notListed());
      return dc.endDialog();
    }
    const today = councilDate(this.now());
    const next = this.schedule.next(address.round, today).map((c) => ({
      container: c.containerName,
      date: this.responses.spokenDate(c.date, today),
      today: c.date === today,
      usual: c.changedReason ? { date: this.responses.spokenDate(c.usualDate!, today), reason: c.changedReason } : undefined,
    }));
    // "So after tomorrow, when's the grey bin next?": the bin named, its collection after the next one too.
    const container = (dc.activeDialog?.state.binDay as BinDayState | undefined)?.container;
    const nextOfNamed = container ? this.schedule.next(address.round, today).find((c) => c.container === container) : undefined;
    const after = nextOfNamed ? this.schedule.after(address.round, nextOfNamed.container, nextOfNamed.date) : undefined;
    const following = after
      ? {
          container: after.containerName,
          date: this.responses.spokenDate(after.date, today),
          today: false,
          usual: after.changedReason ? { date: this.responses.spokenDate(after.usualDate!, today), reason: after.changedReason } : undefined,
        }
      : undefined;
    // The address as found: with the street's Welsh name when the resident used it ("2 Lôn y Felin (Mill Lane)").
    await offer(dc, this.responses.binDays(location.text || fullAddress(address), next, following));
    // "Can you collect a bed from there?" next: the same home address.
    setKnownPlace(dc.context, location);
    return dc.endDialog();
  }
}
