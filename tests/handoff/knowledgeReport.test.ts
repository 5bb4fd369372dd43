import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, newConversationId, PASSWORD, residentSays, signIn, staffScript, startApp, type Harness } from './support/harness';

/** `npm run staff:<action> -- …` against the running assistant's database, as an administrator would. */
const staffCommand = (h: Harness, args: string[]) => staffScript(h, 'staffAccount.ts', args);

describe('knowledge report in the agent console (content role)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp();
    await h.app.handoff.staff.addAccount('cara', 'Cara', PASSWORD);
    await h.app.handoff.staff.addAccount('sam', 'Sam', PASSWORD);
  });
  afterAll(async () => h?.close());

  it('records what residents asked that went unanswered, redacted, and shows it only to staff with the content role (403 for others, 401 signed out)', async () => {
    // Residents, through the real HTTP endpoint: one question the assistant cannot help with, one answer that did not help.
    const first = newConversationId();
    await residentSays(h.url, h.channel.url, first, 'do you sell second hand bicycles? email me at jo.bloggs@example.com or ring 07700 900123');
    const second = newConversationId();
    await residentSays(h.url, h.channel.url, second, 'how do I pay my council tax');
    await residentSays(h.url, h.channel.url, second, 'No');
    const rows = await eventually(async () => {
      const found = await h.app.database.db.selectFrom('unanswered_question').selectAll().orderBy('outcome').execute();
      return found.length === 2 && found;
    });
    expect(rows.map((r) => [r.question, r.outcome, r.article_id])).toEqual([
      ['do you sell second hand bicycles? email me at [email] or ring [phone]', 'no_answer', null],
      ['how do I pay my council tax', 'not_helpful', 'council-tax-pay'],
    ]);

    // Signed out: 401. Signed in without the role: 403, with what to do.
    expect((await fetch(`${h.url}/agent/api/knowledge-report`)).status).toBe(401);
    const sam = await signIn(h.url, 'sam');
    const refused = await sam.api('GET', '/agent/api/knowledge-report');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/content role/);
    expect((await sam.api('GET', '/agent/api/me')).body.roles).toEqual([]);

    // Granted with the staff command: the session already open sees it at its next request.
    const cara = await signIn(h.url, 'cara');
    expect((await cara.api('GET', '/agent/api/knowledge-report')).status).toBe(403);
    const grant = await staffCommand(h, ['grant', '--username', 'cara', '--role', 'content']);
    expect(grant.code, grant.out).toBe(0);
    expect(grant.out).toContain('Staff account "cara" has the role "content".');
    expect((await cara.api('GET', '/agent/api/me')).body.roles).toEqual(['content']);
    const report = await cara.api('GET', '/agent/api/knowledge-report?days=7');
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ days: 7, total: 2 });
    expect(report.body.groups).toEqual([
      expect.objectContaining({
        count: 1,
        noAnswer: 0,
        notHelpful: 1,
        examples: ['how do I pay my council tax'],
        articles: [{ id: 'council-tax-pay', title: 'Pay your Council Tax', count: 1 }],
      }),
      expect.objectContaining({
        count: 1,
        noAnswer: 1,
        notHelpful: 0,
        examples: ['do you sell second hand bicycles? email me at [email] or ring [phone]'],
        articles: [],
      }),
    ]);
    expect(JSON.stringify(report.body)).not.toMatch(/jo\.bloggs|07700/);
    expect((await cara.api('GET', '/agent/api/knowledge-report?days=0')).status).toBe(400);
    expect((await cara.api('GET', '/agent/api/knowledge-report?days=abc')).status).toBe(400);
    // Each viewing is in the audit trail.
    expect((await h.app.handoff.staff.auditTrail()).filter((a) => a.action === 'view' && a.subject === 'knowledge_report')).toHaveLength(1);
    // Sam still cannot.
    expect((await sam.api('GET', '/agent/api/knowledge-report')).status).toBe(403);

    // Revoked: 403 again.
    const revoke = await staffCommand(h, ['revoke', '--username', 'cara', '--role', 'content']);
    expect(revoke.code, revoke.out).toBe(0);
    expect((await cara.api('GET', '/agent/api/knowledge-report')).status).toBe(403);
    // An unknown role is refused, and nothing changes.
    const unknown = await staffCommand(h, ['grant', '--username', 'cara', '--role', 'admin']);
    expect(unknown.code).toBe(64);
    expect(await h.app.handoff.staff.roles('cara')).toEqual([]);
  });

  it('serves the report page to signed-in staff only, with its headings and table caption', async () => {
    const signedOut = await fetch(`${h.url}/agent/knowledge-report`, { redirect: 'manual' });
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe('/agent/sign-in');
    const sam = await signIn(h.url, 'sam');
    const page = await fetch(`${h.url}/agent/knowledge-report`, { headers: { Cookie: sam.cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<h1>Knowledge report</h1>');
    expect(html).toMatch(/<table[^>]*>\s*<caption id="report-caption"[^>]*>/);
    const script = await fetch(`${h.url}/agent/knowledge-report.js`);
    expect(script.status).toBe(200);
    expect(await script.text()).not.toContain('innerHTML');
  });
});
