import fs from 'node:fs';
import path from 'node:path';
import { screen, type BrowserWindow } from 'electron';
import { clampWindowState, parseWindowState, serializeWindowState, type WindowState } from './window-state';

const FILE_NAME = 'window-state.json';
/** Moving or resizing fires dozens of events a second; one write after the hand stops is enough. */
const SAVE_DELAY_MS = 500;

export interface WindowStateStore {
  /** The remembered state, placed on a display that exists now. */
  readonly initial: WindowState;
  /** Follows the window's moves and saves them (debounced, and once more when it closes). */
  track(win: BrowserWindow): void;
  /** Writes a pending save now; for quit, where a timer would never fire. */
  flush(): void;
}

export function openWindowStateStore(dir: string, log: (message: string, error: unknown) => void): WindowStateStore {
  const file = path.join(dir, FILE_NAME);
  let text: string | null = null;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    // First start, or the file was removed: the defaults apply.
  }
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const initial = clampWindowState(parseWindowState(text), workAreas);

  let pending: WindowState | null = null;
  let timer: NodeJS.Timeout | null = null;

  const write = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const data = serializeWindowState(pending);
    pending = null;
    // Written beside and renamed, so a crash mid-write leaves the previous state rather than half a file.
    const temp = `${file}.tmp`;
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(temp, data);
      fs.renameSync(temp, file);
    } catch (error) {
      log('Could not save the window position', error);
    }
  };

  const capture = (win: BrowserWindow) => {
    if (win.isDestroyed() || win.isMinimized()) return;
    // Normal bounds, so that un-maximising next time returns to the size the person chose.
    const bounds = win.getNormalBounds();
    pending = { bounds, maximized: win.isMaximized() };
  };

  return {
    initial,
    track(win) {
      const schedule = () => {
        capture(win);
        if (timer) clearTimeout(timer);
        timer = setTimeout(write, SAVE_DELAY_MS);
      };
      win.on('resize', schedule);
      win.on('move', schedule);
      win.on('maximize', schedule);
      win.on('unmaximize', schedule);
      win.on('close', () => {
        capture(win);
        write();
      });
    },
    flush: write,
  };
}
