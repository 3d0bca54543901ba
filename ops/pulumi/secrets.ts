import * as pulumi from '@pulumi/pulumi';
import * as vault from '@pulumi/vault';
import type { Environment } from '../k8s/environments.ts';
import { vaultRoleFor } from '../k8s/objects/secrets.ts';
import { SERVICES } from '../k8s/services.ts';

/** Every secret name some service declares in ops/k8s/services.ts. */
export const SECRET_NAMES = [...new Set(SERVICES.flatMap((service) => service.secrets))].sort();

/** Thrown before anything is deployed when the stack lacks a secret a service needs. */
export class MissingSecretsError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(
      `stack config lacks secrets ${missing.join(', ')}: pulumi config set --secret --path 'sophia-ai:secrets.<NAME>' <value>` +
        ' (an empty value switches an optional one off)',
    );
  }
}

/**
 * Writes each service's secrets from stack config (encrypted in the stack, a secret Output here) into Vault at
 * the path its SecretProviderClass reads, with a Vault role that lets only that service's account read it.
 */
export function deploySecrets(
  env: Environment,
  secrets: pulumi.Output<Record<string, string>>,
  provider?: vault.Provider,
) {
  const options = provider ? { provider } : {};
  const [mount, ...rest] = env.secretStore.pathPrefix.replace('/data/', '/').split('/');
  const base = rest.join('/');
  const perService = SERVICES.map((service) => {
    const path = `${base}/${service.name}`;
    const secret = new vault.kv.SecretV2(
      `${env.name}-${service.name}`,
      {
        mount: mount!,
        name: path,
        dataJson: pulumi.secret(
          secrets.apply((all) =>
            JSON.stringify(Object.fromEntries(service.secrets.map((key) => [key, all[key]!]))),
          ),
        ),
      },
      options,
    );
    const policy = new vault.Policy(
      `${env.name}-${service.name}-read`,
      {
        name: `sophia-${env.name}-${service.name}`,
        policy: `path "${mount}/data/${path}" {\n  capabilities = ["read"]\n}\n`,
      },
      options,
    );
    // The CSI driver logs in with the pod's service account: this role is that account's alone.
    const role = new vault.kubernetes.AuthBackendRole(
      `${env.name}-${service.name}-csi`,
      {
        backend: 'kubernetes',
        roleName: vaultRoleFor(env, service.name),
        boundServiceAccountNames: [service.name],
        boundServiceAccountNamespaces: [env.namespace],
        tokenPolicies: [policy.name],
        tokenTtl: 900,
      },
      options,
    );
    return { service, secret, policy, role };
  });
  return perService;
}

/** Refuses a set of secrets that lacks one some service declares; an empty string is a deliberate "off". */
export function checkSecrets(values: Record<string, unknown>): Record<string, string> {
  const missing = SECRET_NAMES.filter((name) => typeof values[name] !== 'string');
  if (missing.length > 0) throw new MissingSecretsError(missing);
  return values as Record<string, string>;
}

/** The stack's secrets (`sophia-ai:secrets`), checked for completeness; values stay secret Outputs. */
export function secretsFromConfig(config: pulumi.Config): pulumi.Output<Record<string, string>> {
  return config.requireSecretObject<Record<string, unknown>>('secrets').apply(checkSecrets);
}
