import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { CoreHost } from '../core/core-host';
import { BRIDGE_CHANNELS, type BridgeResult } from '../../shared/contract/bridge';
import { FORBIDDEN, failureOf, invalidMethod } from './ipc-result';
import { isAppUrl } from './security-policy';
import { isOurWebContents, openWindows } from './windows';

type Log = (message: string, error: unknown) => void;

/**
 * Only the top frame of one of our windows, showing our own bundle, may call. A frame or a page
 * that got loaded some other way (a bug, a compromised link) is refused before the core sees it.
 */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.isDestroyed()) return false;
  return frame.parent === null && isAppUrl(frame.url) && isOurWebContents(event.sender);
}

/** Wires the renderer to the core: calls in on 'ax:call', events out on 'ax:event' to every window. */
export function connectBridge(core: CoreHost, log: Log): () => void {
  ipcMain.handle(BRIDGE_CHANNELS.call, async (event, method: unknown, input: unknown): Promise<BridgeResult> => {
    if (!isTrustedSender(event)) {
      log('Refused a bridge call from an untrusted sender', event.senderFrame?.url ?? '(no frame)');
      return { ok: false, error: FORBIDDEN };
    }
    if (typeof method !== 'string') return invalidMethod();
    try {
      await core.ready;
      return { ok: true, value: await core.call(method, input) };
    } catch (error) {
      return failureOf(error, log);
    }
  });

  const stopEvents = core.onEvent((coreEvent) => {
    for (const win of openWindows()) {
      if (!win.webContents.isDestroyed()) win.webContents.send(BRIDGE_CHANNELS.event, coreEvent);
    }
  });

  return () => {
    ipcMain.removeHandler(BRIDGE_CHANNELS.call);
    stopEvents();
  };
}
