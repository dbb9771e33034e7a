/**
 * Who is interviewing on this computer: remembered between sessions so a consultant types it once. It is a
 * convenience default (prefilled, editable), not an identity; nothing relies on it.
 */
const KEY = 'ax.interviewer';

export function rememberedInterviewer(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberInterviewer(name: string): void {
  try {
    if (name.trim()) localStorage.setItem(KEY, name.trim());
  } catch {
    // Storage can be unavailable (private mode); the name is simply not remembered.
  }
}
