import { create } from 'zustand';

export interface Toast {
  id: number;
  message: string;
  tone: 'neutral' | 'success' | 'error';
  /** An undo offer: the button runs it, and so does Ctrl/Cmd+Z while the toast shows. */
  undo?: () => Promise<unknown> | void;
}

interface ToastState {
  toasts: Toast[];
  show(toast: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
}

const TOAST_MS = 5000;
/** Long enough to notice a mistake and reach for the button. */
const UNDO_TOAST_MS = 10000;

let nextId = 1;

export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  show(toast) {
    const id = nextId++;
    // Only the latest undo stays offered: Ctrl/Cmd+Z must never undo something the person no longer sees.
    set((s) => ({ toasts: [...s.toasts.filter((t) => !(toast.undo && t.undo)).slice(-2), { ...toast, id }] }));
    setTimeout(() => get().dismiss(id), toast.undo ? UNDO_TOAST_MS : TOAST_MS);
    return id;
  },
  dismiss(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
}));

export function showToast(message: string, tone: Toast['tone'] = 'neutral'): void {
  useToasts.getState().show({ message, tone });
}

/** The most recent undo still on screen, if any. */
export function latestUndoToast(): Toast | undefined {
  return [...useToasts.getState().toasts].reverse().find((t) => t.undo);
}
