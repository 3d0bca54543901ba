import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { SnowflakeFault } from './errors.ts';

/** A user the FAKE accepts: a password, a registered RSA public key (key-pair auth), or both. */
export interface FakeUser {
  name: string;
  password?: string;
  /** PEM of the public key, as `ALTER USER … SET RSA_PUBLIC_KEY` registers it. */
  publicKey?: string;
}

/** The `data` of a login-request body (the fields the FAKE checks). */
export interface LoginData {
  ACCOUNT_NAME?: string;
  LOGIN_NAME?: string;
  PASSWORD?: string;
  AUTHENTICATOR?: string;
  TOKEN?: string;
  SESSION_PARAMETERS?: Record<string, unknown>;
}

const badCredentials = () =>
  new SnowflakeFault('390100', '08004', 'Incorrect username or password was specified.', 'AUTHENTICATION');
const badJwt = (why: string) =>
  new SnowflakeFault('390144', '08004', `JWT token is invalid. ${why}`, 'AUTHENTICATION');

/** Verifies a login the way Snowflake does for password and SNOWFLAKE_JWT authenticators. */
export class Authenticator {
  private readonly users = new Map<
    string,
    { password?: string; key?: KeyObject; fingerprint?: string | undefined }
  >();

  constructor(
    private readonly account: string,
    users: readonly FakeUser[],
  ) {
    for (const user of users) {
      const key = user.publicKey ? createPublicKey(user.publicKey) : undefined;
      const fingerprint = key
        ? `SHA256:${createHash('sha256')
            .update(key.export({ type: 'spki', format: 'der' }))
            .digest('base64')}`
        : undefined;
      this.users.set(user.name.toUpperCase(), {
        ...(user.password !== undefined && { password: user.password }),
        ...(key && { key, fingerprint }),
      });
    }
  }

  /** The user's upper-case name when the login is good; a Snowflake fault otherwise. */
  verify(data: LoginData): string {
    const name = (data.LOGIN_NAME ?? '').toUpperCase();
    const user = this.users.get(name);
    const authenticator = (data.AUTHENTICATOR ?? 'SNOWFLAKE').toUpperCase();
    if (authenticator === 'SNOWFLAKE_JWT') {
      if (!user?.key) throw badJwt('No public key is registered for the user.');
      this.verifyJwt(data.TOKEN ?? '', name, user.key, user.fingerprint!);
      return name;
    }
    if (authenticator !== 'SNOWFLAKE') {
      throw new SnowflakeFault(
        '390190',
        '08004',
        `The FAKE does not support the ${authenticator} authenticator.`,
        'AUTHENTICATION',
      );
    }
    if (!user || user.password === undefined || user.password !== data.PASSWORD) throw badCredentials();
    return name;
  }

  private verifyJwt(token: string, user: string, key: KeyObject, fingerprint: string): void {
    const [header, payload, signature] = token.split('.');
    if (!header || !payload || !signature) throw badJwt('Malformed token.');
    const good = verify(
      'RSA-SHA256',
      Buffer.from(`${header}.${payload}`),
      key,
      Buffer.from(signature, 'base64url'),
    );
    if (!good) throw badJwt('Signature does not match the registered public key.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const subject = `${this.account.toUpperCase()}.${user}`;
    if (claims['sub'] !== subject) throw badJwt(`Subject must be ${subject}.`);
    if (claims['iss'] !== `${subject}.${fingerprint}`)
      throw badJwt('Issuer does not name the registered key.');
    // snowflake-sdk 3.3 writes iat/exp in milliseconds; Snowflake's documentation says seconds. Accept both.
    const exp = Number(claims['exp']);
    const expiresMs = exp > 1e12 ? exp : exp * 1000;
    if (!Number.isFinite(expiresMs) || expiresMs < Date.now()) throw badJwt('Token has expired.');
  }
}
