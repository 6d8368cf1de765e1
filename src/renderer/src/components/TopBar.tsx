import { useAppStore } from '../hooks/appContext';
import type { Route } from '../lib/route';
import { Icon } from './Icon';
import './TopBar.css';

const LogoMark = () => (
  <svg className="topbar__logo" width="26" height="26" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="9" className="topbar__logo-bg" />
    <circle cx="16" cy="13" r="5" className="topbar__logo-fg" />
    <path d="M7.5 26c1.6-4.4 4.8-6.6 8.5-6.6s6.9 2.2 8.5 6.6" className="topbar__logo-fg" />
  </svg>
);

export const TopBar = ({ route }: { route: Route }) => {
  const projectName = useAppStore((state) => (route.kind === 'project' && state.openProjectId === route.projectId ? state.openProject?.name : null));
  return (
    <header className="topbar">
      <a className="topbar__brand" href="#/">
        <LogoMark />
        <span>Avatar Creator</span>
      </a>
      <nav className="topbar__crumbs" aria-label="Breadcrumb">
        <ol>
          <li>
            {route.kind === 'projects' ? (
              <span aria-current="page">Projects</span>
            ) : (
              <a href="#/" className="topbar__crumb-link">
                Projects
              </a>
            )}
          </li>
          {route.kind === 'project' && (
            <li>
              <Icon name="chevron" size={14} />
              <span aria-current="page" className="topbar__crumb-current">
                {projectName ?? '…'}
              </span>
            </li>
          )}
        </ol>
      </nav>
    </header>
  );
};
