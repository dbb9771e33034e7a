export interface ServeArgs {
  workspace?: string;
  port: number;
  dataDir?: string;
  demo: boolean;
  help: boolean;
}

export const SERVE_USAGE = `Usage: npm run serve -- [--workspace FILE.axw] [--port N] [--data-dir DIR] [--no-demo]
  --workspace FILE  open (or create) this workspace file instead of the last one used
  --port N          listen on 127.0.0.1:N (default 4870; 0 picks a free port)
  --data-dir DIR    where recent workspaces, backups and the demo live
  --no-demo         do not create the demo workspace on first start`;

export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const args: ServeArgs = { port: 4870, demo: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value.\n${SERVE_USAGE}`);
      return next;
    };
    switch (flag) {
      case '--workspace':
        args.workspace = value();
        break;
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535.`);
        args.port = port;
        break;
      }
      case '--data-dir':
        args.dataDir = value();
        break;
      case '--no-demo':
        args.demo = false;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new Error(`Unknown option ${flag}.\n${SERVE_USAGE}`);
    }
  }
  return args;
}
