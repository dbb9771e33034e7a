import fs from 'node:fs';
import path from 'node:path';
import { startCore } from './core/core-host';
import { startBrowserServer } from './serve';
import { parseServeArgs, SERVE_USAGE } from './browser-mode/cli-args';
import { defaultDataDir } from './browser-mode/data-dir';

/** `npm run serve`: the workbench in any browser, on 127.0.0.1, with a per-launch token. */
async function main(): Promise<void> {
  let args;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  if (args.help) {
    console.log(SERVE_USAGE);
    return;
  }
  const dataDir = path.resolve(args.dataDir ?? defaultDataDir());
  fs.mkdirSync(dataDir, { recursive: true });
  const core = startCore({ dataDir, workspacePath: args.workspace, demoOnFirstStart: args.demo });
  await core.ready;
  const server = await startBrowserServer({ core, staticDir: path.join(__dirname, '..', 'renderer'), port: args.port });

  // Power users script the workbench with this file: it holds the URL and the token of the running instance.
  const infoFile = path.join(dataDir, 'browser-mode.json');
  fs.writeFileSync(infoFile, JSON.stringify({ url: `http://127.0.0.1:${server.port}`, port: server.port, token: server.token, pid: process.pid }, null, 2), { mode: 0o600 });

  console.log(`AX Workbench is running in browser mode. Open: ${server.url}`);
  console.log(`API token and URL for scripts: ${infoFile}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await core.close();
    fs.rmSync(infoFile, { force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(`AX Workbench could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
