import { useEffect, useId, useRef, useState } from 'react';
import type { FilterOption } from '../../lib/searchCriteria';
import { Icon } from '../Icon';

interface FilterChipProps {
  label: string;
  options: readonly FilterOption[];
  selected: readonly string[];
  onChange(values: string[]): void;
}

const summary = (options: readonly FilterOption[], selected: readonly string[]): string => {
  const first = options.find((option) => option.value === selected[0])?.label ?? selected[0] ?? '';
  return selected.length > 1 ? `${first} +${selected.length - 1}` : first;
};

/**
 * A filter as a chip: the button names the filter (and what is chosen), and opens a small list
 * of check boxes. Any number can be ticked (they widen the filter); Escape or a click outside
 * closes it and gives focus back to the chip.
 */
export const FilterChip = ({ label, options, selected, onChange }: FilterChipProps) => {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const active = selected.length > 0;

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    // Into the list at once, so arrows and Space work without a Tab.
    rootRef.current?.querySelector<HTMLInputElement>('.filter-menu input')?.focus();
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const toggle = (value: string, checked: boolean) => {
    const next = checked ? [...selected, value] : selected.filter((entry) => entry !== value);
    // Kept in the menu's order, so "Female +1" reads the same whichever was ticked first.
    onChange(options.map((option) => option.value).filter((entry) => next.includes(entry)));
  };

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div
      className="filter-chip"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
      }}
      onBlur={(event) => {
        if (open && event.relatedTarget !== null && !rootRef.current?.contains(event.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`chip${active ? ' chip--active' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={active ? `${label}: ${selected.map((value) => options.find((option) => option.value === value)?.label ?? value).join(', ')}` : label}
        onClick={() => setOpen(!open)}
      >
        <span className="chip__label">{label}</span>
        {active && <span className="chip__value">{summary(options, selected)}</span>}
        <Icon name="chevronDown" size={14} />
      </button>
      {active && !open && (
        <button type="button" className="chip__clear" aria-label={`Clear ${label.toLowerCase()} filter`} onClick={() => onChange([])}>
          <Icon name="close" size={12} />
        </button>
      )}
      {open && (
        <div className="filter-menu" id={panelId} role="group" aria-label={label}>
          {options.length === 0 ? (
            <p className="filter-menu__empty">None in this project yet.</p>
          ) : (
            <ul className="filter-menu__list">
              {options.map((option) => (
                <li key={option.value}>
                  <label className="filter-menu__option" title={option.title}>
                    <input
                      type="checkbox"
                      checked={selected.includes(option.value)}
                      onChange={(event) => toggle(option.value, event.target.checked)}
                      onKeyDown={(event) => {
                        // Arrows walk the list like a menu; Enter closes it with the choice made.
                        const inputs = Array.from(rootRef.current?.querySelectorAll<HTMLInputElement>('.filter-menu input') ?? []);
                        const at = inputs.indexOf(event.currentTarget);
                        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                          event.preventDefault();
                          inputs[(at + (event.key === 'ArrowDown' ? 1 : inputs.length - 1)) % inputs.length]?.focus();
                        } else if (event.key === 'Enter') {
                          event.preventDefault();
                          close();
                        }
                      }}
                    />
                    <span className="filter-menu__check" aria-hidden="true">
                      <Icon name="check" size={12} />
                    </span>
                    <span className="filter-menu__text">{option.label}</span>
                    <span className="filter-menu__count">{option.count.toLocaleString()}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {active && (
            <button type="button" className="filter-menu__reset" onClick={() => onChange([])}>
              Clear
            </button>
          )}
        </div>
      )}
    </div>
  );
};
