import os from 'node:os';
import path from 'node:path';

/** Where browser mode keeps app state when no --data-dir is given: the same place Electron's userData would be. */
export function defaultDataDir(): string {
  if (process.env.AX_DATA_DIR) return path.resolve(process.env.AX_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'AX Workbench');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'AX Workbench');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'AX Workbench');
}
