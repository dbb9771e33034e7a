import path from 'node:path';
import { app, dialog, ipcMain, type BrowserWindow } from 'electron';
import type { CoreHost } from '../core/core-host';
import { BRIDGE_CHANNELS, type BridgeResult, type PickedImportFile } from '../../shared/contract/bridge';
import { FORBIDDEN, failureOf } from './ipc-result';
import { isTrustedSender } from './bridge-ipc';
import { openWindows } from './windows';

type Log = (message: string, error: unknown) => void;

/** What the import dialog offers; the core sniffs the bytes anyway, so this only narrows the list. */
export const IMPORT_FILE_FILTERS: Electron.FileFilter[] = [
  { name: 'Spreadsheets', extensions: ['xlsx', 'xlsm', 'ods', 'csv', 'tsv', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];

/**
 * 'ax:pick-import-file': the native open dialog for an import, as a sheet of the asking window. The
 * chosen file is copied into the core as a completed upload (InternalOp 'uploadFromPath'), so the
 * page gets an upload id and a name, never a path, and never has to read the bytes itself.
 */
export function connectImportPicker(core: CoreHost, log: Log): () => void {
  ipcMain.handle(BRIDGE_CHANNELS.pickImportFile, async (event): Promise<BridgeResult> => {
    if (!isTrustedSender(event)) {
      log('Refused an import dialog request from an untrusted sender', event.senderFrame?.url ?? '(no frame)');
      return { ok: false, error: FORBIDDEN };
    }
    try {
      const win = openWindows().find((w) => w.webContents === event.sender);
      const options: Electron.OpenDialogOptions = { title: 'Import a workbook', defaultPath: app.getPath('documents'), filters: IMPORT_FILE_FILTERS, properties: ['openFile'] };
      const result = await (win ? dialog.showOpenDialog(win as BrowserWindow, options) : dialog.showOpenDialog(options));
      const file = result.filePaths[0];
      if (result.canceled || !file) return { ok: true, value: null };
      await core.ready;
      const upload = (await core.internal({ op: 'uploadFromPath', path: file })) as { uploadId: string; receivedBytes: number };
      const picked: PickedImportFile = { uploadId: upload.uploadId, fileName: path.basename(file), sizeBytes: upload.receivedBytes };
      return { ok: true, value: picked };
    } catch (error) {
      return failureOf(error, log);
    }
  });
  return () => ipcMain.removeHandler(BRIDGE_CHANNELS.pickImportFile);
}
