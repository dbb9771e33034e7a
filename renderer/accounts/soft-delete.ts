import { api } from '../api';
import { useToasts } from '../state/toast-store';

/** Deleting is a soft delete: the toast offers Undo (and Ctrl/Cmd+Z) while it shows. */
export async function deleteAccountWithUndo(account: { id: string; name: string }, onRestored?: () => void): Promise<void> {
  await api.accounts.delete({ id: account.id });
  useToasts.getState().show({
    message: `Deleted ${account.name}`,
    tone: 'neutral',
    undo: async () => {
      await api.accounts.restore({ id: account.id });
      useToasts.getState().show({ message: `Restored ${account.name}`, tone: 'success' });
      onRestored?.();
    },
  });
}

export async function deleteContactWithUndo(contact: { id: string; name: string }): Promise<void> {
  await api.contacts.delete({ id: contact.id });
  useToasts.getState().show({
    message: `Removed ${contact.name}`,
    tone: 'neutral',
    undo: async () => {
      await api.contacts.restore({ id: contact.id });
      useToasts.getState().show({ message: `Restored ${contact.name}`, tone: 'success' });
    },
  });
}
