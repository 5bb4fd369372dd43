import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolePageProblems, fillPage } from '../../handoff/consolePages';
import { MessageTexts } from '../../knowledge/messageFile';
import { CONSOLE_PAGE_MESSAGES, INSIGHTS_MESSAGES } from '../../knowledge/messageFiles';
import { DEFAULT_PATHS, formatReport, validateAll } from '../../scripts/validate';
import { shippedCouncil } from '../support/shippedWords';
import { PASSWORD, postSignIn, ROOT, signIn, startApp, type Harness } from './support/harness';

/**
 * Issue 20: every word of the agent console's pages is content (knowledge/messages/<locale>/
 * console-pages.yaml, and insights.yaml for the insights' tables). A council that words them its
 * own way sees its words on the pages the server serves, in the words the pages' scripts read, and
 * in the insights' tables.
 */
const OWN_PAGES = {
  sign_in_heading: 'Staff sign-in',
  forgotten_password: 'Lost your password? Your supervisor can set a new one.',
  queue_heading: 'People waiting',
  accepted: 'Done, the resident is yours now.',
};
const OWN_INSIGHTS = { outcomes_caption: 'How conversations ended' };

const PAGES = path.join(ROOT, 'web', 'agent');

/** A council folder: the project's content, with a few words of console-pages.yaml and insights.yaml its own. */
function councilFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-council-pages-'));
  const profile = fs.readFileSync(path.join(ROOT, 'knowledge', 'council.yaml'), 'utf8').replace(/^languages: .*$/m, 'languages: [en-GB]');
  fs.writeFileSync(path.join(dir, 'council.yaml'), profile);
  fs.copyFileSync(path.join(ROOT, 'knowledge', 'synonyms.yaml'), path.join(dir, 'synonyms.yaml'));
  fs.cpSync(path.join(ROOT, 'knowledge', 'articles'), path.join(dir, 'articles'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'knowledge', 'messages'), path.join(dir, 'messages'), { recursive: true });
  for (const [file, own] of [
    ['console-pages.yaml', OWN_PAGES],
    ['insights.yaml', OWN_INSIGHTS],
  ] as const) {
    const target = path.join(dir, 'messages', 'en-GB', file);
    let text = fs.readFileSync(target, 'utf8');
    for (const [id, words] of Object.entries(own)) text = text.replace(new RegExp(`^${id}: .*$`, 'm'), `${id}: ${words}`);
    fs.writeFileSync(target, text);
  }
  return dir;
}

/** The words a page gives its scripts (its `<script type="application/json" id="console-text">`). */
function scriptWords(html: string): { locale: string; words: Record<string, string> } {
  const json = /<script type="application\/json" id="console-text">([^<]*)<\/script>/.exec(html)?.[1];
  expect(json, 'the page has its words for its scripts').toBeTruthy();
  return JSON.parse(json!) as { locale: string; words: Record<string, string> };
}

/** A copy of the console's pages with one file's lines changed. */
function pagesWith(file: string, change: (lines: string[]) => string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-agent-pages-'));
  fs.cpSync(PAGES, dir, { recursive: true });
  const target = path.join(dir, file);
  fs.writeFileSync(target, change(fs.readFileSync(target, 'utf8').split('\n')).join('\n'));
  return dir;
}

