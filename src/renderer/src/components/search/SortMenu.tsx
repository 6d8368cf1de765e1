import { useId } from 'react';
import { AVATAR_SORTS, type AvatarSort } from '../../../../shared/vocabulary';
import { SORT_LABELS } from '../../lib/searchCriteria';

/** The order of the grid: a native select, so it works with every keyboard and screen reader. */
export const SortMenu = ({ value, onChange }: { value: AvatarSort; onChange(sort: AvatarSort): void }) => {
  const id = useId();
  return (
    <div className="sort-menu">
      <label htmlFor={id} className="sort-menu__label">
        Sort
      </label>
      <select
        id={id}
        className="input select input--compact sort-menu__select"
        value={value}
        onChange={(event) => onChange(AVATAR_SORTS.find((sort) => sort === event.target.value) ?? 'newest')}
      >
        {AVATAR_SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {SORT_LABELS[sort]}
          </option>
        ))}
      </select>
    </div>
  );
};
