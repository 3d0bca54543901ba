import { describe, expect, it } from 'vitest';
import { ConfigError } from '@sophia/kit';
import { loadChatConfig } from './env.ts';

describe('chat configuration', () => {
  it('defaults to the built-in analyst, the in-process event log and the local gateway', () => {
    const config = loadChatConfig({});
    expect(config).toMatchObject({
      SOPHIA_GATEWAY_URL: 'http://127.0.0.1:4000',
      CHAT_MAX_MESSAGE_CHARS: 4000,
      CHAT_RATE_PER_MINUTE: 20,
      mcpServers: [],
    });
    expect(config.LLM_BASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('reads MCP_SERVERS as name=url pairs', () => {
    const config = loadChatConfig({ MCP_SERVERS: 'crm=http://crm:9000/mcp, docs=https://docs.example/mcp' });
    expect(config.mcpServers).toEqual([
      { name: 'crm', url: 'http://crm:9000/mcp' },
      { name: 'docs', url: 'https://docs.example/mcp' },
    ]);
  });

  it('reports every problem at once', () => {
    const load = () =>
      loadChatConfig({
        LLM_BASE_URL: 'http://vllm:8000/v1',
        MCP_SERVERS: 'crm=nope,=http://x,a=http://a,a=http://b',
      });
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'LLM_BASE_URL needs LLM_MODEL',
        'MCP_SERVERS: "crm=nope" is not name=url (name: letters, digits, _ or -)',
        'MCP_SERVERS: "=http://x" is not name=url (name: letters, digits, _ or -)',
        'MCP_SERVERS: "a" is named twice',
      ]);
    }
    expect(() => loadChatConfig({ CHAT_RATE_PER_MINUTE: '0' })).toThrow(ConfigError);
  });
});
