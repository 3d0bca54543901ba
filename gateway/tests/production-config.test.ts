import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_API_KEY_PEPPER, DEV_INTERNAL_TOKEN_SECRET, DEV_JWT_SECRET } from '@sophia/kit';
import { loadGatewayConfig } from '../src/env.ts';

const SECRET = 'a-real-production-secret-of-at-least-32-bytes-0123';

const problemsOf = (source: Record<string, string>): readonly string[] => {
  try {
    loadGatewayConfig({}, source);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('gateway configuration in production', () => {
  it('lists every problem of a deployment that forgot its variables, in one refusal', () => {
    expect(
      problemsOf({ NODE_ENV: 'production', SOPHIA_AUTH_MODE: 'dev', JWT_SECRET: DEV_JWT_SECRET }),
    ).toEqual([
      expect.stringMatching(/^INTERNAL_TOKEN_SECRET: is required/),
      expect.stringMatching(/^API_KEY_PEPPER: is required/),
      expect.stringMatching(/^JWT_SECRET: is a development default/),
      expect.stringMatching(/^HOST: is required/),
      expect.stringMatching(/^SOPHIA_AUTH_MODE: dev .* refused in production/),
      expect.stringMatching(/^JWT_ISSUER: is required/),
      expect.stringMatching(/^JWT_AUDIENCE: is required/),
    ]);
    expect(
      problemsOf({ SOPHIA_ENV: 'production', INTERNAL_TOKEN_SECRET: DEV_INTERNAL_TOKEN_SECRET }),
    ).toContain("JWKS_URL: your identity provider's keys are required in production (or JWT_SECRET)");
  });

  it('serves no demo login, introspection or Sandbox in production unless asked', () => {
    const production = {
      SOPHIA_ENV: 'production',
      HOST: '0.0.0.0',
      INTERNAL_TOKEN_SECRET: SECRET,
      API_KEY_PEPPER: `pepper-${SECRET}`,
      JWKS_URL: 'https://idp.example.com/.well-known/jwks.json',
      JWT_ISSUER: 'https://idp.example.com/',
      JWT_AUDIENCE: 'sophia',
    };
    expect(loadGatewayConfig({}, production)).toMatchObject({
      SOPHIA_AUTH_MODE: 'jwt',
      GRAPHQL_INTROSPECTION: false,
      SANDBOX_ENABLED: false,
      METRICS_PORT: 9464,
    });
    expect(
      loadGatewayConfig({}, { ...production, GRAPHQL_INTROSPECTION: 'true', SANDBOX_ENABLED: 'true' }),
    ).toMatchObject({ GRAPHQL_INTROSPECTION: true, SANDBOX_ENABLED: true });
  });

  it('refuses the committed or a short API key pepper', () => {
    const base = { SOPHIA_ENV: 'production', INTERNAL_TOKEN_SECRET: SECRET };
    expect(problemsOf({ ...base, API_KEY_PEPPER: DEV_API_KEY_PEPPER })).toContain(
      'API_KEY_PEPPER: is a development default committed to the repository; set your own secret',
    );
    expect(problemsOf({ ...base, API_KEY_PEPPER: 'short' })).toContainEqual(
      expect.stringMatching(/^API_KEY_PEPPER: must be at least 32/),
    );
  });

  it('keeps development a zero-configuration demo', () => {
    expect(loadGatewayConfig({}, {})).toMatchObject({
      SOPHIA_ENV: 'development',
      SOPHIA_AUTH_MODE: 'dev',
      GRAPHQL_INTROSPECTION: true,
      SANDBOX_ENABLED: true,
      HOST: '127.0.0.1',
    });
  });
});
