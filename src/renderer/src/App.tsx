import { useEffect, useRef } from 'react';
import { ConnectionBanner } from './components/ConnectionBanner';
import { GenerationAnnouncer } from './components/generations/GenerationAnnouncer';
import { GenerationsTray } from './components/generations/GenerationsTray';
import { QueuePausedBanner } from './components/generations/QueuePausedBanner';
import { Toasts } from './components/Toasts';
import { TopBar } from './components/TopBar';
import { useAppStore, useController } from './hooks/appContext';
import { APP_SHELL_ID } from './hooks/useModalLayer';
import type { Route } from './lib/route';
import { useFinishedNotice } from './hooks/useFinishedNotice';
import { useRoute } from './hooks/useRoute';
import { useTheme } from './hooks/useTheme';
import { useWindowDropGuard } from './hooks/useWindowDropGuard';
import { CreditsView } from './views/credits/CreditsView';
import { PresetsView } from './views/presets/PresetsView';
import { ProjectView } from './views/project/ProjectView';
import { ProjectsView } from './views/projects/ProjectsView';
import { SettingsView } from './views/settings/SettingsView';
import { StatsView } from './views/stats/StatsView';

const PAGE_TITLES: Partial<Record<Route['kind'], string>> = { presets: 'Presets', stats: 'Stats', credits: 'Credits', settings: 'Settings' };

const useDocumentTitle = (title: string | null | undefined): void => {
  useEffect(() => {
    document.title = title ? `${title} — Avatar Creator` : 'Avatar Creator';
  }, [title]);
};

export const App = () => {
  const controller = useController();
  const route = useRoute();
  const projectId = route.kind === 'project' ? route.projectId : null;
  const projectName = useAppStore((state) => (projectId && state.openProjectId === projectId ? state.openProject?.name : null));
  useWindowDropGuard();
  useTheme();
  useFinishedNotice();
  useDocumentTitle(projectName ?? PAGE_TITLES[route.kind] ?? null);

  useEffect(() => controller.start(), [controller]);
  const mainRef = useRef<HTMLElement>(null);
  // The link or button that navigated is gone: give focus to the new page, not to <body>.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      if (!document.activeElement || document.activeElement === document.body) mainRef.current?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [projectId]);
  useEffect(() => {
    if (projectId) controller.openProject(projectId);
    else controller.closeProject();
  }, [controller, projectId]);

  return (
    <>
      <div id={APP_SHELL_ID} className="app">
        <TopBar route={route} />
        <ConnectionBanner />
        <QueuePausedBanner />
        <main className="app__main" ref={mainRef} tabIndex={-1}>
          {route.kind === 'project' ? (
            <ProjectView key={route.projectId} projectId={route.projectId} avatarId={route.avatarId} />
          ) : route.kind === 'presets' ? (
            <PresetsView category={route.category} />
          ) : route.kind === 'stats' ? (
            <StatsView />
          ) : route.kind === 'credits' ? (
            <CreditsView />
          ) : route.kind === 'settings' ? (
            <SettingsView section={route.section} />
          ) : (
            <ProjectsView />
          )}
        </main>
        <GenerationsTray projectId={projectId} />
      </div>
      <Toasts />
      <GenerationAnnouncer />
    </>
  );
};
