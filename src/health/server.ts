// GET /healthz on HEALTH_HOST:HEALTH_PORT: 200 when ready, 503 otherwise, the report as JSON either way.
// Read by the image's HEALTHCHECK (src/health/probe.ts) and by any supervisor or load balancer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Health } from './health.js';

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export async function startHealthServer(health: Health, host: string, port: number): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url !== '/healthz' && req.url !== '/')) {
      res.writeHead(404).end();
      return;
    }
    const report = health.check();
    res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(report));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  server.unref();
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
