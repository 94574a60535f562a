// The image's HEALTHCHECK: `node dist/src/health/probe.js` asks the running bot's /healthz and exits 0
// when ready, 1 otherwise, printing the report (Docker keeps it in `docker inspect` .State.Health).
import { loadConfig } from '../config.js';

const PROBE_TIMEOUT_MS = 2_000;

async function probe(): Promise<number> {
  const { host, port } = loadConfig().health;
  if (!port) {
    process.stdout.write('HEALTH_PORT is 0: the health endpoint is off\n');
    return 1;
  }
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/healthz`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    process.stdout.write(`${res.status} ${await res.text()}\n`);
    return res.status === 200 ? 0 : 1;
  } catch (err) {
    process.stdout.write(`${url}: ${(err as Error).message}\n`);
    return 1;
  }
}

void probe().then((code) => process.exit(code));
