/**
 * A second baseline for `npm run bench:turns`: the echo bot in the shape of the Bot Framework
 * samples' core bot, which the assistant follows: a main ComponentDialog whose WaterfallDialog
 * begins a feature ComponentDialog whose WaterfallDialog prompts, with ConversationState over
 * MemoryStorage. It recognises nothing and stores nothing durably: the difference between it and
 * the echo bot is what botbuilder-dialogs costs by itself.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage } from 'botbuilder';
import { ComponentDialog, DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import restify from 'restify';

const PROMPT = 'prompt';

/** Asks for the next message (so the dialog stays on the stack, as the assistant's do), then ends. */
class FeatureDialog extends ComponentDialog {
  static readonly id = 'feature';

  constructor() {
    super(FeatureDialog.id);
    this.addDialog(new TextPrompt(PROMPT));
    this.addDialog(
      new WaterfallDialog('featureSteps', [
        async (step: WaterfallStepContext) => step.prompt(PROMPT, `Echo: ${step.context.activity.text}`),
        async (step: WaterfallStepContext) => step.endDialog(),
      ]),
    );
    this.initialDialogId = 'featureSteps';
  }
}

class MainDialog extends ComponentDialog {
  static readonly id = 'main';

  constructor() {
    super(MainDialog.id);
    this.addDialog(new FeatureDialog());
    this.addDialog(
      new WaterfallDialog('mainSteps', [
        async (step: WaterfallStepContext) => step.beginDialog(FeatureDialog.id),
        async (step: WaterfallStepContext) => step.endDialog(),
      ]),
    );
    this.initialDialogId = 'mainSteps';
  }
}

const conversationState = new ConversationState(new MemoryStorage());
const dialogs = new DialogSet(conversationState.createProperty('DialogState'));
dialogs.add(new MainDialog());

class DialogBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog(MainDialog.id);
      await next();
    });
    this.onDialog(async (context, next) => {
      await conversationState.saveChanges(context);
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new DialogBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(Number(process.argv[2] ?? 3980), '127.0.0.1');
