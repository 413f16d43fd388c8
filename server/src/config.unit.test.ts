import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('runs on the embedded database under ./data on port 3000 with nothing set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'embedded', dataDir: expect.stringMatching(/\/data$/) });
    expect(config.baseUrl).toBe('http://localhost:3000');
    expect(config.isHttps).toBe(false);
    expect(config.help.emergencyNumber).toBe('911');
  });

  it('resolves a relative DATA_DIR against the directory npm was run from', () => {
    expect(loadConfig({ INIT_CWD: '/srv/kindred', DATA_DIR: './data' }).database).toEqual({
      kind: 'embedded',
      dataDir: '/srv/kindred/data',
    });
  });

  it('uses a PostgreSQL server when DATABASE_URL is set, and https when BASE_URL says so', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://kindred@db:5432/kindred',
      BASE_URL: 'https://kindred.example.org/',
    });
    expect(config.database).toMatchObject({ kind: 'server', url: 'postgres://kindred@db:5432/kindred' });
    expect(config.baseUrl).toBe('https://kindred.example.org');
    expect(config.isHttps).toBe(true);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/kindred'],
    ['REDIS_URL', 'localhost:6379'],
    ['BASE_URL', 'kindred.example.org'],
    ['LOG_LEVEL', 'loud'],
    ['EMERGENCY_NUMBER', '9-1-1'],
    ['TRUST_PROXY', 'yes'],
  ])('stops with one line naming %s when it is %s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(new RegExp(`^Setting ${name} is invalid`));
      expect(message).not.toContain('\n');
    }
  });

  it('names HELP_RESOURCES_FILE when the file is missing', () => {
    expect(() => loadConfig({ HELP_RESOURCES_FILE: '/nonexistent/help.json' })).toThrow(
      /^Setting HELP_RESOURCES_FILE is invalid/,
    );
  });
});
