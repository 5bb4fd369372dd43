import type { Reply } from '../../responses';
import type { ServiceResponses } from '../serviceResponses';
import type { MissedBinPrecheck } from './missedBinPrecheck';
import { ruleHolds, type SlotState } from './slotState';

/** What is said before the next question: urgent advice (each once), and why the request cannot be taken, if it cannot. */
export interface PreCheck {
  urgent: Reply[];
  refused?: Reply;
}

/**
 * The service's own rules (knowledge/service-requests.yaml: `urgent` advice, `refuse` rules) against
 * the answers so far, then the missed-bin check; marks in `state` the urgent advice it returns.
 */
export class PreChecks {
  constructor(
    private readonly responses: ServiceResponses,
    private readonly missedBin: MissedBinPrecheck,
  ) {}

  run(state: SlotState): PreCheck {
    const said = (state.urgentSaid ??= []);
    const urgent: Reply[] = [];
    for (const [i, rule] of state.config.urgent.entries()) {
      if (said.includes(i) || !ruleHolds(rule, state)) continue;
      said.push(i);
      urgent.push(this.responses.urgent(rule.say));
    }
    const refusal = state.config.refuse.find((rule) => ruleHolds(rule, state));
    const refused = refusal ? this.responses.precheckRefused(this.responses.withCouncilNumbers(refusal.say)) : this.missedBin.refusal(state);
    return { urgent, ...(refused ? { refused } : {}) };
  }
}
