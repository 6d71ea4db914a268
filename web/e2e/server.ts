// Starts `playground serve` for the end-to-end suite: the embedded default (SQLite, in-process queue and bus, the
// simulator) in a temporary directory, on a free port, with the built client from web/dist.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const REPO = resolve(import.meta.dirname, "..", "..");

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export interface Served {
  url: string;
  /** Stop the server (SIGTERM, as an orchestrator would) and wait for it to exit. */
  stop(): Promise<void>;
  /** Start it again on the same port and data. */
  restart(): Promise<void>;
  /** Everything it logged, for failure messages. */
  log(): string;
  cleanup(): void;
}

export async function startServer(env: Record<string, string> = {}): Promise<Served> {
  const playground = process.env.PLAYGROUND_BIN ?? join(REPO, ".venv", "bin", "playground");
  if (!existsSync(playground)) throw new Error(`${playground} is missing: run scripts/test (or scripts/serve) once to install the API`);
  if (!existsSync(join(REPO, "web", "dist", "index.html"))) throw new Error("web/dist is missing: run `npm run build` in web/ first");
  const dir = mkdtempSync(join(tmpdir(), "playground-e2e-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  let child: ChildProcess | null = null;

  const launch = async () => {
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !["DATABASE_URL", "REDIS_URL", "JWT_SECRET", "JWT_JWKS_URL", "SEEDREAM_PROVIDER", "SEEDREAM_BASE_URL", "PLAYGROUND_ENV"].includes(key)),
    );
    child = spawn(playground, ["serve", "--host", "127.0.0.1", "--port", String(port)], {
      cwd: dir,
      env: { ...clean, PLAYGROUND_VAR_DIR: join(dir, "var"), LOG_LEVEL: "WARNING", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<never>((_, fail) => child?.once("exit", (code) => fail(new Error(`playground serve exited (${code}):\n${output}`))));
    await Promise.race([waitForHealth(url), exited]);
  };

  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((done) => running.once("exit", () => done()));
    running.kill("SIGTERM");
    await exited;
  };

  await launch();
  return {
    url,
    stop,
    restart: launch,
    log: () => output,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Poll /healthz until the server answers (a condition, not a fixed sleep); give up after a minute. */
async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become healthy`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
