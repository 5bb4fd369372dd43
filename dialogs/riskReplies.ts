import type { CouncilProfile } from '../knowledge/councilProfile';
import { fillPlaceholders, type RiskAbout, type RiskCategory, type RiskTaxonomy } from '../intents/riskTaxonomy';

/** What the detector found: the category the reply follows, the others touched, who it is about. */
export interface RiskContext {
  category?: RiskCategory;
  categories?: RiskCategory[];
  about?: RiskAbout;
  /** The category's label for people. */
  label?: string;
}

/** A number residents can tap: a Markdown link (Web Chat, Teams and the agent console show it as a link). */
export function phoneLink(number: string, sms = false): string {
  return `[${number}](${sms ? 'sms' : 'tel'}:${number.replace(/[^0-9+]/g, '')})`;
}

/**
 * The risk replies, written from intents/risk-taxonomy.yaml and the council profile: the first
 * line is the action for this category and who it is about ("Call 999 now" for a fire across the
 * road), then the category's help, then the help of any other category the message touched.
 */
export class RiskReplies {
  constructor(
    private readonly taxonomy: RiskTaxonomy,
    private readonly council: CouncilProfile,
  ) {}

  /** The action line and the help lines, or undefined when the category is not known. */
  lines(risk: RiskContext): { action: string; help: string[] } | undefined {
    const ids = risk.categories?.length ? risk.categories : risk.category ? [risk.category] : [];
    const defs = ids.map((id) => this.taxonomy.categories.find((c) => c.id === id)).filter((c) => c !== undefined);
    const first = defs[0];
    if (!first) return undefined;
    const about = risk.about && first.about.includes(risk.about) ? risk.about : undefined;
    const action = (about && first.action[about]) || first.action.default;
    const help = [...new Set(defs.flatMap((d) => d.help.map((h) => this.fill(h.text))))];
    return { action: this.fill(action), help };
  }

  /** The reply's lines when the category is not known (also repeated around a handoff). */
  general(): { action: string; help: string[] } {
    return { action: this.fill(this.taxonomy.general.action), help: this.taxonomy.general.help.map((h) => this.fill(h.text)) };
  }

  /** The general lines in one paragraph, for replies that say more after them. */
  generalInline(): string {
    const { action, help } = this.general();
    return `${action} ${help.map((h) => `${h}.`).join(' ')}`;
  }

  private fill(text: string): string {
    return fillPlaceholders(text, this.taxonomy, this.council, phoneLink);
  }
}
