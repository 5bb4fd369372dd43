import fs from 'node:fs';
import path from 'node:path';
import { loadArticles } from './articleLoader';
import { loadTrainingData } from '../intents/trainingData';
import type { Language } from '../intents/languageIdentifier';
import { DEFAULT_LOCALE } from './intentMessages';
import { parsedYaml } from '../platform/yamlDocuments';

/** Where a council's content is, to learn what each language looks like. */
export interface LanguageTextSources {
  intentsDir: string;
  articlesDir: string;
  messagesDir: string;
}

/** Every string in a YAML value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function localeTexts(sources: LanguageTextSources, locale: Language): string[] {
  const own = (dir: string) => (locale === DEFAULT_LOCALE ? dir : path.join(dir, locale));
  const intents = fs.existsSync(own(sources.intentsDir)) ? loadTrainingData(own(sources.intentsDir)).intents.flatMap((d) => d.examples.map((e) => e.text)) : [];
  const articles = fs.existsSync(own(sources.articlesDir))
    ? loadArticles(own(sources.articlesDir)).articles.flatMap((a) => [a.title, ...a.questions, a.body.replace(/\]\([^)]*\)/g, ']')])
    : [];
  const messagesDir = path.join(sources.messagesDir, locale);
  const messages = fs.existsSync(messagesDir)
    ? fs
        .readdirSync(messagesDir)
        .filter((f) => f.endsWith('.yaml'))
        .flatMap((f) => strings(parsedYaml(fs.readFileSync(path.join(messagesDir, f), 'utf8'))).map((t) => t.replace(/\{\w+\}/g, ' ')))
    : [];
  return [...intents, ...articles, ...messages];
}

/** The council's words in English and in Welsh (training data, articles, messages), for the language identifier. */
export function languageTexts(sources: LanguageTextSources): Record<Language, string[]> {
  return { 'en-GB': localeTexts(sources, 'en-GB'), 'cy-GB': localeTexts(sources, 'cy-GB') };
}
