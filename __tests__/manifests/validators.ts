/**
 * Validation of manifests against the Kubernetes API schemas, from maintained packages:
 * - kubernetes-models: JSON-schema validators generated from the Kubernetes OpenAPI (types,
 *   required fields, formats, enums);
 * - @kubernetes/client-node: its generated attribute maps, to find fields the API does not
 *   declare. The OpenAPI schemas allow unknown fields, but server-side apply rejects them
 *   ("field not declared in schema"), so a misspelt field would only fail on a real cluster.
 */
import * as generatedModels from '@kubernetes/client-node';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { KubeObject } from './manifest-set.js';

interface SchemaModel {
  apiVersion: string;
  kind: string;
  new (data: never): { validate(): void };
}

/** The kinds the default stack uses; a new kind must be added here to be validated. */
const SCHEMA_MODELS: readonly SchemaModel[] = [
  Namespace,
  Secret,
  ConfigMap,
  Service,
  ServiceAccount,
  Deployment,
  Job,
  ClusterRole,
  ClusterRoleBinding,
];

/** Schema violations of one object, as `path: message` lines; empty when it is valid. */
export function schemaErrors(object: KubeObject): string[] {
  const Model = SCHEMA_MODELS.find((model) => model.apiVersion === object.apiVersion && model.kind === object.kind);
  if (!Model) {
    const known = SCHEMA_MODELS.map((model) => `${model.apiVersion}/${model.kind}`).join(', ');
    return [`no schema for ${object.apiVersion}/${object.kind}; known: ${known}`];
  }
  try {
    new Model(structuredClone(object) as never).validate();
    return [];
  } catch (error) {
    return validationMessages(error);
  }
}

function validationMessages(error: unknown): string[] {
  const details = (error as { errors?: { instancePath: string; message?: string }[] }).errors;
  if (!details) return [String(error)];
  return details.map((detail) => `${detail.instancePath || '/'}: ${detail.message ?? 'invalid'}`);
}

/** Paths of the fields that the object's API type does not declare. */
export function undeclaredFields(object: KubeObject): string[] {
  const typeName = `${capitalise(object.apiVersion.split('/').pop() ?? '')}${object.kind}`;
  if (!attributesOf(typeName)) return [`no generated type ${typeName} for ${object.apiVersion}/${object.kind}`];
  return undeclaredIn(object, typeName, '');
}

interface Attribute {
  baseName: string;
  type: string;
}

function undeclaredIn(value: unknown, typeName: string, path: string): string[] {
  const element = /^Array<(.+)>$/.exec(typeName)?.[1];
  if (element !== undefined) {
    return Array.isArray(value) ? value.flatMap((item, index) => undeclaredIn(item, element, `${path}[${index}]`)) : [];
  }
  const mapValue = /^\{ \[key: string\]: (.+); \}$/.exec(typeName)?.[1];
  if (mapValue !== undefined) {
    return isRecord(value)
      ? Object.entries(value).flatMap(([key, item]) => undeclaredIn(item, mapValue, `${path}.${key}`))
      : [];
  }
  const attributes = attributesOf(typeName);
  // Scalars, IntOrString and free-form objects have no declared fields to compare with.
  if (!attributes || !isRecord(value)) return [];
  const declared = new Map(attributes.map((attribute) => [attribute.baseName, attribute.type]));
  return Object.entries(value).flatMap(([key, item]) => {
    const itemType = declared.get(key);
    return itemType === undefined ? [`${path}.${key}`] : undeclaredIn(item, itemType, `${path}.${key}`);
  });
}

function attributesOf(typeName: string): Attribute[] | undefined {
  const model = (generatedModels as Record<string, unknown>)[typeName] as
    | { getAttributeTypeMap?: () => Attribute[] }
    | undefined;
  return typeof model?.getAttributeTypeMap === 'function' ? model.getAttributeTypeMap() : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
