import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import type { Environment } from '../environments.ts';
import { metaFor, PART_OF } from './meta.ts';

/** The API groups of every kind Sophia deploys (see ../models.ts). */
const SOPHIA_API_GROUPS = [
  '',
  'apps',
  'autoscaling',
  'policy',
  'networking.k8s.io',
  'networking.istio.io',
  'security.istio.io',
  'argoproj.io',
  'keda.sh',
  'monitoring.coreos.com',
  'secrets-store.csi.x-k8s.io',
];

const READ = ['get', 'list', 'watch'];

/**
 * Who may do what in the namespace: deployers (CI) apply Sophia's objects and promote or abort rollouts;
 * viewers (on-call) read them and pod logs. Neither reads Secrets: those come from Vault.
 */
export const rbacFor = (
  env: Environment,
  groups: { deployers: readonly string[]; viewers: readonly string[] },
) => {
  const subjects = (names: readonly string[]) =>
    names.map((name) => ({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name }));
  const binding = (role: string, names: readonly string[]) =>
    new RoleBinding({
      metadata: metaFor(env, PART_OF, role),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role },
      subjects: subjects(names),
    });
  const resources = ['*'];
  return [
    new Role({
      metadata: metaFor(env, PART_OF, 'sophia-deployer'),
      rules: [
        {
          apiGroups: SOPHIA_API_GROUPS.filter((group) => group !== ''),
          resources,
          verbs: [...READ, 'create', 'update', 'patch', 'delete'],
        },
        {
          apiGroups: [''],
          resources: ['configmaps', 'services', 'serviceaccounts'],
          verbs: [...READ, 'create', 'update', 'patch', 'delete'],
        },
        { apiGroups: [''], resources: ['pods', 'pods/log', 'events'], verbs: READ },
      ],
    }),
    binding('sophia-deployer', groups.deployers),
    new Role({
      metadata: metaFor(env, PART_OF, 'sophia-viewer'),
      rules: [
        { apiGroups: SOPHIA_API_GROUPS.filter((group) => group !== ''), resources, verbs: READ },
        {
          apiGroups: [''],
          resources: ['configmaps', 'services', 'serviceaccounts', 'pods', 'pods/log', 'events'],
          verbs: READ,
        },
      ],
    }),
    binding('sophia-viewer', groups.viewers),
  ];
};
