import type { ImportRecord } from '../../shared/contract/workbook';
import { api } from '../api';
import { showToast } from '../state/toast-store';

/** Undoes a whole import; the core refuses (changing nothing) when its rows were edited since, and says so. */
export async function undoImport(importId: string): Promise<ImportRecord | null> {
  try {
    const record = await api.workbook.undo({ importId });
    showToast(`Import of ${record.fileName} undone`, 'success');
    return record;
  } catch (err) {
    showToast(`Could not undo the import: ${err instanceof Error ? err.message : String(err)}`, 'error');
    return null;
  }
}
