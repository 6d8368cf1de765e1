import { useMemo } from 'react';
import type { Generation } from '../../../../shared/domain';
import { useAppStore } from '../../hooks/appContext';
import { isShown, trayOrder } from '../../lib/generations';

export const TRAY_SCOPES = ['project', 'all'] as const;
export type TrayScope = (typeof TRAY_SCOPES)[number];

/** The tray's jobs in the order they show: one project's or everyone's, cleared ones left out. */
export const useTrayJobs = (projectId: string | null, scope: TrayScope): Generation[] => {
  const generations = useAppStore((state) => state.generations);
  const clearedBefore = useAppStore((state) => state.clearedBefore);
  return useMemo(
    () =>
      Object.values(generations)
        .filter((generation) => isShown(generation, clearedBefore) && (scope === 'all' || !projectId || generation.projectId === projectId))
        .sort(trayOrder),
    [clearedBefore, generations, projectId, scope],
  );
};

/** Project names by id, for rows in the "all projects" view. */
export const useProjectNames = (): ReadonlyMap<string, string> => {
  const projects = useAppStore((state) => state.projects);
  return useMemo(() => new Map(projects.map((project) => [project.id, project.name])), [projects]);
};
