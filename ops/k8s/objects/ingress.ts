import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { AuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy';
import type { Environment } from '../environments.ts';
import type { ServiceSpec } from '../services.ts';
import { metaFor, selectorFor } from './meta.ts';

/** Long-lived graphql-ws subscriptions and streamed replies: idle timeouts of an hour, not a minute. */
const WEBSOCKET_TIMEOUT_SECONDS = '3600';

/**
 * The gateway's public entry (ingress-nginx): TLS from cert-manager, HTTP/1.1 upgrades for graphql-ws,
 * no buffering so streamed responses flow, and a request body limit matching the gateway's own.
 */
export const ingressFor = (env: Environment, gateway: ServiceSpec) =>
  new Ingress({
    metadata: {
      ...metaFor(env, gateway.name),
      annotations: {
        'cert-manager.io/cluster-issuer': env.tlsIssuer,
        'nginx.ingress.kubernetes.io/proxy-http-version': '1.1',
        'nginx.ingress.kubernetes.io/proxy-read-timeout': WEBSOCKET_TIMEOUT_SECONDS,
        'nginx.ingress.kubernetes.io/proxy-send-timeout': WEBSOCKET_TIMEOUT_SECONDS,
        'nginx.ingress.kubernetes.io/proxy-buffering': 'off',
        'nginx.ingress.kubernetes.io/proxy-body-size': '2m',
        'nginx.ingress.kubernetes.io/ssl-redirect': 'true',
        // Through the Service, with its in-mesh name, so that Istio's VirtualService (the canary split) applies
        // to traffic from outside too; ingress-nginx runs with an Istio sidecar.
        'nginx.ingress.kubernetes.io/service-upstream': 'true',
        'nginx.ingress.kubernetes.io/upstream-vhost': `${gateway.name}.${env.namespace}.svc.cluster.local`,
      },
    },
    spec: {
      ingressClassName: env.ingressClass,
      tls: [{ hosts: [env.host], secretName: `${gateway.name}-tls` }],
      rules: [
        {
          host: env.host,
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: gateway.name, port: { name: 'http' } } },
              },
            ],
          },
        },
      ],
    },
  });

/**
 * NetworkPolicy cannot see paths, so the mesh narrows what chat may call on the gateway to `/mcp`; everyone
 * else arrives through the ingress controller or the Istio ingress gateway.
 */
export const gatewayAuthorizationFor = (env: Environment, gateway: ServiceSpec) =>
  new AuthorizationPolicy({
    metadata: metaFor(env, gateway.name),
    spec: {
      selector: { matchLabels: selectorFor(gateway.name) },
      action: 'ALLOW',
      rules: [
        { from: [{ source: { namespaces: [env.ingressNamespace, 'istio-system'] } }] },
        {
          from: [{ source: { principals: [`cluster.local/ns/${env.namespace}/sa/chat`] } }],
          to: [{ operation: { paths: ['/mcp', '/mcp/*'] } }],
        },
        // Probes and scrapes come from the kubelet and Prometheus, outside the mesh identity.
        { to: [{ operation: { paths: ['/healthz', '/readyz', '/metrics'] } }] },
      ],
    },
  });
