import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import './EmptyState.css';

interface EmptyStateProps {
  icon: IconName;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  tone?: 'neutral' | 'error';
}

export const EmptyState = ({ icon, title, children, action, tone = 'neutral' }: EmptyStateProps) => (
  <div className={`empty-state empty-state--${tone}`} role={tone === 'error' ? 'alert' : undefined}>
    <div className="empty-state__badge">
      <Icon name={icon} size={28} />
    </div>
    <h2 className="empty-state__title">{title}</h2>
    {children && <div className="empty-state__text">{children}</div>}
    {action && <div className="empty-state__action">{action}</div>}
  </div>
);
