import { setCookies } from './setCookies';

/** A caller of the agent console's API as one signed-in member of staff (cookie and CSRF token set). */
export type AgentCaller<Body = unknown> = (method: 'GET' | 'POST', route: string, body?: unknown) => Promise<{ status: number; body: Body }>;

/**
 * Signs a member of staff in through the real sign-in form of the agent console at `base`, as a
 * browser does (the sign-in cookie and CSRF field, then the session cookie and the API's CSRF
 * token). Shared by the handoff bench, the screenshots and the tests that act as an agent.
 */
export async function signInAgent<Body = unknown>(base: string, username: string, password: string): Promise<AgentCaller<Body>> {
  const form = await fetch(`${base}/agent/sign-in`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1];
  const res = await fetch(`${base}/agent/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `ca_signin=${setCookies(form).ca_signin}` },
    body: new URLSearchParams({ username, password, csrf }).toString(),
  });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = `ca_staff=${setCookies(res).ca_staff}`;
  const { csrfToken } = (await (await fetch(`${base}/agent/api/me`, { headers: { Cookie: cookie } })).json()) as { csrfToken: string };
  return async (method, route, body) => {
    const r = await fetch(`${base}${route}`, {
      method,
      headers: { 'Content-Type': 'application/json', Cookie: cookie, ...(method === 'GET' ? {} : { 'X-CSRF-Token': csrfToken }) },
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
    const text = await r.text();
    return { status: r.status, body: (text ? JSON.parse(text) : {}) as Body };
  };
}
