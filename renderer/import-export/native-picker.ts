import { ApiError } from '../../shared/contract';
import type { PickedImportFile } from '../../shared/contract/bridge';

const bridge = typeof window !== 'undefined' ? window.axBridge : undefined;

/**
 * Electron's native open dialog, when the host offers it: the host copies the file into the core as a
 * finished upload and answers with its id, so no bytes or paths pass through the page. Null in browser
 * mode, where the HTML file input and drag-and-drop send the bytes instead.
 */
export const nativeImportPicker: (() => Promise<PickedImportFile | null>) | null = bridge?.pickImportFile
  ? async () => {
      const result = await bridge.pickImportFile!();
      if (!result.ok) throw new ApiError(result.error);
      return (result.value as PickedImportFile | null) ?? null;
    }
  : null;
