/** Loads a kubeconfig and builds the API clients, every request bounded by a timeout and a cancellation signal. */
import { existsSync } from 'node:fs';
import {
  ApiException, AppsV1Api, type Configuration, CoreV1Api, HttpMethod, KubeConfig, type KubernetesObject,
  KubernetesObjectApi, type Middleware, PatchStrategy, ServerConfiguration, type V1APIResource, createConfiguration,
} from '@kubernetes/client-node';
import type { KubeObject } from './types.js';

export interface KubeClientOptions {
  /** Limit for each API request (a watch is bounded by its caller instead). */
  callTimeoutMs: number;
  /** Cancels every request in flight and every later one, and every wait (wait, scale, deploy) using these clients. */
  signal?: AbortSignal;
}

export class KindNotServedError extends Error {
  constructor(apiVersion: string, kind: string) {
    super(`the API server does not serve kind ${kind} in ${apiVersion}`
      + (apiVersion.includes('/') ? ' (for a custom resource: is its CustomResourceDefinition applied and Established?)' : ''));
  }
}

/** KubernetesObjectApi plus what the adapters need: verbatim server-side apply, resource scope, collection paths. */
export class ObjectApi extends KubernetesObjectApi {
  constructor(configuration: Configuration, kubeConfig: KubeConfig) {
    super(configuration);
    this.setDefaultNamespace(kubeConfig);
  }

  /** The namespace of objects whose manifest names none. */
  get fallbackNamespace(): string {
    return this.defaultNamespace;
  }

  protected override async resource(apiVersion: string, kind: string): Promise<V1APIResource | undefined> {
    try {
      const found = await super.resource(apiVersion, kind);
      if (!found) throw new KindNotServedError(apiVersion, kind);
      return found;
    } catch (error) {
      if (error instanceof ApiException && error.code === 404) throw new KindNotServedError(apiVersion, kind);
      throw error;
    }
  }

  /**
   * Server-side apply of the manifest exactly as written. KubernetesObjectApi.patch re-serialises built-in
   * kinds through the generated models, which silently drops what they do not model: a CRD schema's `enum`,
   * `default` and `x-kubernetes-*` keys, and misspelt fields the server should reject (`fieldValidation=Strict`).
   */
  async serverSideApply(obj: KubeObject, fieldManager: string): Promise<KubernetesObject> {
    const spec = { ...obj, metadata: { ...obj.metadata } };
    const path = await this.specUriPath(spec, 'patch');
    const request = this.configuration.baseServer.makeRequestContext(path, HttpMethod.PATCH);
    request.setHeaderParam('Accept', 'application/json');
    request.setHeaderParam('Content-Type', PatchStrategy.ServerSideApply);
    request.setQueryParam('fieldManager', fieldManager);
    request.setQueryParam('force', 'true');
    request.setQueryParam('fieldValidation', 'Strict');
    request.setBody(JSON.stringify(spec));
    return this.requestPromise(request);
  }

  async isNamespaced(apiVersion: string, kind: string): Promise<boolean> {
    return (await this.resource(apiVersion, kind))?.namespaced ?? false;
  }

  /** `/apis/apps/v1/namespaces/ns/deployments`: where to list or watch objects of a kind. */
  collectionPath(apiVersion: string, kind: string, namespace?: string): Promise<string> {
    return this.specUriPath({ apiVersion, kind, metadata: { namespace } }, 'list');
  }
}

export interface KubeClients {
  readonly kubeConfig: KubeConfig;
  readonly objects: ObjectApi;
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly callTimeoutMs: number;
  readonly signal?: AbortSignal;
}

export function loadKubeConfig(path: string): KubeConfig {
  if (!existsSync(path)) throw new Error(`kubeconfig ${path} does not exist`);
  const kubeConfig = new KubeConfig();
  try {
    kubeConfig.loadFromFile(path);
  } catch (error) {
    throw new Error(`cannot read kubeconfig ${path}: ${(error as Error).message}`);
  }
  if (!kubeConfig.getCurrentCluster()) {
    throw new Error(`kubeconfig ${path}: current-context "${kubeConfig.getCurrentContext()}" names no cluster`);
  }
  return kubeConfig;
}

/** Gives each request its own deadline, joined with the caller's cancellation. */
function deadlineMiddleware({ callTimeoutMs, signal }: KubeClientOptions): Middleware {
  return {
    pre: async (request) => {
      const timeout = AbortSignal.timeout(callTimeoutMs);
      request.setSignal(signal ? AbortSignal.any([signal, timeout]) : timeout);
      return request;
    },
    post: async (response) => response,
  };
}

export function connectKube(kubeconfigPath: string, options: KubeClientOptions): KubeClients {
  if (!(options.callTimeoutMs > 0)) throw new Error(`callTimeoutMs must be a positive number, got ${options.callTimeoutMs}`);
  const kubeConfig = loadKubeConfig(kubeconfigPath);
  const configuration = createConfiguration({
    baseServer: new ServerConfiguration(kubeConfig.getCurrentCluster()!.server, {}),
    authMethods: { default: kubeConfig },
    promiseMiddleware: [deadlineMiddleware(options)],
  });
  return {
    kubeConfig,
    objects: new ObjectApi(configuration, kubeConfig),
    core: new CoreV1Api(configuration),
    apps: new AppsV1Api(configuration),
    callTimeoutMs: options.callTimeoutMs,
    signal: options.signal,
  };
}
