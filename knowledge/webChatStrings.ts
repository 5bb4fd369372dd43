import fs from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from '../intents/trainingData';
import { yamlSchemaProblems } from '../intents/yamlProblems';
import { packageRoot } from '../platform/packageRoot';
import { z } from 'zod';
import { parsedYaml } from '../platform/yamlDocuments';

/**
 * Web Chat's own interface strings (the send button, "Type your message", "Sent at $1", the
 * screen-reader texts) in a language Web Chat does not ship (it has no cy-GB): the words are
 * content, `knowledge/messages/<locale>/webchat.yaml`, one id per Web Chat string, given to the page
 * as Web Chat's `overrideLocalizedStrings`. The ids are Web Chat's own (its en-US strings, read from
 * the installed package), so a Web Chat upgrade that adds a string makes validate name it. English
 * needs no file: Web Chat's own English is used.
 */
const WEB_CHAT_ENGLISH = path.join(packageRoot(__dirname), 'node_modules', 'botframework-webchat-api', 'lib', 'localization', 'en-US.json');

/** Web Chat's English strings by id (its comments, keys starting with "_", left out). */
export function webChatEnglish(file = WEB_CHAT_ENGLISH): Record<string, string> {
  const all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => !e[0].startsWith('_') && typeof e[1] === 'string'));
}

/** `<messagesDir>/<locale>/webchat.yaml`. */
export const webChatStringsFile = (messagesDir: string, locale: string): string => path.join(messagesDir, locale, 'webchat.yaml');

const placeholders = (text: string) => [...new Set(text.match(/\$\d+/g) ?? [])].sort().join(' ');

/** A locale's Web Chat strings by id, for the page; throws naming the file (and line) of each problem. */
export function loadWebChatStrings(file: string, english: Record<string, string> = webChatEnglish()): Record<string, string> {
  const problems = webChatStringsProblems(file, english);
  if (problems.length) throw new Error(problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('; '));
  return Object.fromEntries(Object.entries(parsedYaml(fs.readFileSync(file, 'utf8')) as Record<string, string>).map(([id, words]) => [id, words.trim()]));
}

/** A locale's Web Chat strings: every id Web Chat has, no other, each with the same $1, $2… as the English. */
export function webChatStringsProblems(file: string, english: Record<string, string> = webChatEnglish()): ContentProblem[] {
  if (!fs.existsSync(file)) return [{ severity: 'error', file, message: "missing: Web Chat's own interface strings (ids as in Web Chat's en-US strings)" }];
  const text = fs.readFileSync(file, 'utf8');
  const { data, problems, keyLines: lines } = yamlSchemaProblems(file, text, z.record(z.string(), z.string().trim().min(1, 'must not be empty')));
  if (!data) return problems;
  for (const id of Object.keys(english))
    if (!(id in data)) problems.push({ severity: 'error', file, message: `${id}: missing (Web Chat's English: "${english[id]}")` });
  for (const [id, words] of Object.entries(data)) {
    if (!(id in english)) problems.push({ severity: 'error', file, line: lines.get(id), message: `${id}: not one of Web Chat's strings` });
    else if (placeholders(words) !== placeholders(english[id]))
      problems.push({
        severity: 'error',
        file,
        line: lines.get(id),
        message: `${id}: must use ${placeholders(english[id]) || 'no placeholder'} as Web Chat's English does ("${english[id]}")`,
      });
  }
  return problems;
}
