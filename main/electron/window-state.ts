// Remembered window geometry: parsing, validation and placement. Pure so it can be tested without a screen.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent on first start: the window manager places the window. */
  bounds: Partial<Pick<Rect, 'x' | 'y'>> & Pick<Rect, 'width' | 'height'>;
  maximized: boolean;
}

export const MIN_WINDOW_SIZE = { width: 900, height: 600 } as const;
export const DEFAULT_WINDOW_STATE: WindowState = { bounds: { width: 1280, height: 820 }, maximized: false };

/** How much of the window must overlap a display for the person to be able to grab it again. */
const MIN_VISIBLE = { width: 160, height: 80 } as const;
/** No display is this large; bigger numbers come from a corrupt or hand-edited file. */
const MAX_COORDINATE = 100_000;

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_COORDINATE;

/** Whatever the file holds (nothing, half a write, JSON from another version), the result is usable. */
export function parseWindowState(text: string | null | undefined): WindowState {
  if (!text) return cloneDefault();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return cloneDefault();
  }
  if (typeof raw !== 'object' || raw === null) return cloneDefault();
  const { bounds, maximized } = raw as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return cloneDefault();
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isFiniteNumber(width) || !isFiniteNumber(height) || width <= 0 || height <= 0) return cloneDefault();

  const state: WindowState = {
    bounds: { width: Math.round(width), height: Math.round(height) },
    maximized: maximized === true,
  };
  if (isFiniteNumber(x) && isFiniteNumber(y)) {
    state.bounds.x = Math.round(x);
    state.bounds.y = Math.round(y);
  }
  return state;
}

export function serializeWindowState(state: WindowState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Places the remembered window on a display that exists now (monitors get unplugged): kept where it
 * was when enough of it is visible on some display, otherwise centred on the primary one; never
 * larger than the display it ends up on, never smaller than the minimum size the layout needs.
 *
 * @param workAreas the displays' work areas (without task bars), primary first.
 */
export function clampWindowState(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return { bounds: { ...state.bounds }, maximized: state.maximized };

  const { x, y } = state.bounds;
  const home =
    x !== undefined && y !== undefined
      ? workAreas.find((area) => {
          const o = overlap({ x, y, width: state.bounds.width, height: state.bounds.height }, area);
          return o.width >= Math.min(MIN_VISIBLE.width, state.bounds.width) && o.height >= Math.min(MIN_VISIBLE.height, state.bounds.height);
        })
      : undefined;
  const area = home ?? primary;

  const width = clamp(state.bounds.width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width);
  const height = clamp(state.bounds.height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height);

  if (!home) {
    return {
      bounds: {
        x: area.x + Math.round((area.width - width) / 2),
        y: area.y + Math.round((area.height - height) / 2),
        width,
        height,
      },
      maximized: state.maximized,
    };
  }
  // Pull the window fully inside the display it is mostly on, so its title bar is reachable.
  return {
    bounds: {
      x: clamp(x as number, area.x, area.x + area.width - width),
      y: clamp(y as number, area.y, area.y + area.height - height),
      width,
      height,
    },
    maximized: state.maximized,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

function cloneDefault(): WindowState {
  return { bounds: { ...DEFAULT_WINDOW_STATE.bounds }, maximized: DEFAULT_WINDOW_STATE.maximized };
}
