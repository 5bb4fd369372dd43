import { ActivityHandler, ActivityTypes, type ConversationState, type StatePropertyAccessor, type TurnContext, type UserState } from 'botbuilder';
import type { LanguageIdentifier } from '../intents/languageIdentifier';
import { DEFAULT_LOCALE } from '../knowledge/intentMessages';
import { SUPPORTED_LOCALES, type Locale } from '../knowledge/locales';
import { setConversationLocale } from '../dialogs/turnState';
import { sendReply } from '../dialogs/replies';
import type { Assistant } from './assistant';

/** "/cymraeg", "Cymraeg", "/english": a resident choosing a language (the welcome's button, or typed). */
const CHOICE: ReadonlyArray<[RegExp, Locale]> = [
  [/^\s*\/?\s*(cymraeg|welsh)\s*[.!]?\s*$/iu, 'cy-GB'],
  [/^\s*\/?\s*(english|saesneg)\s*[.!]?\s*$/iu, 'en-GB'],
];

/**
 * The event a page sends when the resident chose its language by the page's own link ("Cymraeg" on
 * the English page) in the middle of a conversation (web/assets/chat.js LANGUAGE_EVENT); its value is
 * the locale. The conversation changes to it as for "/cymraeg".
 */
export const LANGUAGE_EVENT = 'council.language';

const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);

/** The language a channel says the resident's page or app uses ("cy", "cy-GB"), when it is one the council speaks. */
function channelLocale(tag: string | undefined, declared: readonly Locale[]): Locale | undefined {
  const language = tag?.toLowerCase().split(/[-_]/)[0];
  return declared.find((l) => l.toLowerCase().split('-')[0] === language);
}

/**
 * One assistant per language the council declares (bot/assistant.ts builds each with the same dialog ids
 * and the same conversation state), and each turn handed to the one in the resident's language. The
 * language is the conversation's once chosen: by a button or "/cymraeg", or by a message the language
 * identifier is sure of (a short reply, a postcode or a name never changes it), else the resident's
 * last choice (user state), else the language their page or app declares, else English. A request
 * under way carries on in the new language: its dialog and state are the same in both.
 */
export class BilingualBot extends ActivityHandler {
  private readonly conversationLocale: StatePropertyAccessor<string | undefined>;
  private readonly userLocale: StatePropertyAccessor<string | undefined>;
  private readonly declared: Locale[];

  constructor(
    private readonly assistants: ReadonlyMap<Locale, Assistant>,
    private readonly identifier: LanguageIdentifier,
    conversationState: ConversationState,
    userState: UserState,
  ) {
    super();
    this.declared = [...assistants.keys()];
    this.conversationLocale = conversationState.createProperty('locale');
    this.userLocale = userState.createProperty('locale');
  }

  override async run(context: TurnContext): Promise<void> {
    const current = await this.localeOf(context);
    const activity = context.activity;
    const text = activity.type === ActivityTypes.Message ? (activity.text ?? '') : '';
    const fromPage =
      activity.type === ActivityTypes.Event && activity.name === LANGUAGE_EVENT ? channelLocale(String(activity.value), this.declared) : undefined;
    const chosen = fromPage ?? CHOICE.find(([pattern, locale]) => pattern.test(text) && this.declared.includes(locale))?.[1];
    const identified = text && !chosen ? this.identifier.identify(text).language : undefined;
    const locale = chosen ?? (identified && this.declared.includes(identified) ? identified : current);
    if (locale !== current || chosen) {
      await this.conversationLocale.set(context, locale);
      await this.userLocale.set(context, locale);
    }
    setConversationLocale(context, locale);
    // What the bot says this turn says which language it is in (the activity's `locale`, else the
    // resident's page's would be copied onto it): the chat page follows a reply in another language.
    context.onSendActivities(async (_context, activities, next) => {
      for (const sent of activities) if (sent.type === ActivityTypes.Message || sent.type === ActivityTypes.Event) sent.locale = locale;
      return next();
    });
    const assistant = this.assistants.get(locale) ?? this.assistants.get(DEFAULT_LOCALE)!;
    if (chosen) {
      // A language chosen on its own ("Cymraeg", or on the page): said so in it, and the state saved; nothing else to answer.
      await sendReply(context, assistant.responses.languageSwitched());
      await assistant.conversationState.saveChanges(context, false);
      await assistant.userState.saveChanges(context, false);
      return;
    }
    await assistant.bot.run(context);
  }

  /** The conversation's language so far: its own, else the resident's last choice, else their page's, else English. */
  private async localeOf(context: TurnContext): Promise<Locale> {
    const own = await this.conversationLocale.get(context);
    if (isLocale(own) && this.declared.includes(own)) return own;
    const preferred = await this.userLocale.get(context);
    if (isLocale(preferred) && this.declared.includes(preferred)) return preferred;
    return channelLocale(context.activity.locale, this.declared) ?? this.declared[0] ?? DEFAULT_LOCALE;
  }
}
