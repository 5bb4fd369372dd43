/**
 * The baseline for `npm run bench:turns`: the smallest CloudAdapter bot (restify,
 * MemoryStorage, echo). The project's bot is compared with it, so the figure measures what
 * the assistant adds, not the machine.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage } from 'botbuilder';
import restify from 'restify';

const conversationState = new ConversationState(new MemoryStorage());
const count = conversationState.createProperty<number>('count');

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await count.set(context, (await count.get(context, 0)) + 1);
      await context.sendActivity(`Echo: ${context.activity.text}`);
      await next();
    });
    this.onDialog(async (context, next) => {
      await conversationState.saveChanges(context);
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
// eslint-disable-next-line @typescript-eslint/require-await -- restify takes a (req, res) handler only as an AsyncFunction
server.get('/healthz', async (_req, res) => {
  res.send(200, { status: 'ok' });
});
server.listen(Number(process.argv[2] ?? 3979), '127.0.0.1');
