/**
 * Twirp over JSON, as the results service speaks it: `POST /twirp/<package.Service>/<Method>`,
 * protobuf field names in snake_case, int64 as strings, and errors as `{ "code", "msg" }` with
 * the HTTP status of the code.
 */
import type { ServerResponse } from 'node:http';
import type { JobClaims } from './token.js';

const STATUS_OF_CODE = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  failed_precondition: 412,
  resource_exhausted: 429,
  internal: 500,
  unimplemented: 501,
  unavailable: 503,
  deadline_exceeded: 504,
} as const;

export type TwirpCode = keyof typeof STATUS_OF_CODE;

export class TwirpError extends Error {
  constructor(
    readonly code: TwirpCode,
    message: string,
    readonly status: number = STATUS_OF_CODE[code],
  ) {
    super(message);
  }

  /** The error a gateway or the service answers with this HTTP status (for injected failures). */
  static forStatus(status: number): TwirpError {
    const code = (Object.keys(STATUS_OF_CODE) as TwirpCode[]).find((c) => STATUS_OF_CODE[c] === status) ?? 'internal';
    return new TwirpError(code, `injected failure (HTTP ${status})`, status);
  }
}

/** A service method: the decoded JSON request and the caller's token claims in, the JSON response out. */
export type TwirpMethod = (request: Record<string, unknown>, claims: JobClaims) => Record<string, unknown>;

export function writeTwirp(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function writeTwirpError(res: ServerResponse, error: TwirpError): void {
  writeTwirp(res, error.status, { code: error.code, msg: error.message });
}

export function stringField(request: Record<string, unknown>, name: string): string {
  const value = request[name];
  return typeof value === 'string' ? value : '';
}

/** An int64 field: protobuf JSON writes it as a string (numbers are accepted too). */
export function int64Field(request: Record<string, unknown>, name: string): number | undefined {
  const value = request[name];
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}
