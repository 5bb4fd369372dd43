import type { ConversationState, UserState } from 'botbuilder';
import type { RiskTaxonomy } from '../intents/riskTaxonomy';
import type { Buttons } from '../knowledge/buttons';
import type { CouncilProfile } from '../knowledge/councilProfile';
import type { Locale } from '../knowledge/locales';
import type { Vocabulary } from '../knowledge/vocabulary';
import type { SearchableKnowledge } from '../knowledge/knowledgeBase';
import type { Responses } from './responses';
import type { Router } from './router';

/** What buildAssistant (bot/assistant.ts) hands the features it wires in (handoff, service requests): the conversation's parts, built once. */
export interface AssistantParts {
  council: CouncilProfile;
  /** The risk taxonomy (intents/risk-taxonomy.yaml): categories, helplines, replies. */
  taxonomy: RiskTaxonomy;
  responses: Responses;
  router: Router;
  knowledge: SearchableKnowledge;
  conversationState: ConversationState;
  userState: UserState;
  /** Every locale's message files (knowledge/messages next to the council profile, or `messagesDir`): each feature reads its own, else the project's own words. */
  messagesDir: string;
  /** The buttons' titles (<messagesDir>/<locale>/buttons.yaml, else the project's own), the same for every feature: a title offered is the title recognised. */
  buttons: Buttons;
  /** The vocabulary (<messagesDir>/<locale>/vocabulary.yaml, else the project's own): what each answer (yes, no, skip…) is taken to mean. */
  vocabulary: Vocabulary;
  /** The language these parts speak (en-GB, or cy-GB for a council that declares Welsh): each feature reads its words in it. */
  locale: Locale;
}
