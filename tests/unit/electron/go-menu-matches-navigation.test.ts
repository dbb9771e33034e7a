import { describe, expect, it } from 'vitest';
import { GO_ROUTES } from '../../../main/electron/go-routes';
import { AREAS } from '../../../renderer/app/areas';

describe('the Electron Go menu', () => {
  it('names exactly the renderer navigation areas, in the same order (so Ctrl/Cmd+N agrees in both)', () => {
    expect(GO_ROUTES.map((r) => r.route)).toEqual(AREAS.map((a) => a.path));
    expect(GO_ROUTES.map((r) => r.label.replace(' / ', '/'))).toEqual(AREAS.map((a) => a.label.replace(' / ', '/')));
  });
});
