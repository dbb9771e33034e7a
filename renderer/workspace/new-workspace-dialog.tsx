import { Dialog } from '../components/dialog';
import { NewWorkspaceForm } from './new-workspace-form';

export function NewWorkspaceDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="New workspace" description="A workspace is one file on this computer, usually one per client or engagement." onClose={onClose}>
      <NewWorkspaceForm onCreated={onClose} onCancel={onClose} autoFocusName />
    </Dialog>
  );
}
