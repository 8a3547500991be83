/**
 * The part of GitHub's REST API that the artifact client uses for the artifacts of another workflow
 * run (`findBy`): "List workflow run artifacts", `GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts?name=`,
 * and "Download an artifact", `GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/zip`, which
 * answers 302 with a short-lived blob URL. Both need a token that may read Actions (`actions: read`):
 * the double knows the tokens it issued and whether they may; others get 401, as GitHub answers.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ArtifactService } from './artifact-service.js';

export interface ApiTokenGrant {
  /** `permissions: actions: read` (or write) in the workflow. */
  actionsRead: boolean;
}

const DOCS = 'https://docs.github.com/rest';

export class RestApi {
  private readonly tokens = new Map<string, ApiTokenGrant>();

  constructor(
    private readonly repository: string,
    private readonly artifacts: ArtifactService,
    /** The backend id of a workflow run of the repository, by its run id. */
    private readonly runBackendId: (runId: number) => string | undefined,
  ) {}

  /** A GITHUB_TOKEN as a job with these permissions gets it (`ghs_…`). */
  issue(grant: ApiTokenGrant): string {
    const token = `ghs_${randomBytes(18).toString('base64url')}`;
    this.tokens.set(token, grant);
    return token;
  }

  handles(path: string): boolean {
    return path.startsWith('/repos/');
  }

  serve(method: string, url: URL, authorization: string | undefined, res: ServerResponse): void {
    const token = /^(?:token|Bearer) (\S+)$/i.exec(authorization ?? '')?.[1];
    const grant = token === undefined ? undefined : this.tokens.get(token);
    if (grant === undefined) return json(res, 401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
    const list = /^\/repos\/([^/]+\/[^/]+)\/actions\/runs\/(\d+)\/artifacts$/.exec(url.pathname);
    const zip = /^\/repos\/([^/]+\/[^/]+)\/actions\/artifacts\/(\d+)\/zip$/.exec(url.pathname);
    const repository = (list ?? zip)?.[1];
    if (method !== 'GET' || repository === undefined || repository.toLowerCase() !== this.repository.toLowerCase()) {
      return json(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
    }
    if (!grant.actionsRead) return json(res, 403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' });
    if (list) {
      const runId = Number(list[2]);
      const backendId = this.runBackendId(runId);
      if (backendId === undefined) return json(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      const name = url.searchParams.get('name');
      const found = this.artifacts.artifacts().filter((a) => a.finalized && a.workflowRunBackendId === backendId && (name === null || a.name === name));
      return json(res, 200, {
        total_count: found.length,
        artifacts: found.map((a) => ({
          id: a.id,
          name: a.name,
          size_in_bytes: a.size,
          url: `${url.origin}/repos/${this.repository}/actions/artifacts/${a.id}`,
          archive_download_url: `${url.origin}/repos/${this.repository}/actions/artifacts/${a.id}/zip`,
          expired: false,
          digest: a.digest ?? null,
          created_at: a.createdAt.toISOString(),
          expires_at: a.expiresAt?.toISOString() ?? null,
          workflow_run: { id: runId },
        })),
      });
    }
    const location = this.artifacts.downloadUrl(Number(zip![2]));
    if (location === undefined) return json(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
    res.writeHead(302, { location, 'content-length': '0' });
    res.end();
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}
