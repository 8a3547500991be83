/** Turns what client-node throws into messages that say what the API server answered. */
import { ApiException } from '@kubernetes/client-node';

interface StatusCause {
  field?: string;
  message?: string;
}

interface Status {
  message?: string;
  reason?: string;
  code?: number;
  details?: { causes?: StatusCause[] };
}

function parseStatus(body: unknown): Status | undefined {
  if (body && typeof body === 'object') return body as Status;
  if (typeof body !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' ? (parsed as Status) : undefined;
  } catch {
    return undefined;
  }
}

function httpStatusOf(error: unknown): number | undefined {
  return error instanceof ApiException ? error.code : undefined;
}

export function isNotFound(error: unknown): boolean {
  return httpStatusOf(error) === 404;
}

/** Whether the API refused an update for changing `field`, which cannot change once the object exists. */
export function isImmutableFieldChange(error: unknown, field: string): boolean {
  if (!(error instanceof ApiException) || error.code !== 422) return false;
  const causes = parseStatus(error.body)?.details?.causes ?? [];
  return causes.some((cause) => cause.field === field && /field is immutable/.test(cause.message ?? ''));
}

/** One line: the API's Status message and reason, or what went wrong on the way to the API. */
export function describeKubeError(error: unknown, callTimeoutMs?: number): string {
  if (error instanceof ApiException) {
    const status = parseStatus(error.body);
    if (status?.message) return `${status.message} (${status.reason ?? 'HTTP'} ${error.code})`;
    const raw = typeof error.body === 'string' ? error.body.trim().slice(0, 300) : '';
    return `HTTP ${error.code}${raw ? `: ${raw}` : ''}`;
  }
  if (error instanceof Error || error instanceof DOMException) {
    if (error.name === 'TimeoutError') {
      return `the Kubernetes API did not answer${callTimeoutMs ? ` within ${callTimeoutMs / 1000} s` : ' in time'}`;
    }
    if (error.name === 'AbortError') return 'cancelled';
    const cause = (error as Error).cause as { message?: unknown } | undefined;
    // undici's network errors; client-node may have prefixed the message with what it was fetching.
    if (error.message.endsWith('fetch failed') && typeof cause?.message === 'string') {
      return `cannot reach the Kubernetes API: ${cause.message}`;
    }
    return error.message;
  }
  return String(error);
}
