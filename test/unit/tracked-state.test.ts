import { MemoryStorage, type StoreItems, TestAdapter, TurnContext } from 'botbuilder';
import { TrackedConversationState, TrackedUserState } from '../../src/bot/tracked-state';

/** MemoryStorage that counts writes. */
class CountingStorage extends MemoryStorage {
  writes = 0;
  override async write(changes: StoreItems): Promise<void> {
    this.writes++;
    await super.write(changes);
  }
}

function turn(user = 'u1', conversation = 'c1'): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId: 'test',
    from: { id: user, name: '' },
    recipient: { id: 'bot', name: '' },
    conversation: { id: conversation, name: '', isGroup: false, conversationType: '' },
  });
}

describe('TrackedUserState', () => {
  it('saves only when the state changed, and reads it back on the next turn', async () => {
    const storage = new CountingStorage();
    const state = new TrackedUserState(storage);
    const profile = state.createProperty<{ language?: string }>('profile');

    const first = turn();
    expect(await profile.get(first)).toBeUndefined();
    await state.saveChanges(first);
    expect(storage.writes).toBe(0);
    await profile.set(first, { language: 'fr' });
    await state.saveChanges(first);
    expect(storage.writes).toBe(1);
    // Saving again with nothing new writes nothing.
    await state.saveChanges(first);
    expect(storage.writes).toBe(1);

    const second = turn();
    expect(await profile.get(second)).toEqual({ language: 'fr' });
    await state.saveChanges(second);
    expect(storage.writes).toBe(1);
    // A change inside the object is seen too.
    const loaded = await profile.get(second, {});
    loaded.language = 'ar';
    await state.saveChanges(second);
    expect(storage.writes).toBe(2);
    expect(await profile.get(turn())).toEqual({ language: 'ar' });
  });

  it('is per user: another user sees nothing', async () => {
    const storage = new CountingStorage();
    const state = new TrackedUserState(storage);
    const profile = state.createProperty<{ city?: string }>('profile');
    const context = turn('alice');
    await profile.set(context, { city: 'capaci' });
    await state.saveChanges(context);
    expect(await profile.get(turn('bob'))).toBeUndefined();
  });

  it('clear forces an empty state to be saved; delete removes it from storage', async () => {
    const storage = new CountingStorage();
    const state = new TrackedUserState(storage);
    const profile = state.createProperty<{ city?: string }>('profile');
    const context = turn();
    await profile.set(context, { city: 'capaci' });
    await state.saveChanges(context);

    const clearing = turn();
    await state.load(clearing);
    await state.clear(clearing);
    expect(state.get(clearing)).toEqual({});
    await state.saveChanges(clearing);
    expect(await profile.get(turn())).toBeUndefined();

    const again = turn();
    await profile.set(again, { city: 'jelgava' });
    await state.saveChanges(again);
    const key = state.getStorageKey(again) as string;
    expect(Object.keys(await storage.read([key]))).toEqual([key]);
    const deleting = turn();
    await state.delete(deleting);
    expect(state.get(deleting)).toBeUndefined();
    expect(await storage.read([key])).toEqual({});
  });

  it('force saves an unchanged state', async () => {
    const storage = new CountingStorage();
    const state = new TrackedUserState(storage);
    const context = turn();
    await state.load(context);
    await state.saveChanges(context, true);
    expect(storage.writes).toBe(1);
  });
});

describe('TrackedConversationState', () => {
  it('keys state by conversation', async () => {
    const storage = new CountingStorage();
    const state = new TrackedConversationState(storage);
    const memory = state.createProperty<{ lastButtons?: string[] }>('memory');
    const context = turn('u1', 'c1');
    await memory.set(context, { lastButtons: ['cmd:menu'] });
    await state.saveChanges(context);
    expect(await memory.get(turn('u2', 'c1'))).toEqual({ lastButtons: ['cmd:menu'] });
    expect(await memory.get(turn('u1', 'c2'))).toBeUndefined();
    const key = state.getStorageKey(context) as string;
    expect(key).toContain('c1');
    expect(Object.keys(await storage.read([key]))).toEqual([key]);
  });
});
