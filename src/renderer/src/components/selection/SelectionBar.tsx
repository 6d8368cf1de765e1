import { Icon } from '../Icon';
import './selection.css';

interface SelectionBarProps {
  count: number;
  /** How many are loaded: "Select all" takes those. */
  loaded: number;
  canMove: boolean;
  onSelectAll(): void;
  onMove(): void;
  onDelete(): void;
  onClear(): void;
}

/** Floats over the bottom of the grid while avatars are selected: how many, and what to do with them. */
export const SelectionBar = ({ count, loaded, canMove, onSelectAll, onMove, onDelete, onClear }: SelectionBarProps) => (
  <div className="selection-bar" role="toolbar" aria-label="Selected avatars" data-testid="selection-bar">
    <p className="selection-bar__count" aria-live="polite">
      <strong>{count.toLocaleString()}</strong> selected
    </p>
    {count < loaded && (
      <button type="button" className="btn btn--quiet selection-bar__all" onClick={onSelectAll}>
        Select all {loaded.toLocaleString()}
      </button>
    )}
    <span className="selection-bar__divider" aria-hidden="true" />
    {canMove && (
      <button type="button" className="btn btn--quiet" aria-label="Move selected" onClick={onMove}>
        <Icon name="move" size={16} />
        Move
      </button>
    )}
    <button type="button" className="btn btn--danger-ghost" aria-label="Delete selected" onClick={onDelete}>
      <Icon name="trash" size={16} />
      Delete
    </button>
    <button type="button" className="btn btn--icon btn--quiet" aria-label="Clear selection" title="Clear selection (Esc)" onClick={onClear}>
      <Icon name="close" size={16} />
    </button>
  </div>
);
