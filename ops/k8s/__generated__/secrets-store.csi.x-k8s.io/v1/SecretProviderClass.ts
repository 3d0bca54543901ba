// @ts-nocheck
import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, type ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import type { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/SecretsStoreCsiXK8sIoV1SecretProviderClass.js";

export interface ISecretProviderClass {
  "apiVersion": "secrets-store.csi.x-k8s.io/v1";
  "kind": "SecretProviderClass";
  "metadata"?: IObjectMeta;
  "spec"?: {
    /**
     * The provider plugin that fetches the secrets (vault, aws, azure, gcp).
     */
    "provider": string;
    /**
     * Provider-specific settings; values are strings.
     */
    "parameters"?: {
      [key: string]: string;
    };
    /**
     * Kubernetes Secrets the driver keeps in sync with the mounted objects.
     */
    "secretObjects"?: Array<{
      "secretName": string;
      "type": string;
      "labels"?: {
        [key: string]: string;
      };
      "annotations"?: {
        [key: string]: string;
      };
      "data": Array<{
        "key": string;
        "objectName": string;
      }>;
    }>;
  };
}

export class SecretProviderClass extends Model<ISecretProviderClass> implements ISecretProviderClass {
  "apiVersion": ISecretProviderClass["apiVersion"];
  "kind": ISecretProviderClass["kind"];
  "metadata"?: ISecretProviderClass["metadata"];
  "spec"?: ISecretProviderClass["spec"];

static apiVersion: ISecretProviderClass["apiVersion"] = "secrets-store.csi.x-k8s.io/v1";
static kind: ISecretProviderClass["kind"] = "SecretProviderClass";
static is = createTypeMetaGuard<ISecretProviderClass>(SecretProviderClass);

constructor(data?: ModelData<ISecretProviderClass>) {
  super();

  this.setDefinedProps({
    apiVersion: SecretProviderClass.apiVersion,
    kind: SecretProviderClass.kind,
    ...data
  } as ISecretProviderClass);
}
}


setValidateFunc(SecretProviderClass, validate as ValidateFunc<ISecretProviderClass>);
