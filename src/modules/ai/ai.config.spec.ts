import { ConfigError } from '../../platform/config';
import { DEV_LOCAL_API_KEY, loadAiConfig } from './ai.config';

describe('ai settings', () => {
  it('configures no provider by default: AI features are disabled', () => {
    expect(loadAiConfig({}).providers).toEqual([]);
    expect(loadAiConfig({ NODE_ENV: 'production' }).providers).toEqual([]);
  });

  it('configures an OpenAI-compatible local server by base URL with the public key outside production only', () => {
    const env = { AI_OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', AI_OPENAI_PROVIDER_NAME: 'ollama' };
    expect(loadAiConfig(env).providers).toEqual([
      { id: 'openai', baseURL: 'http://127.0.0.1:11434/v1', apiKey: DEV_LOCAL_API_KEY, name: 'ollama' },
    ]);
    expect(() => loadAiConfig({ ...env, NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadAiConfig({ ...env, NODE_ENV: 'production', AI_OPENAI_API_KEY: DEV_LOCAL_API_KEY })).toThrow(
      /AI_OPENAI_API_KEY/,
    );
    expect(
      loadAiConfig({ ...env, NODE_ENV: 'production', AI_OPENAI_API_KEY: 'sk-a-real-key' }).providers[0].apiKey,
    ).toBe('sk-a-real-key');
  });

  it('configures Anthropic by key, and refuses malformed values naming the variable', () => {
    expect(loadAiConfig({ AI_ANTHROPIC_API_KEY: 'sk-ant-x' }).providers).toEqual([
      { id: 'anthropic', apiKey: 'sk-ant-x', name: 'anthropic' },
    ]);
    for (const env of [
      { AI_OPENAI_BASE_URL: 'ftp://x' },
      { AI_TIMEOUT_MS: '0' },
      { AI_MAX_RETRIES: '-1' },
      { AI_BUDGET_CURRENCY: 'usd' },
    ]) {
      expect(() => loadAiConfig(env)).toThrow(ConfigError);
    }
  });
});
