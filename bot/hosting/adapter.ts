import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationError, type BotFrameworkAuthentication } from 'botframework-connector';
import { CachingBotFrameworkAuthentication } from './cachingAuthentication';
import type { Logger } from '../../platform/logger';

/** Bot Framework dates that arrive as strings (as CloudAdapter.process turns them into Dates). */
const DATE_FIELDS = [
  ['timestamp', 'rawTimestamp'],
  ['expiration', 'rawExpiration'],
  ['localTimestamp', 'rawLocalTimestamp'],
] as const;

/**
 * The CloudAdapter with the project's error handling (log without personal data, a trace for
 * the Emulator, an apology to the resident; conversation state is kept, so a passing fault
 * loses nothing) and an HTTP entry point for a body the server has already parsed and checked.
 */
export class CouncilAdapter extends CloudAdapter {
  constructor(
    auth: BotFrameworkAuthentication,
    private readonly logger: Logger,
    apology: string,
  ) {
    super(auth);
    this.onTurnError = async (context: TurnContext, error: Error) => {
      logger.error(
        {
          err: { type: error?.name, message: error?.message, stack: error?.stack },
          channelId: context.activity?.channelId,
          activityType: context.activity?.type,
        },
        'unhandled error in turn',
      );
      try {
        // The error's text is for a developer's Emulator only: with expectReplies a trace goes back in the HTTP body, to whoever posted.
        if (context.activity?.channelId === 'emulator' && context.activity.deliveryMode !== 'expectReplies') {
          await context.sendTraceActivity(
            'OnTurnError Trace',
            `${error?.name ?? 'Error'}: ${error?.message ?? ''}`,
            'https://www.botframework.com/schemas/error',
            'TurnError',
          );
        }
        if (context.activity?.type === ActivityTypes.Message) await context.sendActivity(apology);
      } catch (sendError) {
        logger.error({ err: { type: (sendError as Error)?.name, message: (sendError as Error)?.message } }, 'could not send the apology');
      }
    };
  }

  /**
   * One activity from POST /api/messages: authenticates it, runs the turn, and returns the HTTP
   * answer (the replies themselves with expectReplies, an invoke's response, or 200).
   *
   * Why not CloudAdapter.process: in botbuilder 4.23 it builds several zod schemas for every
   * request to check arguments the server has already checked (a parsed JSON object with a
   * type), which cost more CPU than the rest of its work. This does the rest of what it does.
   */
  async processBody(activity: Activity, authHeader: string, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse> {
    const fields = activity as unknown as Record<string, unknown>;
    for (const [field, raw] of DATE_FIELDS) {
      const value = fields[field];
      if (typeof value === 'string') {
        fields[raw] = value;
        fields[field] = new Date(value);
      }
    }
    try {
      const answer = (await this.processActivity(authHeader, activity, logic)) ?? { status: 200 };
      // botbuilder answers an invoke no handler takes with 501: a request this bot does not support is the client's 4xx, not a server fault.
      if (answer.status === 501) return { status: 400, body: { error: 'This assistant does not handle that invoke.' } };
      return answer;
    } catch (err) {
      if (err instanceof AuthenticationError) return { status: err.statusCode === 403 ? 403 : 401, body: { error: err.message } };
      this.logger.error({ err: { type: (err as Error)?.name, message: (err as Error)?.message } }, 'could not process an activity');
      return { status: 500, body: { error: 'The activity could not be processed.' } };
    }
  }
}

/**
 * The adapter for the configured Bot Framework identity. No app id: no authentication, as for
 * the Emulator, and so replies go only to loopback service URLs. Every connector call has a
 * time limit (CONNECTOR_TIMEOUT_MS).
 */
export function createAdapter(
  botFramework: ConfigurationBotFrameworkAuthenticationOptions,
  logger: Logger,
  apology: string,
  outbound: { connectorTimeoutMs: number } = { connectorTimeoutMs: 10_000 },
): CouncilAdapter {
  const policy = { loopbackOnly: !botFramework.MicrosoftAppId, timeoutMs: outbound.connectorTimeoutMs };
  return new CouncilAdapter(new CachingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication(botFramework), policy), logger, apology);
}
