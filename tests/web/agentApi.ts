import { setCookies } from '../../scripts/lib/setCookies';

export interface AgentApi {
  (method: 'GET' | 'POST', route: string, body?: unknown): Promise<{ status: number; body: AgentBody }>;
}

export interface QueueItem {
  id: string;
  status: string;
  priority: number;
  reasonLabel: string;
}

/** What the agent API answers, as far as these tests read it. */
export interface AgentBody {
  waiting?: QueueItem[];
  active?: QueueItem[];
  status?: string;
  endReason?: string | null;
  messages?: Array<{ sender: string; text: string }>;
  error?: string;
}

/** Signs a member of staff in through the real sign-in form; returns a caller of the agent API (cookie and CSRF token set). */
export async function signInAgent(base: string, username: string, password: string): Promise<AgentApi> {
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
    return { status: r.status, body: (text ? JSON.parse(text) : {}) as AgentBody };
  };
}
