import type { ActionStatus, DueState } from '../../shared/contract';
import type { ActionLevel } from '../../shared/domain/metrics-types';

export const LEVEL_NAMES: Record<ActionLevel, string> = { frontline: 'Frontline', management: 'Management', executive: 'Executive' };
export const STATUS_NAMES: Record<ActionStatus, string> = { open: 'Open', contacted: 'Contacted', closed: 'Closed' };
export const DUE_NAMES: Record<DueState, string> = { overdue: 'Overdue', due_soon: 'Due soon', on_track: 'On track', closed: 'Closed' };
export const DUE_TONES: Record<DueState, string> = { overdue: 'badge--danger', due_soon: 'badge--warning', on_track: 'badge--success', closed: '' };
