import { useMemo } from 'react';
import type { TaggingVocabulary, VocabularyTouchpoint } from '../../shared/contract';
import { api } from '../api';
import { useQuery } from '../app/use-query';

const EMPTY: TaggingVocabulary = { drivers: [], touchpoints: [] };

export interface Vocabulary extends TaggingVocabulary {
  driverName(id: string): string;
  touchpointName(id: string): string;
}

/** The workspace's drivers and touchpoints, with name look-ups; empty lists until loaded. */
export function useVocabulary(): Vocabulary {
  const query = useQuery(() => api.guides.vocabulary(), []);
  const data = query.data ?? EMPTY;
  return useMemo(() => {
    const drivers = new Map(data.drivers.map((d) => [d.id, d.name]));
    const touchpoints = new Map(data.touchpoints.map((t) => [t.id, t.name]));
    return {
      ...data,
      driverName: (id) => drivers.get(id) ?? 'Removed driver',
      touchpointName: (id) => touchpoints.get(id) ?? 'Removed touchpoint',
    };
  }, [data]);
}

/** "Onboard · Kickoff": where a touchpoint sits, for pickers. */
export function touchpointLabel(t: VocabularyTouchpoint): string {
  return t.stageName ? `${t.stageName} · ${t.name}` : t.name;
}
