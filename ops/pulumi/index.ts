import * as pulumi from '@pulumi/pulumi';
import type { EnvironmentName } from '../k8s/services.ts';
import { secretsFromConfig } from './secrets.ts';
import { deploySophia } from './stack.ts';

/** The Pulumi program of stacks sophia-ai-dev, sophia-ai-staging and sophia-ai-production. */
const config = new pulumi.Config('sophia-ai');
const deployed = deploySophia({
  environment: config.require('environment') as EnvironmentName,
  imageTag: config.require('imageTag'),
  deployers: config.requireObject<string[]>('deployers'),
  viewers: config.requireObject<string[]>('viewers'),
  secrets: secretsFromConfig(config),
});

export const namespace = deployed.namespace.metadata.name;
export const url = `https://${deployed.host}/`;
