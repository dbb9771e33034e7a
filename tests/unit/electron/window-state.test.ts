import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  MIN_WINDOW_SIZE,
  clampWindowState,
  parseWindowState,
  serializeWindowState,
  type Rect,
  type WindowState,
} from '../../../main/electron/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor: Rect = { x: 1440, y: 0, width: 2560, height: 1400 };

const state = (bounds: WindowState['bounds'], maximized = false): WindowState => ({ bounds, maximized });

function isInside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

describe('parseWindowState', () => {
  it('round-trips what it writes', () => {
    const saved = state({ x: 10, y: 20, width: 1300, height: 900 }, true);
    expect(parseWindowState(serializeWindowState(saved))).toEqual(saved);
  });

  it.each([null, undefined, '', '{', 'null', '42', '"text"', '[]', '{"bounds":null}', '{"bounds":{"width":"wide","height":500}}', '\u0000\u0000'])(
    'falls back to the defaults for %j',
    (text) => {
      expect(parseWindowState(text)).toEqual(DEFAULT_WINDOW_STATE);
    },
  );

  it('rejects sizes that are not positive finite numbers', () => {
    expect(parseWindowState('{"bounds":{"width":-5,"height":500}}')).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('{"bounds":{"width":1e308,"height":500}}')).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps the size but drops a position that is not usable', () => {
    expect(parseWindowState('{"bounds":{"x":"a","y":3,"width":1000,"height":700}}')).toEqual(state({ width: 1000, height: 700 }));
  });

  it('reads maximized only when it is literally true', () => {
    expect(parseWindowState('{"bounds":{"width":1000,"height":700},"maximized":"yes"}').maximized).toBe(false);
    expect(parseWindowState('{"bounds":{"width":1000,"height":700},"maximized":true}').maximized).toBe(true);
  });
});

describe('clampWindowState', () => {
  it('keeps a window that is visible where it was', () => {
    const saved = state({ x: 1600, y: 100, width: 1200, height: 800 }, true);
    expect(clampWindowState(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('moves a window from an unplugged monitor onto the primary display, centred', () => {
    const clamped = clampWindowState(state({ x: 1600, y: 100, width: 1200, height: 800 }), [laptop]);
    expect(isInside(clamped.bounds as Rect, laptop)).toBe(true);
    expect(clamped.bounds).toEqual({ x: 120, y: 38, width: 1200, height: 800 });
  });

  it('rescues a window far off screen', () => {
    const clamped = clampWindowState(state({ x: -30000, y: 99000, width: 1000, height: 700 }), [laptop, rightMonitor]);
    expect(isInside(clamped.bounds as Rect, laptop)).toBe(true);
  });

  it('rescues a window with only a sliver visible', () => {
    const clamped = clampWindowState(state({ x: 1400, y: 300, width: 1000, height: 700 }), [laptop]);
    expect(isInside(clamped.bounds as Rect, laptop)).toBe(true);
  });

  it('pulls a partly visible window fully onto its display', () => {
    const clamped = clampWindowState(state({ x: -200, y: -50, width: 1000, height: 700 }), [laptop]);
    expect(clamped.bounds).toEqual({ x: 0, y: 0, width: 1000, height: 700 });
  });

  it('shrinks a window larger than the display', () => {
    const clamped = clampWindowState(state({ x: 0, y: 0, width: 4000, height: 3000 }), [laptop]);
    expect(clamped.bounds).toEqual({ x: 0, y: 0, width: laptop.width, height: laptop.height });
  });

  it('grows a window below the minimum size when the display allows', () => {
    const clamped = clampWindowState(state({ x: 10, y: 10, width: 200, height: 100 }), [laptop]);
    expect(clamped.bounds.width).toBe(MIN_WINDOW_SIZE.width);
    expect(clamped.bounds.height).toBe(MIN_WINDOW_SIZE.height);
  });

  it('fits a display smaller than the minimum size', () => {
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 480 };
    const clamped = clampWindowState(state({ width: 1280, height: 820 }), [tiny]);
    expect(isInside(clamped.bounds as Rect, tiny)).toBe(true);
  });

  it('places a first-start window on the primary display', () => {
    const clamped = clampWindowState(DEFAULT_WINDOW_STATE, [rightMonitor, laptop]);
    expect(isInside(clamped.bounds as Rect, rightMonitor)).toBe(true);
  });

  it('handles displays at negative coordinates', () => {
    const left: Rect = { x: -1920, y: 0, width: 1920, height: 1040 };
    const saved = state({ x: -1800, y: 50, width: 1200, height: 800 });
    expect(clampWindowState(saved, [laptop, left])).toEqual(saved);
  });

  it('leaves the state alone when no display is known', () => {
    const saved = state({ x: 5, y: 5, width: 1000, height: 700 });
    expect(clampWindowState(saved, [])).toEqual(saved);
  });
});
