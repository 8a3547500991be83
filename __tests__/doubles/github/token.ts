/**
 * The runtime token the runner gives a job (ACTIONS_RUNTIME_TOKEN): a JWT whose `scp` claim names
 * the run and job backend ids (`Actions.Results:<run>:<job>`) and whose `ac` claim lists the cache
 * scopes (git refs) the job may read (Permission 1) or read and write (Permission 3). The toolkit
 * clients only decode it; the double issues unsigned tokens and recognises only those it issued.
 */
import { randomBytes, randomUUID } from 'node:crypto';

export const READ = 1;
export const WRITE = 2;

export interface CacheScope {
  Scope: string;
  Permission: number;
}

export interface JobClaims {
  runBackendId: string;
  jobBackendId: string;
  cacheScopes: CacheScope[];
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export class TokenIssuer {
  private readonly issued = new Map<string, JobClaims>();

  issue(claims: JobClaims): string {
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      nameid: randomUUID(),
      scp: [
        `Actions.GenericRead:${randomUUID()}`,
        `Actions.Results:${claims.runBackendId}:${claims.jobBackendId}`,
        `Actions.UploadArtifacts:${randomUUID()}/1:${claims.jobBackendId}`,
      ].join(' '),
      IdentityTypeClaim: 'System:ServiceIdentity',
      ac: JSON.stringify(claims.cacheScopes),
      acsl: '10',
      iss: 'vstoken.actions.githubusercontent.com',
      aud: 'vstoken.actions.githubusercontent.com',
      nbf: now,
      exp: now + 6 * 3600,
      // Two jobs with equal claims still get different tokens.
      jti: randomBytes(8).toString('hex'),
    };
    const token = `${base64url({ typ: 'JWT', alg: 'none' })}.${base64url(payload)}.`;
    this.issued.set(token, claims);
    return token;
  }

  /** The claims of a `Bearer` authorization header, or undefined when the token is not one of ours. */
  verify(authorization: string | undefined): JobClaims | undefined {
    const match = /^Bearer (\S+)$/.exec(authorization ?? '');
    return match ? this.issued.get(match[1]) : undefined;
  }
}
