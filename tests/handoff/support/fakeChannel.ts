import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChannelActivity {
  type: string;
  text?: string;
  name?: string;
  value?: unknown;
  conversation?: { id: string };
  attachments?: Array<{ contentType: string; name?: string; content?: unknown }>;
  suggestedActions?: { actions: Array<{ title: string }> };
  channelData?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * The channel side of the Bot Framework connector, as CloudAdapter's ConnectorClient calls
 * it: POST {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]. Records what the bot
 * (and, through it, the agent) sends to each conversation.
 */
export class FakeChannel {
  readonly received: ChannelActivity[] = [];
  private waiters: Array<() => void> = [];
  private server = http.createServer((req, res) => this.handle(req, res));
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** Where the bot is, for the stand-in resident page (until the Web Chat page lands). */
  botUrl = '';

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url?.startsWith('/resident')) {
        void this.resident(req, res, Buffer.concat(chunks).toString('utf8'));
        return;
      }
      const m = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (req.method !== 'POST' || !m) {
        res.writeHead(404);
        res.end();
        return;
      }
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChannelActivity;
      activity.conversation = activity.conversation ?? { id: decodeURIComponent(m[1]) };
      this.received.push(activity);
      for (const w of this.waiters.splice(0)) w();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: `a${this.received.length}` }));
    });
  }

  /**
   * A minimal resident chat page: posts the resident's messages to the bot's /api/messages
   * with this channel as serviceUrl, and shows what the channel receives (bot and agent).
   */
  private async resident(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const conv = url.searchParams.get('conv') ?? 'resident';
    if (url.pathname === '/resident' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(RESIDENT_PAGE);
      return;
    }
    if (url.pathname === '/resident/send' && req.method === 'POST') {
      const { text } = JSON.parse(body) as { text: string };
      const r = await fetch(`${this.botUrl}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `r-${Date.now()}`,
          text,
          locale: 'en-GB',
          channelId: 'test',
          serviceUrl: this.url,
          from: { id: `resident-${conv}`, name: 'Resident', role: 'user' },
          recipient: { id: 'bot', role: 'bot' },
          conversation: { id: conv },
        }),
      });
      await r.arrayBuffer();
      res.writeHead(r.status === 200 ? 204 : 502);
      res.end();
      return;
    }
    if (url.pathname === '/resident/activities') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify(
          this.to(conv)
            .filter((a) => a.type === 'message')
            .map((a) => ({ text: a.text, agent: Boolean(a.channelData?.councilHandoff) })),
        ),
      );
      return;
    }
    res.writeHead(404);
    res.end();
  }

  /** Everything sent to one conversation. */
  to(conversationId: string): ChannelActivity[] {
    return this.received.filter((a) => a.conversation?.id === conversationId);
  }

  texts(conversationId: string): string[] {
    return this.to(conversationId)
      .filter((a) => a.type === 'message')
      .map((a) => a.text ?? '');
  }

  /** Resolves when an activity matching `predicate` has arrived (fails after `ms`). */
  async waitFor(predicate: (a: ChannelActivity) => boolean, ms = 10_000): Promise<ChannelActivity> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.received.find(predicate);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for an activity; got: ${JSON.stringify(this.received.map((a) => a.text ?? a.name ?? a.type))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200).unref();
      });
    }
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const RESIDENT_PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Resident (test stand-in for Web Chat)</title></head>
<body><main><h1>Chat</h1><ol id="log" aria-live="polite"></ol>
<form id="f"><label for="t">Message</label><input id="t" autocomplete="off"><button>Send</button></form></main>
<script>
const conv = new URLSearchParams(location.search).get('conv');
const log = document.getElementById('log');
let shown = 0;
async function poll() {
  const items = await (await fetch('/resident/activities?conv=' + encodeURIComponent(conv))).json();
  for (; shown < items.length; shown++) {
    const li = document.createElement('li');
    li.className = items[shown].agent ? 'agent' : 'bot';
    li.textContent = items[shown].text;
    log.appendChild(li);
  }
  setTimeout(poll, 150);
}
poll();
document.getElementById('f').addEventListener('submit', async (e) => {
  e.preventDefault();
  const t = document.getElementById('t');
  const text = t.value; t.value = '';
  const li = document.createElement('li'); li.className = 'me'; li.textContent = text; log.appendChild(li);
  await fetch('/resident/send?conv=' + encodeURIComponent(conv), { method: 'POST', body: JSON.stringify({ text }) });
});
</script></body></html>`;
