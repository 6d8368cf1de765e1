import { useId, useState, type ReactNode } from 'react';
import { Icon } from './Icon';
import './Disclosure.css';

interface DisclosureProps {
  title: ReactNode;
  /** Shown next to the title while closed: what is inside at a glance. */
  summary?: ReactNode;
  defaultOpen?: boolean;
  /** Held open while true (say, while a field inside has an error). */
  forceOpen?: boolean;
  children: ReactNode;
}

/** A section that opens and closes from its heading button (aria-expanded, aria-controls). */
export const Disclosure = ({ title, summary, defaultOpen = false, forceOpen = false, children }: DisclosureProps) => {
  const [chosen, setOpen] = useState(defaultOpen);
  const open = chosen || forceOpen;
  const panelId = useId();
  return (
    <div className={`disclosure${open ? ' disclosure--open' : ''}`}>
      <button type="button" className="disclosure__toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <Icon name="chevron" size={14} />
        <span className="disclosure__title">{title}</span>
        {!open && summary && <span className="disclosure__summary">{summary}</span>}
      </button>
      <div id={panelId} className="disclosure__panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
};
