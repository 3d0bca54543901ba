import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as pulumi from '@pulumi/pulumi';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENVIRONMENTS } from '../k8s/environments.ts';
import { allObjects, renderEnvironment } from '../k8s/render.ts';
import { SERVICES, type EnvironmentName } from '../k8s/services.ts';
import { checkSecrets, MissingSecretsError, SECRET_NAMES } from '../pulumi/secrets.ts';
import { deploySophia } from '../pulumi/stack.ts';

/** Pulumi's mocks stand in for the engine: no CLI, no cluster, no Vault; every registered resource is recorded. */
interface Registered {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, any>;
}

const stackConfig = (env: EnvironmentName): Record<string, unknown> =>
  parse(
    readFileSync(fileURLToPath(new URL(`../pulumi/Pulumi.sophia-ai-${env}.yaml`, import.meta.url)), 'utf8'),
  ).config;

const promiseOf = <T>(output: pulumi.Output<T>) => new Promise<T>((resolve) => output.apply(resolve));

/** How Pulumi's RPC layer marks a secret value (sdk/nodejs/runtime/rpc.ts, specialSigKey / specialSecretSig). */
const SECRET_SIGNATURE = '4dabf18193072939515e22adb298388d';
const SECRET_SIGNATURE_VALUE = '1b47061264138c4ac30d75fd1eb44270';

/** Test values only, set as the stack's encrypted config would be. */
const testSecrets = Object.fromEntries(
  SECRET_NAMES.map((name) => [name, `test-${name.toLowerCase()}-value-0123456789abcdef`]),
);

async function deployStack(env: EnvironmentName, imageTag: string) {
  const registered: Registered[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    'sophia-ai',
    `sophia-ai-${env}`,
    false,
  );
  const config = stackConfig(env);
  const deployed = deploySophia({
    environment: config['sophia-ai:environment'] as EnvironmentName,
    imageTag,
    deployers: config['sophia-ai:deployers'] as string[],
    viewers: config['sophia-ai:viewers'] as string[],
    secrets: pulumi.secret(testSecrets),
  });
  // A resource's URN resolves once the mocks have registered it: wait for every one the program created.
  const children = Object.values(await promiseOf(deployed.workloads.resources));
  const vaultResources = deployed.secrets.flatMap(({ secret, policy, role }) => [secret, policy, role]);
  await Promise.all(
    [deployed.namespace, ...children, ...vaultResources].map((resource) => promiseOf(resource.urn)),
  );
  return { registered, deployed };
}

describe.each(['dev', 'staging', 'production'] as const)('Pulumi stack sophia-ai-%s', (env) => {
  let registered: Registered[];
  beforeAll(async () => {
    ({ registered } = await deployStack(env, 'abc1234'));
  });
  const kubernetesObjects = () =>
    registered.filter((r) => r.type.startsWith('kubernetes:') && !r.type.startsWith('kubernetes:yaml'));

  it('names its environment in its stack file', () => {
    expect(stackConfig(env)['sophia-ai:environment']).toBe(env);
  });

  it('deploys exactly the objects the renderer produces, with the deploy’s image tag', () => {
    const rendered = allObjects(renderEnvironment(env, { imageTag: 'abc1234' })).map(
      (o) => o.toJSON() as Record<string, any>,
    );
    const deployed = kubernetesObjects().filter((r) => !r.inputs['kind']?.startsWith('Role'));
    const key = (o: Record<string, any>) => `${o['apiVersion']}/${o['kind']}/${o['metadata'].name}`;
    expect(deployed.map((r) => key(r.inputs)).sort()).toEqual(rendered.map(key).sort());
    for (const object of rendered) {
      const match = deployed.find((r) => key(r.inputs) === key(object))!;
      expect(match.inputs, key(object)).toEqual(object);
    }
    const images = deployed
      .flatMap((r) => r.inputs['spec']?.template?.spec?.containers ?? [])
      .map((c: any) => c.image);
    expect(images.filter((image: string) => image.includes('/sophia-'))).toHaveLength(SERVICES.length);
    expect(
      images
        .filter((image: string) => image.includes('/sophia-'))
        .every((image: string) => image.endsWith(':abc1234')),
    ).toBe(true);
  });

  it('binds the deployer and viewer roles to the groups in stack config', () => {
    const bindings = kubernetesObjects().filter((r) => r.inputs['kind'] === 'RoleBinding');
    const groups = Object.fromEntries(
      bindings.map((b) => [b.inputs['roleRef'].name, b.inputs['subjects'].map((s: any) => s.name)]),
    );
    expect(groups).toEqual({
      'sophia-deployer': stackConfig(env)['sophia-ai:deployers'],
      'sophia-viewer': stackConfig(env)['sophia-ai:viewers'],
    });
    const roles = kubernetesObjects().filter((r) => r.inputs['kind'] === 'Role');
    expect(
      roles.flatMap((r) => r.inputs['rules']).some((rule: any) => rule.resources.includes('secrets')),
    ).toBe(false);
  });

  it('puts each service’s secrets from stack config into Vault at the path its SecretProviderClass reads', () => {
    const vaultSecrets = registered.filter((r) => r.type === 'vault:kv/secretV2:SecretV2');
    expect(vaultSecrets).toHaveLength(SERVICES.length);
    const providerClasses = kubernetesObjects().filter((r) => r.inputs['kind'] === 'SecretProviderClass');
    for (const service of SERVICES) {
      const written = vaultSecrets.find((r) => r.inputs['name'].endsWith(`/${service.name}`))!;
      // The engine receives the value wrapped as a secret: encrypted in state, masked in logs.
      expect(written.inputs['dataJson'][SECRET_SIGNATURE]).toBe(SECRET_SIGNATURE_VALUE);
      expect(JSON.parse(written.inputs['dataJson'].value)).toEqual(
        Object.fromEntries(service.secrets.map((key) => [key, testSecrets[key]])),
      );
      const spc = providerClasses.find((r) => r.inputs['metadata'].name === `${service.name}-secrets`)!;
      expect(spc.inputs['spec'].parameters.objects).toContain(
        `secretPath: "${written.inputs['mount']}/data/${written.inputs['name']}"`,
      );
      const role = registered.find(
        (r) =>
          r.type.startsWith('vault:kubernetes') &&
          r.inputs['roleName'] === spc.inputs['spec'].parameters.roleName,
      )!;
      expect(role.inputs['boundServiceAccountNames']).toEqual([service.name]);
      expect(role.inputs['boundServiceAccountNamespaces']).toEqual([ENVIRONMENTS[env].namespace]);
    }
    // No secret value reaches Kubernetes: no Secret objects, and no value in any object's inputs.
    const everything = JSON.stringify(kubernetesObjects().map((r) => r.inputs));
    expect(kubernetesObjects().filter((r) => r.inputs['kind'] === 'Secret')).toEqual([]);
    for (const value of Object.values(testSecrets)) expect(everything).not.toContain(value);
  });
});

describe('Pulumi stack config', () => {
  it('a stack without a secret some service needs is refused, naming what is missing', () => {
    const partial: Record<string, string> = { ...testSecrets };
    delete partial['JWT_SECRET'];
    delete partial['LLM_API_KEY'];
    expect(() => checkSecrets(partial)).toThrow(MissingSecretsError);
    expect(() => checkSecrets(partial)).toThrow(/JWT_SECRET, LLM_API_KEY/);
    expect(checkSecrets({ ...testSecrets, LLM_API_KEY: '' })).toMatchObject({ LLM_API_KEY: '' });
  });
});
