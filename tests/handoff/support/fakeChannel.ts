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

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
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

  /** Everything sent to one conversation. */
  to(conversationId: string): ChannelActivity[] {
    return this.received.filter((a) => a.conversation?.id === conversationId);
  }

  texts(conversationId: string): string[] {
    return this.to(conversationId).filter((a) => a.type === 'message').map((a) => a.text ?? '');
  }

  /** Resolves when an activity matching `predicate` has arrived (fails after `ms`). */
  async waitFor(predicate: (a: ChannelActivity) => boolean, ms = 10_000): Promise<ChannelActivity> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.received.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for an activity; got: ${JSON.stringify(this.received.map((a) => a.text ?? a.name ?? a.type))}`);
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
