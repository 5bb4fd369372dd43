import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bot/config';

const ALL = {
  CLU_ENDPOINT: 'https://anytown-language.cognitiveservices.azure.com',
  CLU_KEY: 'k',
  CLU_PROJECT_NAME: 'council-assistant',
  CLU_DEPLOYMENT_NAME: 'production',
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('Azure CLU configuration', () => {
  it('is off when no CLU key is set', () => {
    expect(loadConfig({}).clu).toBeUndefined();
  });

  it('is on with all four keys, with a default timeout', () => {
    expect(loadConfig(ALL).clu).toEqual({
      endpoint: ALL.CLU_ENDPOINT,
      key: 'k',
      projectName: 'council-assistant',
      deploymentName: 'production',
      timeoutMs: 3000,
    });
    expect(loadConfig({ ...ALL, CLU_TIMEOUT_MS: '1500' }).clu?.timeoutMs).toBe(1500);
  });

  it('names exactly the missing keys when only some are set', () => {
    const found = problems({ CLU_ENDPOINT: ALL.CLU_ENDPOINT, CLU_PROJECT_NAME: 'p' });
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('CLU_KEY, CLU_DEPLOYMENT_NAME are missing');
    expect(found[0]).not.toMatch(/CLU_ENDPOINT,? (is|are) missing/);
    expect(problems({ ...ALL, CLU_KEY: '' })[0]).toContain('CLU_KEY is missing');
  });

  it('rejects a bad endpoint or timeout', () => {
    expect(problems({ ...ALL, CLU_ENDPOINT: 'not a url' })[0]).toMatch(/^CLU_ENDPOINT/);
    expect(problems({ ...ALL, CLU_ENDPOINT: 'http://language.example.com' })[0]).toMatch(/CLU_ENDPOINT: must use https/);
    expect(problems({ ...ALL, CLU_TIMEOUT_MS: 'soon' })[0]).toMatch(/^CLU_TIMEOUT_MS/);
  });

  it('accepts plain http only on this machine (a local proxy or test fake)', () => {
    expect(loadConfig({ ...ALL, CLU_ENDPOINT: 'http://127.0.0.1:8080' }).clu?.endpoint).toBe('http://127.0.0.1:8080');
    expect(loadConfig({ ...ALL, CLU_ENDPOINT: 'http://localhost:8080' }).clu).toBeDefined();
  });
});
