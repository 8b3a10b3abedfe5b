import { ConfigError, loadConfig } from '../../src/config/config';

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.mongodbUri).toBeUndefined();
    expect(config.microsoftApp.id).toBeUndefined();
    expect(config.publicUrl).toBe('http://localhost:3978');
    expect(config.directLine.enabled).toBe(true);
  });

  it('treats empty strings as unset (as .env.example leaves them)', () => {
    const config = loadConfig({ MicrosoftAppId: '', MicrosoftAppPassword: '', MONGODB_URI: '' });
    expect(config.microsoftApp.id).toBeUndefined();
    expect(config.mongodbUri).toBeUndefined();
  });

  it('names the variable and what is expected when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: a TCP port/);
    expect(() => loadConfig({ MONGODB_URI: 'postgres://x' })).toThrow(/MONGODB_URI: a mongodb:\/\/ or mongodb\+srv:\/\/ URI/);
    expect(() => loadConfig({ MicrosoftAppType: 'Other' })).toThrow(/MicrosoftAppType/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('requires a password with an app id, and a tenant for single-tenant apps', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'abc' })).toThrow(/MicrosoftAppPassword: required/);
    expect(() => loadConfig({ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' })).toThrow(
      /MicrosoftAppTenantId: required/,
    );
    const ok = loadConfig({ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'p' });
    expect(ok.microsoftApp).toMatchObject({ id: 'abc', password: 'p', type: 'MultiTenant' });
  });
});
