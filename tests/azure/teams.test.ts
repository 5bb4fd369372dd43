import path from 'node:path';
import type { Activity, ConversationAccount } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Responses } from '../../dialogs/responses';
import { loadCouncilProfile } from '../../knowledge/councilProfile';
import { TEAMS_ADAPTIVE_CARD_VERSION } from '../../channels/teams/suggestedActionsCard';
import { messageActivity, messages, send, startApp, type RunningApp } from './support';
import { shippedButtons } from '../support/shippedWords';

const ALLOWED = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER = '99999999-8888-4777-8666-555555555555';
const responses = new Responses(loadCouncilProfile(path.resolve(__dirname, '../../knowledge/council.yaml')), shippedButtons());

function teams(text: string, overrides: Partial<Activity> = {}): Partial<Activity> {
  return messageActivity(text, {
    channelId: 'msteams',
    // Without an app id (as here) replies may only go to this machine; Teams' own is https://smba.trafficmanager.net/….
    serviceUrl: 'http://127.0.0.1:1',
    from: { id: '29:1abc', name: 'Resident', aadObjectId: '00000000-0000-0000-0000-000000000001' },
    recipient: { id: '28:bot-app-id', name: 'Council Assistant' },
    conversation: { id: 'a:1teams', conversationType: 'personal', tenantId: ALLOWED, isGroup: false } as ConversationAccount,
    channelData: { tenant: { id: ALLOWED } },
    ...overrides,
  });
}

function mention(text: string): Partial<Activity> {
  return teams(`<at>Council Assistant</at> ${text}`.trim(), {
    entities: [{ type: 'mention', mentioned: { id: '28:bot-app-id', name: 'Council Assistant' }, text: '<at>Council Assistant</at>' }],
  });
}

interface CardJson {
  type: string;
  version: string;
  actions: Array<{ type: string; title: string; data: unknown }>;
}

function cardActions(activity: Partial<Activity>): CardJson['actions'] {
  const card = activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return card ? (card.content as CardJson).actions : [];
}

let running: RunningApp;
beforeAll(async () => {
  running = await startApp({ TEAMS_ALLOWED_TENANTS: `${ALLOWED.toUpperCase()}` }, 'silent');
});
afterAll(async () => {
  await running?.close();
});

describe('Teams channel', () => {
  it('turns suggested actions into an Adaptive Card Teams shows, with imBack buttons', async () => {
    const { activities } = await send(running.port, teams('help'));
    const [reply] = messages(activities);
    expect(reply.text).toBe(responses.help(false).text);
    expect(reply.suggestedActions).toBeUndefined();
    const card = reply.attachments!.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')!;
    expect((card.content as CardJson).version).toBe(TEAMS_ADAPTIVE_CARD_VERSION);
    expect((card.content as CardJson).type).toBe('AdaptiveCard');
    const actions = cardActions(reply);
    expect(actions.map((a) => a.title)).toEqual(responses.help(false).choices);
    for (const a of actions) {
      expect(a.type).toBe('Action.Submit');
      expect(a.data).toEqual({ msteams: { type: 'imBack', value: a.title } });
    }
  });

  it('welcomes a resident who installs the app with a card too', async () => {
    const { activities } = await send(running.port, {
      ...teams(''),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: '29:1abc', name: 'Resident' }],
    });
    const [reply] = messages(activities);
    expect(reply.text).toBe(responses.welcome().text);
    // Anytown also speaks Welsh: the welcome offers it.
    expect(cardActions(reply).map((a) => a.title)).toEqual([...(responses.welcome().choices ?? []), 'Cymraeg']);
  });

  it('keeps suggested actions on other channels', async () => {
    const { activities } = await send(running.port, messageActivity('help', { channelId: 'webchat' }));
    const [reply] = messages(activities);
    expect(reply.suggestedActions?.actions.map((a) => a.title)).toEqual(responses.help(false).choices);
    expect(reply.attachments ?? []).toHaveLength(0);
  });

  it('strips the bot’s @mention before reading the message', async () => {
    const onlyMention = messages((await send(running.port, mention(''))).activities);
    expect(onlyMention.map((m) => m.text)).toEqual([responses.emptyMessage().text]);
    const withText = messages((await send(running.port, mention('help'))).activities);
    expect(withText[0].text).toBe(responses.help(false).text);
  });

  it('declines a file upload politely and does not read it', async () => {
    const upload = teams('', {
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'photo-of-bin.jpg',
          contentUrl: 'https://contoso.sharepoint.example/photo-of-bin.jpg',
          content: { downloadUrl: 'https://contoso.sharepoint.example/download', uniqueId: 'x', fileType: 'jpg' },
        },
      ],
    });
    const replies = messages((await send(running.port, upload)).activities);
    expect(replies.map((m) => m.text)).toEqual([responses.teamsFileDeclined().text]);
  });

  it('declines the file but answers the words sent with it', async () => {
    const upload = teams('help', { attachments: [{ contentType: 'image/png', contentUrl: 'https://smba.example/inline.png' }] });
    const replies = messages((await send(running.port, upload)).activities);
    expect(replies.map((m) => m.text)).toEqual([responses.teamsFileDeclined().text, responses.help(false).text]);
  });

  it('does not treat Teams’ own HTML copy of a message as an upload', async () => {
    const replies = messages((await send(running.port, teams('help', { attachments: [{ contentType: 'text/html', content: '<p>help</p>' }] }))).activities);
    expect(replies.map((m) => m.text)).toEqual([responses.help(false).text]);
  });

  it('refuses activities from a tenant outside TEAMS_ALLOWED_TENANTS', async () => {
    const other = teams('help', {
      channelData: { tenant: { id: OTHER } },
      conversation: { id: 'a:2', conversationType: 'personal', tenantId: OTHER } as ConversationAccount,
    });
    const replies = messages((await send(running.port, other)).activities);
    expect(replies.map((m) => m.text)).toEqual([responses.teamsTenantRefused().text]);
    const none = teams('help', { channelData: {}, conversation: { id: 'a:3', conversationType: 'personal' } as ConversationAccount });
    expect(messages((await send(running.port, none)).activities).map((m) => m.text)).toEqual([responses.teamsTenantRefused().text]);
  });
});
