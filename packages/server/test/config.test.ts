import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('defaults to port 3000, SQLite under ./data and a localhost public URL', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.storeUrl).toBe('sqlite:./data/passport.db');
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.production).toBe(false);
    expect(config.apiKeys.size).toBe(0);
    expect(config.corsOrigins).toEqual([]);
  });

  it('takes STORE_URL before DATABASE_URL, and the public URL without a trailing slash', () => {
    const config = loadConfig({
      PORT: '8080',
      STORE_URL: 'postgres://a@db/x',
      DATABASE_URL: 'postgres://b@db/y',
      PUBLIC_URL: 'https://passport.example.org/',
      CORS_ORIGINS: 'https://ats.example, https://hr.example',
    });
    expect(config.storeUrl).toBe('postgres://a@db/x');
    expect(config.publicUrl).toBe('https://passport.example.org');
    expect(config.corsOrigins).toEqual(['https://ats.example', 'https://hr.example']);
    expect(loadConfig({ DATABASE_URL: 'postgres://b@db/y' }).storeUrl).toBe('postgres://b@db/y');
  });

  it('refuses production without a store secret and API keys, naming both', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      expect.objectContaining({
        code: 'invalid-options',
        message: expect.stringMatching(/SKILLS_PASSPORT_SECRET.*SKILLS_PASSPORT_API_KEYS/),
      }),
    );
    const config = loadConfig({
      NODE_ENV: 'production',
      SKILLS_PASSPORT_SECRET: 'x',
      SKILLS_PASSPORT_API_KEYS: 'acme:0123456789abcdef0123',
    });
    expect(config.apiKeys.issuerFor('0123456789abcdef0123')).toBe('acme');
  });

  it('refuses a port or body limit that is not a sensible whole number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(
      expect.objectContaining({ code: 'invalid-options' }),
    );
    expect(() => loadConfig({ MAX_BODY_BYTES: '10' })).toThrow(
      expect.objectContaining({ code: 'invalid-options' }),
    );
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(
      expect.objectContaining({ code: 'invalid-options' }),
    );
  });
});
