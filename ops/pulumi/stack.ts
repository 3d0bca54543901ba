import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type * as vault from '@pulumi/vault';
import { ENVIRONMENTS } from '../k8s/environments.ts';
import { rbacFor } from '../k8s/objects/rbac.ts';
import { allObjects, renderEnvironment } from '../k8s/render.ts';
import type { EnvironmentName } from '../k8s/services.ts';
import { deploySecrets } from './secrets.ts';

export interface SophiaStackArgs {
  readonly environment: EnvironmentName;
  readonly imageTag: string;
  /** Groups (from your identity provider) bound to the deployer and viewer roles. */
  readonly deployers: readonly string[];
  readonly viewers: readonly string[];
  readonly secrets: pulumi.Output<Record<string, string>>;
  readonly providers?: { readonly kubernetes?: k8s.Provider; readonly vault?: vault.Provider };
}

/**
 * One environment of Sophia: the objects ops/k8s renders (the same function `npm run render` calls, with the
 * image tag of this deploy), RBAC for who deploys and who reads, and the secrets in Vault for the CSI driver.
 */
export function deploySophia(args: SophiaStackArgs) {
  const env = ENVIRONMENTS[args.environment];
  const k8sOptions = args.providers?.kubernetes ? { provider: args.providers.kubernetes } : {};
  const objects = allObjects(renderEnvironment(args.environment, { imageTag: args.imageTag }));
  for (const object of objects) object.validate();

  const [namespaceObject, ...rest] = objects;
  if (namespaceObject?.kind !== 'Namespace')
    throw new Error('the rendered environment must start with its Namespace');
  // The namespace first: everything else lives in it.
  const namespace = new k8s.core.v1.Namespace(
    env.namespace,
    namespaceObject.toJSON() as k8s.core.v1.NamespaceArgs,
    k8sOptions,
  );
  const secrets = deploySecrets(env, args.secrets, args.providers?.vault);
  const rbac = rbacFor(env, { deployers: args.deployers, viewers: args.viewers });
  const workloads = new k8s.yaml.ConfigGroup(
    `sophia-${env.name}`,
    { objs: [...rest, ...rbac].map((object) => object.toJSON()) },
    // Pods mount their secrets at start: Vault must hold them before any workload exists.
    { ...k8sOptions, dependsOn: [namespace, ...secrets.flatMap(({ secret, role }) => [secret, role])] },
  );
  return { namespace, workloads, secrets, host: env.host };
}
