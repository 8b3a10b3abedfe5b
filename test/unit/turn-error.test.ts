import { MemoryStorage, TestAdapter } from 'botbuilder';
import { createTurnErrorHandler } from '../../src/bot/errors';
import { createBotState } from '../../src/bot/state';
import { createLogger } from '../../src/config/logger';
import { Strings } from '../../src/language/i18n';
import { realContent } from '../support/app';

describe('onTurnError', () => {
  it('apologises in the user language with the emergency number, and shows no stack trace', async () => {
    const content = await realContent();
    const storage = new MemoryStorage();
    const state = createBotState(storage);
    const logged: string[] = [];
    const logger = createLogger('error');
    logger.error = ((obj: unknown) => {
      logged.push(JSON.stringify(obj));
    }) as typeof logger.error;
    const adapter = new TestAdapter(async (context) => {
      await state.profile.set(context, { language: 'uk', city: 'jelgava' });
      await state.userState.saveChanges(context);
      throw new Error('boom at secret/place.ts:12');
    });
    adapter.onTurnError = createTurnErrorHandler({ logger, state, strings: new Strings(), catalogue: () => content.catalogue });
    await adapter.send('my name is Olena and I need help').assertReply((reply) => {
      expect(reply.text).toContain('112');
      expect(reply.text).toBe(new Strings().for('uk')('errors.generic', { number: '112' }));
      expect(reply.text).not.toContain('boom');
    });
    expect(logged.join('\n')).toContain('boom');
    expect(logged.join('\n')).not.toContain('Olena');
  });
});
