import { useAppStore } from '../hooks/appContext';
import type { Route } from '../lib/route';
import { SyncIndicator } from '../views/sync/SyncIndicator';
import { Icon } from './Icon';
import { LibrarySearch } from './search/LibrarySearch';
import './TopBar.css';

const LogoMark = () => (
  <svg className="topbar__logo" width="26" height="26" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="9" className="topbar__logo-bg" />
    <circle cx="16" cy="13" r="5" className="topbar__logo-fg" />
    <path d="M7.5 26c1.6-4.4 4.8-6.6 8.5-6.6s6.9 2.2 8.5 6.6" className="topbar__logo-fg" />
  </svg>
);

const SECTIONS = [
  { kind: 'projects', label: 'Projects', href: '#/' },
  { kind: 'presets', label: 'Presets', href: '#/presets' },
  { kind: 'stats', label: 'Stats', href: '#/stats' },
  { kind: 'credits', label: 'Credits', href: '#/credits' },
  { kind: 'settings', label: 'Settings', href: '#/settings' },
] as const;

/** The section a route belongs to: an open project is inside Projects. */
const sectionOf = (route: Route): (typeof SECTIONS)[number]['kind'] => (route.kind === 'project' ? 'projects' : route.kind);

export const TopBar = ({ route }: { route: Route }) => {
  const projectName = useAppStore((state) => (route.kind === 'project' && state.openProjectId === route.projectId ? state.openProject?.name : null));
  const section = sectionOf(route);
  return (
    <header className="topbar">
      <a className="topbar__brand" href="#/">
        <LogoMark />
        <span>Avatar Creator</span>
      </a>
      <nav className="topbar__nav" aria-label="Main">
        <ul>
          {SECTIONS.map((entry) => (
            <li key={entry.kind} className={`topbar__section${section === entry.kind ? ' topbar__section--active' : ''}`}>
              {/* Inside a project, "Projects" is its parent (a link back), and the project is the current page. */}
              <a href={entry.href} className="topbar__link" aria-current={route.kind === entry.kind ? 'page' : undefined}>
                {entry.label}
              </a>
              {entry.kind === 'projects' && route.kind === 'project' && (
                <>
                  <Icon name="chevron" size={14} />
                  <span aria-current="page" className="topbar__crumb-current">
                    {projectName ?? '…'}
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <LibrarySearch />
      <SyncIndicator />
    </header>
  );
};
