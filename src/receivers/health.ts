import type { IncomingMessage, ServerResponse } from 'node:http';

export type HealthCheck = () => Promise<{ ok: boolean; [detail: string]: unknown }>;

/** `GET /healthz`: 200 with JSON when the bot and its database are up, 503 otherwise. */
export function healthHandler(check: HealthCheck) {
  return (_req: IncomingMessage, res: ServerResponse): void => {
    void check()
      .catch((error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }))
      .then((result) => {
        res.writeHead(result.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        const { ok, ...details } = result;
        res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', ...details }));
      });
  };
}
