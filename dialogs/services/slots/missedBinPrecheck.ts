import type { MissedBinCheck } from '../../../servicerequests/waste/missedBinCheck';
import type { Reply } from '../../responses';
import type { AddressLookup } from '../addressLookup';
import type { ServiceResponses } from '../serviceResponses';
import type { SlotState } from './slotState';

/**
 * A missed bin reported before it is late, or on a day its round does not come: said before the
 * request is filed, once the address, the bin and the date are known (again after one changes).
 */
export class MissedBinPrecheck {
  constructor(
    private readonly missedBin: MissedBinCheck | undefined,
    private readonly addresses: AddressLookup,
    private readonly responses: ServiceResponses,
    private readonly now: () => Date,
  ) {}

  /** Why the request cannot be taken, or undefined (also when the check does not apply yet). */
  refusal(state: SlotState): Reply | undefined {
    if (state.prechecked || state.config.precheck !== 'missed_bin' || !this.missedBin) return undefined;
    if (state.location?.kind !== 'address') return undefined;
    // The bin: the value of the request's answers that names a container the waste rounds collect (waste/rounds.yaml).
    const missedBin = this.missedBin;
    const container = Object.values(state.answers)
      .flat()
      .find((v) => missedBin.isContainer(v));
    const dateAttr = state.attributes.find((a) => a.datatype === 'datetime');
    if (!container || (dateAttr && !(dateAttr.code in state.answers))) return undefined;
    state.prechecked = true;
    const address = this.addresses.byUprn(state.location.uprn);
    if (!address) return undefined;
    const reported = dateAttr ? String(state.answers[dateAttr.code]).slice(0, 10) : undefined;
    const verdict = this.missedBin.check(address, container, this.now(), reported);
    return verdict.ok ? undefined : this.responses.precheckRefused(verdict.message, verdict.next);
  }
}
