import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPageText, type PageText } from '../../channels/web/pageText';
import { preferredLocale } from '../../channels/web/pageLanguage';
import { activities, botMessages, post, startAssistant, type Conversation, type Running } from '../directline/harness';

const ROOT = path.resolve(__dirname, '..', '..');
const FILE = path.join(ROOT, 'knowledge', 'chat-page.yaml');
const ENGLISH = loadPageText(FILE);
const WELSH = loadPageText(FILE, 'cy-GB');

interface Served {
  status: number;
  headers: Headers;
  html: string;
  lang: string;
  config: { locale: string; webChatStrings: Record<string, string>; pages: Record<string, string>; text: PageText; theme: Record<string, unknown> };
}

async function get(base: string, address: string, headers: Record<string, string> = {}): Promise<Served> {
  const res = await fetch(`${base}${address}`, { headers });
  const html = await res.text();
  const config = /<script type="application\/json" id="assistant-config">([^<]*)<\/script>/.exec(html)?.[1];
  return {
    status: res.status,
    headers: res.headers,
    html,
    lang: /<html lang="([^"]*)"/.exec(html)?.[1] ?? '',
    config: config ? (JSON.parse(config) as Served['config']) : ({} as Served['config']),
  };
}

/** The page's own words (chat-page.yaml `page`) that a page in `words`' language shows, the placeholders filled with something. */
const shown = (words: PageText) =>
  Object.entries(words.page)
    .filter(([key]) => !['statementTitle', 'statementNotTranslated', 'backToChat'].includes(key))
    .map(([, text]) =>
      text
        .replace(/'/g, '&#39;')
        .split(/\{\w+\}/)[0]
        .trim(),
    )
    .filter((text) => text.length > 3);

/** A page token for a page in `locale` (as chat.js asks for one), and the conversation started with it, as Web Chat starts it. */
async function pageConversation(base: string, locale?: string): Promise<Conversation> {
  const res = await fetch(`${base}/api/directline/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(locale ? { locale } : {}),
  });
  const { conversationId, token } = (await res.json()) as { conversationId: string; token: string };
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const started = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers });
  expect(started.status).toBe(201);
  return { conversationId, token, headers };
}

/**
 * GET / and the language addresses (issue 21): the page in the language asked for (`?lang=`, `/cymraeg`,
 * `/english`), else the browser's (Accept-Language), else English; a council with English alone serves
 * English whatever is asked, with no switch. The page's language reaches the assistant: its welcome,
 * and what the assistant says carries the language it is in.
 */
describe('the chat page in the council’s languages (Anytown: en-GB and cy-GB)', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startAssistant();
  });
  afterAll(async () => run?.stop());

  it('is English at / with no choice made, with a link to the Welsh page said in Welsh', async () => {
    const page = await get(run.base, '/');
    expect(page.status).toBe(200);
    expect(page.lang).toBe('en-GB');
    expect(page.headers.get('content-language')).toBe('en-GB');
    expect(page.headers.get('vary')).toMatch(/Accept-Language/);
    expect(page.html).toContain('<a class="council-header__language" href="/cymraeg" lang="cy-GB" hreflang="cy-GB">Cymraeg</a>');
    for (const words of shown(ENGLISH)) expect(page.html).toContain(words);
    expect(page.config.locale).toBe('en-GB');
    expect(page.config.webChatStrings).toEqual({});
    expect(page.config.pages).toEqual({ 'en-GB': '/english', 'cy-GB': '/cymraeg' });
  });

  it('is Welsh at /?lang=cy and at /cymraeg: its lang, every word of the page, the council’s Welsh name and pages, Web Chat’s own Welsh strings', async () => {
    for (const address of ['/?lang=cy', '/?lang=cy-GB', '/cymraeg']) {
      const page = await get(run.base, address);
      expect(page.lang, address).toBe('cy-GB');
      expect(page.headers.get('content-language')).toBe('cy-GB');
      for (const words of shown(WELSH)) expect(page.html, address).toContain(words);
      for (const words of shown(ENGLISH)) expect(page.html, address).not.toContain(words);
      expect(page.html).toContain(`<title>${WELSH.assistantName} – Cyngor Bwrdeistref Anytown</title>`);
      expect(page.html).toContain(`<span class="council-header__service">${WELSH.assistantName}</span>`);
      expect(page.html).not.toContain(ENGLISH.assistantName);
      expect(page.config.theme).toMatchObject({ assistantName: WELSH.assistantName, name: 'Cyngor Bwrdeistref Anytown' });
      expect(page.html).toContain('<a href="https://www.anytown.example/cy/privacy/assistant">');
      expect(page.html).toContain('<a href="/accessibility?lang=cy-GB">Datganiad hygyrchedd</a>');
      expect(page.html).toContain('<a class="council-header__language" href="/english" lang="en-GB" hreflang="en-GB">English</a>');
      expect(page.html).not.toContain('>Cymraeg</a>');
      expect(page.config.locale).toBe('cy-GB');
      expect(page.config.text.page.heading).toBe(WELSH.page.heading);
      expect(page.config.webChatStrings).toMatchObject({ TEXT_INPUT_PLACEHOLDER: 'Teipiwch eich neges', TEXT_INPUT_SEND_BUTTON_ALT: 'Anfon' });
    }
  });

  it('follows the browser’s Accept-Language when no language is asked for, and an asked-for language over it', async () => {
    expect((await get(run.base, '/', { 'Accept-Language': 'cy' })).lang).toBe('cy-GB');
    expect((await get(run.base, '/', { 'Accept-Language': 'cy-GB,cy;q=0.9,en-GB;q=0.8,en;q=0.7' })).lang).toBe('cy-GB');
    expect((await get(run.base, '/', { 'Accept-Language': 'fr-FR, cy;q=0.5, en;q=0.4' })).lang).toBe('cy-GB');
    expect((await get(run.base, '/', { 'Accept-Language': 'en-GB,en;q=0.9,cy;q=0.8' })).lang).toBe('en-GB');
    expect((await get(run.base, '/', { 'Accept-Language': 'de, fr' })).lang).toBe('en-GB');
    expect((await get(run.base, '/?lang=en', { 'Accept-Language': 'cy' })).lang).toBe('en-GB');
    expect((await get(run.base, '/english', { 'Accept-Language': 'cy' })).lang).toBe('en-GB');
    expect((await get(run.base, '/?lang=xx', { 'Accept-Language': 'cy' })).lang).toBe('cy-GB');
  });

  it('gives embed.js its words in the council page’s language (knowledge/chat-page.yaml embed, its Welsh overlay)', async () => {
    const theme = async (query: string, headers: Record<string, string> = {}) =>
      (await (await fetch(`${run.base}/council-theme.json${query}`, { headers })).json()) as {
        locale: string;
        name: string;
        assistantName: string;
        embed: Record<string, string>;
      };
    // With the assistant's and the council's names in that language: the embed's panel title says them.
    const welsh = { locale: 'cy-GB', embed: WELSH.embed, assistantName: WELSH.assistantName, name: 'Cyngor Bwrdeistref Anytown' };
    for (const query of ['?lang=cy', '?lang=cy-GB']) expect(await theme(query)).toMatchObject(welsh);
    expect(await theme('', { 'Accept-Language': 'cy' })).toMatchObject({ locale: 'cy-GB', embed: WELSH.embed });
    expect(await theme('?lang=en', { 'Accept-Language': 'cy' })).toMatchObject({ locale: 'en-GB', embed: ENGLISH.embed });
    expect(await theme('')).toMatchObject({ locale: 'en-GB', embed: ENGLISH.embed, assistantName: ENGLISH.assistantName, name: 'Anytown Borough Council' });
    expect(WELSH.assistantName).not.toBe(ENGLISH.assistantName);
    for (const key of Object.keys(ENGLISH.embed) as Array<keyof typeof ENGLISH.embed>) expect(WELSH.embed[key], key).not.toBe(ENGLISH.embed[key]);
  });

  it('keeps the embed in its panel: the switch goes to the other language’s embedded page', async () => {
    const page = await get(run.base, '/cymraeg?embed=1');
    expect(page.html).toContain('href="/english?embed=1"');
    expect(page.config.pages).toEqual({ 'en-GB': '/english?embed=1', 'cy-GB': '/cymraeg?embed=1' });
  });

  it('serves the accessibility statement in a Welsh page: Welsh around it, the statement marked as English, back to the Welsh chat', async () => {
    const english = await get(run.base, '/accessibility');
    expect(english.lang).toBe('en-GB');
    expect(english.html).toContain(`<a href="/english">${ENGLISH.page.backToChat}</a>`);
    expect(english.html).not.toContain(ENGLISH.page.statementNotTranslated);
    const welsh = await get(run.base, '/accessibility?lang=cy');
    expect(welsh.lang).toBe('cy-GB');
    expect(welsh.html).toContain(WELSH.page.statementNotTranslated.replace(/'/g, '&#39;'));
    expect(welsh.html).toMatch(/<div lang="en-GB"><h1>Accessibility statement/);
    expect(welsh.html).toContain(`<a href="/cymraeg">${WELSH.page.backToChat.replace(/'/g, '&#39;')}</a>`);
  });

  it('tells the assistant the page’s language, so it welcomes in it; what it says carries the language it is in', async () => {
    const welsh = await pageConversation(run.base, 'cy-GB');
    const welcome = botMessages(await activities(run.base, welsh))[0];
    expect(welcome.text).toMatch(/^Helo, fi yw cynorthwyydd Cyngor Anytown/);
    expect(welcome.locale).toBe('cy-GB');

    const english = await pageConversation(run.base);
    const hello = botMessages(await activities(run.base, english))[0];
    expect(hello.text).toMatch(/^Hello, I'm the Anytown Council assistant/);
    expect(hello.locale).toBe('en-GB');

    // From the Welsh page (its activities say cy-GB), "/english": the reply is English, and says so.
    const before = (await activities(run.base, welsh)).watermark;
    expect((await post(run.base, welsh, { type: 'message', text: '/english', locale: 'cy-GB' })).status).toBe(200);
    const [switched] = botMessages(await activities(run.base, welsh, before));
    expect(switched.text).toMatch(/^OK, I'll carry on in English/);
    expect(switched.locale).toBe('en-GB');
  });

  it('changes the conversation’s language when the resident chose it by the page’s own link (the council.language event)', async () => {
    const c = await pageConversation(run.base, 'en-GB');
    const asked = (await activities(run.base, c)).watermark;
    expect((await post(run.base, c, { type: 'message', text: '/english', locale: 'en-GB' })).status).toBe(200);
    const chosen = (await activities(run.base, c, asked)).watermark;
    // The resident had chosen English in the chat; then the page's "Cymraeg" link: the page says so.
    expect((await post(run.base, c, { type: 'event', name: 'council.language', value: 'cy-GB', locale: 'cy-GB' })).status).toBe(200);
    const [said] = botMessages(await activities(run.base, c, chosen));
    expect(said.text).toMatch(/^Iawn, fe wna i barhau yn Gymraeg/);
    expect(said.locale).toBe('cy-GB');
    const next = (await activities(run.base, c)).watermark;
    expect((await post(run.base, c, { type: 'message', text: 'help', locale: 'cy-GB' })).status).toBe(200);
    const [help] = botMessages(await activities(run.base, c, next));
    expect(help.text).toMatch(/^Gallwch chi ofyn cwestiwn i mi/);
  });

  it('reads Accept-Language by weight, then order, by primary language', () => {
    const both = ['en-GB', 'cy-GB'] as const;
    expect(preferredLocale('cy;q=0.4, en;q=0.5', both)).toBe('en-GB');
    expect(preferredLocale('en;q=0, cy', both)).toBe('cy-GB');
    // RFC 9110: "*" is any language not named, at its own weight: English (q=1) before Welsh (q=0.1).
    expect(preferredLocale('*, cy;q=0.1', both)).toBe('en-GB');
    expect(preferredLocale('en-US, cy;q=0.5', both)).toBe('en-GB');
    expect(preferredLocale('CY-gb', both)).toBe('cy-GB');
    expect(preferredLocale('fr', both)).toBeUndefined();
    expect(preferredLocale(undefined, both)).toBeUndefined();
  });
});

describe('the chat page of a council that declares English alone', () => {
  let run: Running;
  let council: string;
  beforeAll(async () => {
    council = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-english-page-'));
    const profile = fs.readFileSync(path.join(ROOT, 'knowledge', 'council.yaml'), 'utf8').replace(/^languages: .*$/m, 'languages: [en-GB]');
    fs.writeFileSync(path.join(council, 'council.yaml'), profile);
    fs.copyFileSync(path.join(ROOT, 'knowledge', 'synonyms.yaml'), path.join(council, 'synonyms.yaml'));
    fs.cpSync(path.join(ROOT, 'knowledge', 'articles'), path.join(council, 'articles'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'knowledge', 'messages'), path.join(council, 'messages'), { recursive: true });
    run = await startAssistant({ COUNCIL_PROFILE: path.join(council, 'council.yaml') });
  }, 120_000);
  afterAll(async () => {
    await run?.stop();
    fs.rmSync(council, { recursive: true, force: true });
  });

  it('is English whatever is asked for, with no switch to another language', async () => {
    for (const [address, headers] of [
      ['/', {}],
      ['/?lang=cy', {}],
      ['/cymraeg', {}],
      ['/', { 'Accept-Language': 'cy' }],
    ] as Array<[string, Record<string, string>]>) {
      const page = await get(run.base, address, headers);
      expect(page.status, address).toBe(200);
      expect(page.lang, address).toBe('en-GB');
      expect(page.html).not.toContain('council-header__language');
      expect(page.html).not.toContain('Cymraeg');
      expect(page.html).toContain(`<h1 class="intro__title">${ENGLISH.page.heading}</h1>`);
      expect(page.html).toContain('<a href="/accessibility">Accessibility statement</a>');
      expect(page.config.pages).toEqual({ 'en-GB': '/' });
      expect(page.config.webChatStrings).toEqual({});
    }
    const statement = await get(run.base, '/accessibility?lang=cy');
    expect(statement.lang).toBe('en-GB');
    expect(statement.html).toContain('<a href="/">Back to the chat</a>');
  });

  it('welcomes in English even when the page asks for Welsh', async () => {
    const c = await pageConversation(run.base, 'cy-GB');
    expect(botMessages(await activities(run.base, c))[0].text).toMatch(/^Hello, I'm the Anytown Council assistant/);
  });
});
