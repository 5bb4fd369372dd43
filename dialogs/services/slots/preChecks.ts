import type { Reply } from '../../responses';
import type { ServiceResponses } from '../serviceResponses';
import { countedOverLimit } from './countLimit';
import type { MissedBinPrecheck } from './missedBinPrecheck';
import type { SlotQuestions } from './slotQuestions';
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
    private readonly questions: SlotQuestions,
  ) {}

  run(state: SlotState): PreCheck {
    const said = (state.urgentSaid ??= []);
    const urgent: Reply[] = [];
    // More things counted than one booking takes: said at once (once for each count), whatever is asked next.
    for (const a of state.attributes) {
      const over = a.datatype === 'multivaluelist' ? countedOverLimit(state, a.code) : undefined;
      if (!over || state.overLimitSaid?.[a.code] === over.wanted) continue;
      state.overLimitSaid = { ...state.overLimitSaid, [a.code]: over.wanted };
      if (!(state.current?.kind === 'attribute' && state.current.code === a.code)) urgent.push(this.questions.tooMany(state, a, over));
    }
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
