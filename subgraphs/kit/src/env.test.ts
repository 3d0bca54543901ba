import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_METRICS_PORT,
  DEV_INTERNAL_TOKEN_SECRET,
  DEV_JWT_SECRET,
  parseConfig,
  serviceEnvShape,
} from './env.ts';

const REAL_SECRET = 'a-real-production-secret-of-at-least-32-bytes-0123';

const problemsOf = (source: Record<string, string>, options = {}): readonly string[] => {
  try {
    parseConfig('svc', serviceEnvShape, source, options);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('service configuration: two modes, one switch', () => {
  it('runs development with no configuration: loopback, development secret, metrics on the service port', () => {
    const config = parseConfig('svc', serviceEnvShape, {});
    expect(config).toMatchObject({
      SOPHIA_ENV: 'development',
      HOST: '127.0.0.1',
      INTERNAL_TOKEN_SECRET: DEV_INTERNAL_TOKEN_SECRET,
    });
    expect(config.METRICS_PORT).toBeUndefined();
  });

  it('is production under NODE_ENV=production, and then refuses every problem at once', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual([
      expect.stringMatching(/^INTERNAL_TOKEN_SECRET: is required in production/),
      expect.stringMatching(/^HOST: is required in production/),
    ]);
  });

  it('refuses committed development secrets and short ones in production, naming each', () => {
    const problems = problemsOf(
      {
        SOPHIA_ENV: 'production',
        HOST: '0.0.0.0',
        INTERNAL_TOKEN_SECRET: DEV_INTERNAL_TOKEN_SECRET,
        INTERNAL_TOKEN_PREVIOUS_SECRETS: `${DEV_JWT_SECRET},short`,
        JWT_SECRET: 'é'.repeat(10),
      },
      { requiredSecrets: ['JWT_SECRET', 'OTHER_SECRET'] },
    );
    expect(problems).toEqual([
      expect.stringMatching(/^INTERNAL_TOKEN_SECRET: is a development default/),
      expect.stringMatching(/^JWT_SECRET: must be at least 32 bytes/),
      expect.stringMatching(/^OTHER_SECRET: is required in production/),
      expect.stringMatching(/^INTERNAL_TOKEN_PREVIOUS_SECRETS\[0\]: is a development default/),
      expect.stringMatching(/^INTERNAL_TOKEN_PREVIOUS_SECRETS\[1\]: must be at least 32 bytes/),
    ]);
  });

  it('starts in production with real secrets, metrics on the admin port', () => {
    const config = parseConfig('svc', serviceEnvShape, {
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      INTERNAL_TOKEN_SECRET: REAL_SECRET,
    });
    expect(config).toMatchObject({ SOPHIA_ENV: 'production', METRICS_PORT: DEFAULT_METRICS_PORT });
  });

  it('refuses the slow-commit test hook in production, and bounds request deadlines everywhere', () => {
    const production = { NODE_ENV: 'production', HOST: '0.0.0.0', INTERNAL_TOKEN_SECRET: REAL_SECRET };
    expect(problemsOf({ ...production, SOPHIA_TEST_COMMIT_DELAY_MS: '0' })).toEqual([
      expect.stringMatching(/^SOPHIA_TEST_COMMIT_DELAY_MS: is a test hook; production refuses it/),
    ]);
    expect(parseConfig('svc', serviceEnvShape, { SOPHIA_TEST_COMMIT_DELAY_MS: '500' })).toMatchObject({
      SOPHIA_TEST_COMMIT_DELAY_MS: 500,
      REQUEST_TIMEOUT_MAX_MS: 60_000,
    });
    expect(problemsOf({ REQUEST_TIMEOUT_MAX_MS: '600001' })).toEqual([
      expect.stringMatching(/^REQUEST_TIMEOUT_MAX_MS: /),
    ]);
  });

  it('lets SOPHIA_ENV=development win over NODE_ENV=production', () => {
    expect(
      parseConfig('svc', serviceEnvShape, { NODE_ENV: 'production', SOPHIA_ENV: 'development' }),
    ).toMatchObject({ SOPHIA_ENV: 'development' });
  });
});
