/** JSON merge patch (RFC 7386) and JSON patch (RFC 6902), enough for the requests the client sends. */
import { ApiError } from './status.js';

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw invalidPatch(`invalid JSON pointer "${path}"`);
  return path.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function invalidPatch(message: string): ApiError {
  return new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request: ${message}`);
}

interface Operation { op: string; path: string; value?: Json; from?: string }

export function jsonPatch(doc: Json, operations: Json): Json {
  if (!Array.isArray(operations)) throw invalidPatch('a JSON patch must be an array of operations');
  let root = structuredClone(doc);
  for (const operation of operations as Operation[]) {
    const parts = pointer(operation.path);
    if (parts.length === 0) {
      if (operation.op === 'remove') throw invalidPatch('cannot remove the document root');
      root = structuredClone(operation.value);
      continue;
    }
    const parent = parts.slice(0, -1).reduce<Json>((node, key) => {
      if (!isObject(node) && !Array.isArray(node)) throw invalidPatch(`path "${operation.path}" does not exist`);
      return (node as Record<string, Json>)[key];
    }, root);
    const key = parts[parts.length - 1];
    if (!isObject(parent) && !Array.isArray(parent)) throw invalidPatch(`path "${operation.path}" does not exist`);
    applyOperation(parent, key, operation);
  }
  return root;
}

function applyOperation(parent: Record<string, Json> | Json[], key: string, operation: Operation): void {
  const exists = Array.isArray(parent) ? Number(key) < parent.length : key in parent;
  switch (operation.op) {
    case 'add':
      if (Array.isArray(parent)) parent.splice(key === '-' ? parent.length : Number(key), 0, operation.value);
      else parent[key] = operation.value;
      return;
    case 'replace':
      if (!exists) throw invalidPatch(`replace operation does not apply: doc is missing key: ${operation.path}`);
      (parent as Record<string, Json>)[key] = operation.value;
      return;
    case 'remove':
      if (!exists) throw invalidPatch(`remove operation does not apply: doc is missing path: ${operation.path}`);
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      return;
    case 'test':
      if (JSON.stringify((parent as Record<string, Json>)[key]) !== JSON.stringify(operation.value)) {
        throw invalidPatch(`testing value ${operation.path} failed`);
      }
      return;
    default:
      throw invalidPatch(`unsupported JSON patch operation "${operation.op}"`);
  }
}
