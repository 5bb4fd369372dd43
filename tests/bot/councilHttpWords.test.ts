import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_MESSAGES, HTTP_MESSAGES } from '../../knowledge/messageFiles';
import { DEFAULT_PATHS, validateAll } from '../../scripts/validate';
import { PASSWORD, postSignIn, ROOT, signIn, startApp, type Harness } from '../handoff/support/harness';

/**
 * Issue 20: a council's own http.yaml and console.yaml, in the messages folder next to its
 * council.yaml, are what the server answers residents and staff. The council here words a
 * failed request, the chat being unavailable, a failed sign-in and a lapsed session its own way;
 * each answer must carry the council's words, which are not the project's.
 */
const OWN = {
  internal_error: 'Sorry, our system tripped up. Please try again shortly.',
  chat_unavailable: 'Our web chat is resting. Ring {phone} and we will help.',
  sign_in_problem: 'That did not work',
  sign_in_failed: 'Those sign-in details do not match an account.',
  session_needed: 'Your sign-in has lapsed. Sign in again, please.',
};

/** A council folder: the project's council.yaml, articles, synonyms and messages, with http.yaml and console.yaml changed. */
function councilFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-council-http-'));
  // English only: this council has no Welsh words of its own (a Welsh council's folder would have its cy-GB twins).
  const profile = fs.readFileSync(path.join(ROOT, 'knowledge', 'council.yaml'), 'utf8').replace(/^languages: .*$/m, 'languages: [en-GB]');
  fs.writeFileSync(path.join(dir, 'council.yaml'), profile);
  fs.copyFileSync(path.join(ROOT, 'knowledge', 'synonyms.yaml'), path.join(dir, 'synonyms.yaml'));
  fs.cpSync(path.join(ROOT, 'knowledge', 'articles'), path.join(dir, 'articles'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'knowledge', 'messages'), path.join(dir, 'messages'), { recursive: true });
  for (const file of ['http.yaml', 'console.yaml']) {
    const target = path.join(dir, 'messages', 'en-GB', file);
    let text = fs.readFileSync(target, 'utf8');
    for (const [id, words] of Object.entries(OWN)) text = text.replace(new RegExp(`^${id}: .*$`, 'm'), `${id}: ${words}`);
    fs.writeFileSync(target, text);
  }
  return dir;
}

describe("a council's own http.yaml and console.yaml", () => {
  let council: string;
  let h: Harness;
  beforeAll(async () => {
    council = councilFolder();
    h = await startApp({ COUNCIL_PROFILE: path.join(council, 'council.yaml') });
    await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await h?.close().catch(() => undefined);
    fs.rmSync(council, { recursive: true, force: true });
  });

  it("are content npm run validate accepts, and are not the project's own words", () => {
    const messagesDir = path.join(council, 'messages');
    expect(validateAll({ ...DEFAULT_PATHS, messagesDir }).filter((p) => p.severity === 'error' && p.file.startsWith(messagesDir))).toEqual([]);
    const shipped: Record<string, string> = { ...HTTP_MESSAGES.shipped(), ...CONSOLE_MESSAGES.shipped() };
    for (const [id, words] of Object.entries(OWN)) expect(shipped[id], id).not.toBe(words);
  });

  it("tell a member of staff why signing in failed, and that their session lapsed, in the council's words", async () => {
    const failed = await postSignIn(h.url, 'sam', 'not the password');
    expect(failed.status).toBe(401);
    const page = await failed.text();
    expect(page).toContain(`<h2>${OWN.sign_in_problem}</h2><p>${OWN.sign_in_failed}</p>`);
    expect(page).not.toContain(CONSOLE_MESSAGES.shipped().sign_in_failed);

    const queue = await fetch(`${h.url}/agent/api/queue`);
    expect(queue.status).toBe(401);
    expect(await queue.json()).toEqual({ error: OWN.session_needed });
  });

  it("answer a request that failed on our side, and a chat that cannot open, in the council's words (its phone number filled in)", async () => {
    const sam = await signIn(h.url, 'sam');
    // Every query fails from here: the console's queue is a 500, the chat page's token a 503.
    await h.app.database.db.destroy();
    const queue = await fetch(`${h.url}/agent/api/queue`, { headers: { Cookie: sam.cookie } });
    expect(queue.status).toBe(500);
    expect(await queue.json()).toEqual({ error: OWN.internal_error });

    const token = await fetch(`${h.url}/api/directline/token`, { method: 'POST' });
    expect(token.status).toBe(503);
    expect(((await token.json()) as { error: { message: string } }).error.message).toBe(OWN.chat_unavailable.replace('{phone}', h.app.assistant.council.phone));
  });
});
