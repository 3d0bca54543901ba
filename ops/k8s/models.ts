import { Namespace } from 'kubernetes-models/v1/Namespace';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1/VirtualService';
import { DestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1/DestinationRule';
import { AuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy';
import { Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import { AnalysisTemplate } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { SecretProviderClass } from './__generated__/secrets-store.csi.x-k8s.io/v1/SecretProviderClass.ts';
import type { K8sObject } from './render.ts';

type ModelClass = { readonly apiVersion: string; readonly kind: string; new (data: never): K8sObject };

/** Every kind Sophia deploys, with the schema that checks it (Kubernetes', or its CRD's). */
const MODELS: readonly ModelClass[] = [
  Namespace,
  ServiceAccount,
  ConfigMap,
  Service,
  Deployment,
  HorizontalPodAutoscaler,
  PodDisruptionBudget,
  NetworkPolicy,
  Ingress,
  Role,
  RoleBinding,
  VirtualService,
  DestinationRule,
  AuthorizationPolicy,
  Rollout,
  AnalysisTemplate,
  ScaledObject,
  ServiceMonitor,
  SecretProviderClass,
];

const byType = new Map(MODELS.map((model) => [`${model.apiVersion}/${model.kind}`, model]));

/**
 * Validates a plain object (parsed YAML) against its kind's schema; throws on a wrong type, a missing
 * required field, or a kind Sophia has no schema for.
 */
export function validateManifest(document: { apiVersion?: unknown; kind?: unknown }): void {
  const model = byType.get(`${String(document.apiVersion)}/${String(document.kind)}`);
  if (!model) throw new Error(`no schema for ${String(document.apiVersion)} ${String(document.kind)}`);
  new model(document as never).validate();
}
