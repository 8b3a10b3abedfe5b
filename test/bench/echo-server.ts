/**
 * The benchmark's baseline: a minimal echo bot on the same CloudAdapter + restify setup as
 * IncluBot (same body parser, same route, no state, no dialogs).
 */
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import restify from 'restify';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({} as ConfigurationBotFrameworkAuthenticationOptions));
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  await next();
});
bot.onEvent(async (context, next) => {
  await context.sendActivity('hello');
  await next();
});

const server = restify.createServer({ name: 'echo' });
server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.get('/readyz', async (_req, res) => {
  res.json({ status: 'ready' });
});
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
