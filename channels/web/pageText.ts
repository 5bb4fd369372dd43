import fs from 'node:fs';
import { z } from 'zod';
import type { ContentProblem } from '../../intents/trainingData';
import { readYamlChecked, yamlSchemaProblems } from '../../intents/yamlProblems';
import { DEFAULT_LOCALE } from '../../knowledge/intentMessages';
import { OVERLAYS, overlayFile } from '../../knowledge/localeContent';
import { readWithOverlay } from '../../knowledge/overlay';

const words = z.string().min(1).max(400);
const containing = (placeholder: string, what: string, max = 400) =>
  words.max(max).refine((s) => s.includes(placeholder), `must contain ${placeholder} (${what})`);
const aboutAgent = containing('{agent}', "the person's name");
const withLink = containing('{link}', 'where the link goes');

/** The page's own text (web/index.html and the accessibility statement's page). */
const pageSchema = z
  .object({
    skipLink: words.max(60),
    heading: words.max(120),
    intro: words,
    privacy: withLink,
    privacyLink: words.max(120),
    startAgain: words.max(40),
    saveConversation: words.max(40),
    chatLabel: words.max(120),
    loading: words.max(120),
    noScript: withLink,
    noScriptLink: words.max(120),
    footerPrivacy: words.max(60),
    footerAccessibility: words.max(60),
    footerWebsite: containing('{council}', "the council's name", 120),
    backToChat: words.max(60),
    statementTitle: words.max(120),
    statementNotTranslated: words,
  })
  .strict();

/** The embed's words (web/embed.js on the council's own pages), in the page's language. */
const embedSchema = z
  .object({
    button: words.max(40),
    close: words.max(40),
    closeLabel: words.max(60),
    frameTitle: containing('{assistant}', "the assistant's name", 120),
  })
  .strict();

export const pageTextSchema = z
  .object({
    assistantName: words.max(60),
    agentName: aboutAgent,
    agentSaid: aboutAgent,
    endChat: words.max(40),
    connectionLost: words,
    connectionBack: words,
    connectionFailed: words,
    conversationExpired: words,
    notAvailable: words,
    couldNotLoad: words,
    newConversation: words,
    saved: words,
    savedYou: words.max(40),
    languageChanged: words,
    savedOn: containing('{date}', 'when it was saved'),
    savedCard: words.max(120),
    formField: words,
    page: pageSchema,
    embed: embedSchema,
  })
  .strict();

/** The words of the chat page (knowledge/chat-page.yaml): what its script shows or announces, and under `page` its own text. */
export type PageText = z.infer<typeof pageTextSchema>;

/** An overlay's words checked as the English are (a placeholder kept, not too long); a word it lacks is the overlay check's. */
const OVERLAY_SCHEMA = pageTextSchema.deepPartial();

/** The mistakes of a language's overlay of knowledge/chat-page.yaml, each at its line (none when it has no overlay: the overlay check says so). */
export function pageTextOverlayProblems(file: string, locale: string): ContentProblem[] {
  const overlay = overlayFile(file, locale);
  return fs.existsSync(overlay) ? yamlSchemaProblems(overlay, fs.readFileSync(overlay, 'utf8'), OVERLAY_SCHEMA).problems : [];
}

/**
 * Reads and checks knowledge/chat-page.yaml; problems name the file, line and field. In another
 * language, its overlay (`knowledge/<locale>/chat-page.yaml`) over the English: the overlay's own
 * mistakes (a placeholder left out) at the overlay's line; a word missing is the overlay check's
 * (knowledge/localeProblems.ts), and here an error naming the field.
 */
export function loadPageText(file: string, locale: string = DEFAULT_LOCALE): PageText {
  const english = readYamlChecked(file, pageTextSchema);
  if (locale === DEFAULT_LOCALE) return english;
  const overlay = overlayFile(file, locale);
  if (!fs.existsSync(overlay)) throw new Error(`${overlay}: missing: the ${locale} words of ${file}`);
  readYamlChecked(overlay, OVERLAY_SCHEMA);
  const parsed = pageTextSchema.safeParse(readWithOverlay(file, overlay, OVERLAYS.chatPage));
  if (!parsed.success) throw new Error(`${overlay}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