describe("the agent console's pages in a council's own words", () => {
  let council: string;
  let h: Harness;
  beforeAll(async () => {
    council = councilFolder();
    h = await startApp({ COUNCIL_PROFILE: path.join(council, 'council.yaml') });
    await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
    await h.app.handoff.staff.grantRole('sam', 'manager');
  }, 180_000);
  afterAll(async () => {
    await h?.close().catch(() => undefined);
    fs.rmSync(council, { recursive: true, force: true });
  });

  it("are content npm run validate accepts, and are not the project's own words", () => {
    const shipped: Record<string, string> = { ...CONSOLE_PAGE_MESSAGES.shipped(), ...INSIGHTS_MESSAGES.shipped() };
    for (const [id, words] of Object.entries({ ...OWN_PAGES, ...OWN_INSIGHTS })) expect(shipped[id], id).not.toBe(words);
    const messagesDir = path.join(council, 'messages');
    expect(validateAll({ ...DEFAULT_PATHS, messagesDir }).filter((p) => p.severity === 'error')).toEqual([]);
  }, 120_000);

  it('the sign-in page, the queue page and its script say what the message files say', async () => {
    const signInPage = await (await fetch(`${h.url}/agent/sign-in`)).text();
    expect(signInPage).toContain(`<h1>${OWN_PAGES.sign_in_heading}</h1>`);
    expect(signInPage).toContain(`<title>${OWN_PAGES.sign_in_heading} – Contact centre console</title>`);
    expect(signInPage).toContain(OWN_PAGES.forgotten_password);
    expect(signInPage).not.toMatch(/\{\{|__[A-Z]+__/);
    // A failed sign-in is the same page, with the problem over it.
    expect(await (await postSignIn(h.url, 'sam', 'not the password')).text()).toContain(`<h1>${OWN_PAGES.sign_in_heading}</h1>`);

    const sam = await signIn(h.url, 'sam');
    const queuePage = await (await fetch(`${h.url}/agent`, { headers: { Cookie: sam.cookie } })).text();
    expect(queuePage).toContain(`<h2 id="queue-heading">${OWN_PAGES.queue_heading}</h2>`);
    expect(queuePage).toContain('<html lang="en-GB">');
    expect(queuePage).not.toMatch(/\{\{|__[A-Z]+__/);
    const script = scriptWords(queuePage);
    expect(script.locale).toBe('en-GB');
    expect(script.words.accepted).toBe(OWN_PAGES.accepted);
    expect(script.words.queue_heading).toBe(OWN_PAGES.queue_heading);
  });

  it("the insights' tables and charts are headed in the council's words", async () => {
    const sam = await signIn(h.url, 'sam');
    const res = await fetch(`${h.url}/agent/api/insights`, { headers: { Cookie: sam.cookie } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { tables: Array<{ id: string; caption: string }>; charts: Record<string, string> };
    expect(body.tables.find((t) => t.id === 'outcomes')?.caption).toBe(OWN_INSIGHTS.outcomes_caption);
    expect(body.charts.outcomes).toContain(`>${OWN_INSIGHTS.outcomes_caption}</title>`);
    const csv = await fetch(`${h.url}/agent/api/insights/outcomes.csv`, { headers: { Cookie: sam.cookie } });
    expect((await csv.text()).split('\r\n')[0]).toBe('Outcome,Conversations');
  });
});

describe("the console's pages and their message ids", () => {
  it('the shipped pages use every id of console-pages.yaml and no other', () => {
    expect(consolePageProblems(PAGES, CONSOLE_PAGE_MESSAGES.file(path.join(ROOT, 'knowledge', 'messages')))).toEqual([]);
  });

  it('npm run validate names the page and line of an id no message file has, and the line of an id no page uses', () => {
    let htmlAt = -1;
    let scriptAt = -1;
    const dir = pagesWith('index.html', (lines) => {
      htmlAt = lines.findIndex((l) => l.includes('{{waiting_empty}}'));
      return lines.map((l, i) => (i === htmlAt ? l.replace('{{waiting_empty}}', '{{waiting_emtpy}}') : l));
    });
    const script = path.join(dir, 'console.js');
    const lines = fs.readFileSync(script, 'utf8').split('\n');
    scriptAt = lines.findIndex((l) => l.includes("say('could_not_accept')"));
    lines[scriptAt] = lines[scriptAt].replace("say('could_not_accept')", "say(t.dataset.urgent ? 'could_not_accept_now' : 'could_not_accept')");
    fs.writeFileSync(script, lines.join('\n'));

    const problems = validateAll({ ...DEFAULT_PATHS, consolePagesDir: dir });
    const shippedFile = CONSOLE_PAGE_MESSAGES.file(path.join(ROOT, 'knowledge', 'messages'));
    const unusedAt = fs
      .readFileSync(shippedFile, 'utf8')
      .split('\n')
      .findIndex((l) => l.startsWith('waiting_empty:'));
    expect(problems.filter((p) => p.file.startsWith(dir) || p.file === shippedFile)).toEqual([
      { severity: 'error', file: path.join(dir, 'console.js'), line: scriptAt + 1, message: expect.stringMatching(/^"could_not_accept_now" is not a message/) },
      { severity: 'error', file: path.join(dir, 'index.html'), line: htmlAt + 1, message: expect.stringMatching(/^"waiting_emtpy" is not a message/) },
      { severity: 'error', file: shippedFile, line: unusedAt + 1, message: expect.stringMatching(/^waiting_empty: no page or script/) },
    ]);
    expect(formatReport(problems, [], dir)).toContain(`index.html:${htmlAt + 1}: error: "waiting_emtpy" is not a message of console-pages.yaml`);
  }, 120_000);

  it("a page in Welsh: its language, its words and its scripts' words from cy-GB/console-pages.yaml", () => {
    const welsh = CONSOLE_PAGE_MESSAGES.load(CONSOLE_PAGE_MESSAGES.file(path.join(ROOT, 'knowledge', 'messages'), 'cy-GB'));
    const html = fillPage(
      fs.readFileSync(path.join(PAGES, 'sign-in.html'), 'utf8'),
      { texts: new MessageTexts(welsh, shippedCouncil()), locale: 'cy-GB' },
      {
        CSRF: 'token',
        ERROR: '',
      },
    );
    expect(html).toContain('<html lang="cy-GB">');
    expect(html).toContain(`<h1>${welsh.sign_in_heading}</h1>`);
    expect(html).toContain('value="token"');
    expect(html).not.toMatch(/\{\{|__[A-Z]+__/);
    // The words are text, never markup, and a word that looks like a slot stays as written.
    const odd = fillPage(
      '<p>{{sign_in_intro}}</p>',
      {
        texts: new MessageTexts<typeof CONSOLE_PAGE_MESSAGES.spec>({ ...welsh, sign_in_intro: '<b>__CSRF__ {{username}}</b>' }, shippedCouncil()),
        locale: 'cy-GB',
      },
      { CSRF: 'secret' },
    );
    expect(odd).toBe('<p>&#60;b&#62;__CSRF__ {{username}}&#60;/b&#62;</p>');
  });
});
