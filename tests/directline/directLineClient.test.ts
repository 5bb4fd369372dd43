import { ConnectionStatus, type DirectLine } from 'botframework-directlinejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeDirectLine, nextActivity, say } from '../support/directLineNode';
import { startAssistant, type Running } from './harness';

/** The official botframework-directlinejs client against the local Direct Line, both ways it connects. */
describe.each([
  { transport: 'polling', webSocket: false },
  { transport: 'WebSocket', webSocket: true },
])('botframework-directlinejs over $transport', ({ webSocket }) => {
  let run: Running;
  let client: DirectLine | undefined;
  beforeAll(async () => {
    run = await startAssistant();
  });
  afterAll(async () => {
    client?.end();
    await run?.stop();
  });

  it('gets the welcome, sends a message, gets the reply, and resumes the conversation', async () => {
    const { token, conversationId } = (await (await fetch(`${run.base}/api/directline/token`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    client = createNodeDirectLine({ domain: `${run.base}/v3/directline`, token, webSocket, pollingInterval: 200 });
    const statuses: ConnectionStatus[] = [];
    client.connectionStatus$.subscribe((s) => statuses.push(s));
    const welcome = await nextActivity(client, (a) => a.type === 'message' && a.from.role === 'bot');
    expect((welcome as { text: string }).text).toMatch(/Anytown Council assistant/);
    expect(statuses).toContain(ConnectionStatus.Online);
    expect((client as unknown as { conversationId: string }).conversationId).toBe(conversationId);
    // Proof of the transport: an open stream on the server only in WebSocket mode.
    expect(run.app.webChat.hub!.size).toBe(webSocket ? 1 : 0);

    const reply = nextActivity(client, (a) => a.type === 'message' && a.from.role === 'bot' && /own words/.test((a as { text?: string }).text ?? ''));
    const echo = nextActivity(client, (a) => a.type === 'message' && a.from.role === 'user');
    const id = await say(client, 'help');
    expect((await echo).id).toBe(id);
    await reply;
    client.end();

    // A second client with the same token and conversationId (a reloaded page) sees the whole conversation.
    client = createNodeDirectLine({ domain: `${run.base}/v3/directline`, token, conversationId, webSocket, pollingInterval: 200 });
    const replayed = await nextActivity(client, (a) => a.id === id);
    expect((replayed as { text: string }).text).toBe('help');
  });
});
