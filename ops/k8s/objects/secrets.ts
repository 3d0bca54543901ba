import type { IVolume } from 'kubernetes-models/v1/Volume';
import { SecretProviderClass } from '../__generated__/secrets-store.csi.x-k8s.io/v1/SecretProviderClass.ts';
import type { Environment } from '../environments.ts';
import type { ServiceSpec } from '../services.ts';
import { metaFor } from './meta.ts';

export const SECRETS_MOUNT = '/mnt/secrets';
export const secretNameFor = (service: string) => `${service}-secrets`;
/** Each service logs in to Vault with its own role, which reads its own path only. */
export const vaultRoleFor = (env: Environment, service: string) => `${env.secretStore.vaultRole}-${service}`;

/**
 * Where a service's secrets come from: the Secrets Store CSI driver reads them from the store (Vault here),
 * mounts them as files and keeps a Kubernetes Secret in sync for the container's environment. Manifests name
 * the keys only; the values live in the store (Pulumi writes them there from stack config).
 */
export const secretProviderClassFor = (env: Environment, service: ServiceSpec) => {
  const { vaultAddress, pathPrefix } = env.secretStore;
  const objects = service.secrets.map(
    (key) => `- objectName: "${key}"\n  secretPath: "${pathPrefix}/${service.name}"\n  secretKey: "${key}"`,
  );
  return new SecretProviderClass({
    metadata: metaFor(env, service.name, secretNameFor(service.name)),
    spec: {
      provider: env.secretStore.provider,
      parameters: { vaultAddress, roleName: vaultRoleFor(env, service.name), objects: objects.join('\n') },
      secretObjects: [
        {
          secretName: secretNameFor(service.name),
          type: 'Opaque',
          data: service.secrets.map((key) => ({ key, objectName: key })),
        },
      ],
    },
  });
};

/** The CSI volume that makes the driver fetch and sync the secrets when the pod starts. */
export const secretVolumeFor = (service: string): IVolume => ({
  name: 'secrets',
  csi: {
    driver: 'secrets-store.csi.k8s.io',
    readOnly: true,
    volumeAttributes: { secretProviderClass: secretNameFor(service) },
  },
});
