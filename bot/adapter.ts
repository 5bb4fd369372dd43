import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from './logger';

/**
 * The CloudAdapter with the project's error handling: log without personal data, send a
 * trace for the Emulator, apologise to the resident. Conversation state is kept, so a
 * passing fault loses nothing.
 */
export function createAdapter(botFramework: ConfigurationBotFrameworkAuthenticationOptions, logger: Logger, apology: string): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(botFramework);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      { err: { type: error?.name, message: error?.message, stack: error?.stack }, channelId: context.activity?.channelId, activityType: context.activity?.type },
      'unhandled error in turn',
    );
    try {
      await context.sendTraceActivity('OnTurnError Trace', `${error?.name ?? 'Error'}: ${error?.message ?? ''}`, 'https://www.botframework.com/schemas/error', 'TurnError');
      if (context.activity?.type === ActivityTypes.Message) await context.sendActivity(apology);
    } catch (sendError) {
      logger.error({ err: { type: (sendError as Error)?.name, message: (sendError as Error)?.message } }, 'could not send the apology');
    }
  };
  return adapter;
}
