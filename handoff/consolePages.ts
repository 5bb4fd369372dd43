import fs from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from '../intents/trainingData';
import { keyLines } from '../intents/yamlProblems';
import { CONSOLE_PAGE_MESSAGES, type ConsolePageTexts } from '../knowledge/messageFiles';

/**
 * The agent console's pages and their words (knowledge/messages/<locale>/console-pages.yaml). A page
 * (web/agent/*.html) names each of its words by id, `{{sign_in_heading}}`, and the server puts the
 * words in as it serves it; its scripts take theirs from the page's `<script type="application/json"
 * id="console-text">` through `say('id', values)` (web/agent/texts.js).
 */

/** A word of a page, `{{id}}`, or a value the server puts in, `__CSRF__`. */
const SLOT = /\{\{([a-z0-9_]+)\}\}|__([A-Z]+)__/g;
const PAGE_ID = /\{\{([a-z0-9_]+)\}\}/g;
/** A script's call of say(): its first argument, where the id is written (or two, `cond ? 'a' : 'b'`). */
const SCRIPT_CALL = /\bsay\(([^,()]*)/g;
const QUOTED = /'([^']*)'/g;
/** Words the server itself puts in a page: each language's name, in the links to the console in that language (agentConsole.ts). */
const SERVER_IDS = new Set(['language_name']);
/** The script that defines say() for the others. */
const TEXTS_SCRIPT = 'texts.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const isPageId = (id: string): id is keyof typeof CONSOLE_PAGE_MESSAGES.spec & string => Object.hasOwn(CONSOLE_PAGE_MESSAGES.spec, id);

/** The console's words in its language, for its pages. */
export interface ConsolePageWords {
  texts: ConsolePageTexts;
  /** The language of the words, the pages' `lang` ("en-GB"). */
  locale: string;
}

/**
 * A page as served: each `{{id}}` its words (as HTML text), `__LANG__` the language, `__LANGUAGES__` the links to the
 * other languages (`__LANGUAGES_HIDDEN__`: `hidden` when there are none), `__TEXTS__` every
 * word as JSON for its scripts (with "<" escaped, so it cannot close the script element), and the
 * page's own values (`__CSRF__`: already HTML, as given). One pass: no word is read as a slot.
 */
export function fillPage(html: string, words: ConsolePageWords, values: Record<string, string> = {}): string {
  const all: Record<string, string> = {
    LANG: escapeHtml(words.locale),
    TEXTS: JSON.stringify({ locale: words.locale, words: words.texts.all() }).replace(/</g, '\\u003c'),
    // The links to the console in its other languages (none given: none, and their list hidden).
    LANGUAGES: '',
    LANGUAGES_HIDDEN: 'hidden',
    ...values,
  };
  return html.replace(SLOT, (whole, id: string | undefined, name: string | undefined) => {
    if (id) return isPageId(id) ? escapeHtml(words.texts.say(id)) : whole;
    return name && Object.hasOwn(all, name) ? all[name] : whole;
  });
}

/** Each message id a page or script uses, with its line. */
function usedIds(file: string): Array<{ id: string; line: number }> {
  const used: Array<{ id: string; line: number }> = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (file.endsWith('.html')) for (const [, id] of text.matchAll(PAGE_ID)) used.push({ id, line: i + 1 });
      else for (const [, arg] of text.matchAll(SCRIPT_CALL)) for (const [, id] of arg.matchAll(QUOTED)) used.push({ id, line: i + 1 });
    });
  return used;
}

/**
 * The checks of `npm run validate` (and of start-up) on the console's pages: an id a page or script
 * uses that console-pages.yaml does not have (at the page's line), and an id there that nothing uses
 * (at its line in `messagesFile`, the en-GB file, when given).
 */
export function consolePageProblems(pagesDir: string, messagesFile?: string): ContentProblem[] {
  const files = fs
    .readdirSync(pagesDir)
    .filter((f) => (f.endsWith('.html') || f.endsWith('.js')) && f !== TEXTS_SCRIPT)
    .sort()
    .map((f) => path.join(pagesDir, f));
  const problems: ContentProblem[] = [];
  const seen = new Set<string>(SERVER_IDS);
  for (const file of files) {
    for (const { id, line } of usedIds(file)) {
      seen.add(id);
      if (!isPageId(id))
        problems.push({ severity: 'error', file, line, message: `"${id}" is not a message of console-pages.yaml (add it there, in every language)` });
    }
  }
  const lines = messagesFile && fs.existsSync(messagesFile) ? keyLines(fs.readFileSync(messagesFile, 'utf8')) : new Map<string, number>();
  for (const id of Object.keys(CONSOLE_PAGE_MESSAGES.spec).filter((i) => !seen.has(i)))
    problems.push({
      severity: 'error',
      file: messagesFile ?? pagesDir,
      line: lines.get(id),
      message: `${id}: no page or script of the agent console uses it (${pagesDir})`,
    });
  return problems;
}
