import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Avatar } from '../../../../shared/domain';
import { useAppStore, useTransport } from '../../hooks/appContext';
import { useAvatarSearch } from '../../hooks/useAvatarSearch';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { describeError } from '../../lib/errorText';
import { plural } from '../../lib/format';
import { navigate } from '../../lib/route';
import { EMPTY_CRITERIA } from '../../lib/searchCriteria';
import { Icon } from '../Icon';
import { Spinner } from '../Spinner';
import { Thumbnail } from '../Thumbnail';
import './LibrarySearch.css';

/** Results in the pop-up: enough to pick from; "N results" says when there are more. */
const LIBRARY_RESULTS = 8;
const DEBOUNCE_MS = 150;

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Search every project from the top bar (a combobox): results show the project each avatar is
 * in, and choosing one opens that project with the avatar's details. Ctrl/Cmd-K gets here from
 * anywhere. The list is a snapshot of the query, not live: it is asked again on each keystroke.
 */
export const LibrarySearch = () => {
  const transport = useTransport();
  const projects = useAppStore((state) => state.projects);
  const projectNames = useMemo(() => new Map(projects.map((project) => [project.id, project.name])), [projects]);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebouncedValue(text, DEBOUNCE_MS);
  const criteria = useMemo(() => ({ ...EMPTY_CRITERIA, query }), [query]);
  const search = useAvatarSearch(criteria, null, LIBRARY_RESULTS);
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;

  const items: Avatar[] = search.active && search.results && !search.results.error ? search.results.items : [];
  const expanded = open && search.active;

  useEffect(() => setActive(0), [search.results]);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k' && !document.querySelector('.modal-layer')) {
        event.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    if (!expanded) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [expanded]);

  const choose = (avatar: Avatar) => {
    setOpen(false);
    setText('');
    inputRef.current?.blur();
    navigate({ kind: 'project', projectId: avatar.projectId, avatarId: avatar.id });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (expanded) setOpen(false);
      else if (text) setText('');
      else inputRef.current?.blur();
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (items.length > 0) setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
      return;
    }
    if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      const chosen = items[active];
      if (chosen) choose(chosen);
    }
  };

  const status = !search.active
    ? null
    : search.loading && !search.results
      ? 'Searching…'
      : search.results?.error
        ? `Search did not work: ${describeError(search.results.error).title.toLowerCase()}.`
        : items.length === 0 && !search.loading
          ? `Nothing in the library matches “${query.trim()}”.`
          : search.results && search.results.total > items.length
            ? `${items.length} of ${plural(search.results.total, 'result')}`
            : null;

  return (
    <div className="library-search" ref={rootRef}>
      <div className="library-search__box">
        <Icon name="search" size={15} />
        <input
          ref={inputRef}
          type="search"
          className="library-search__input"
          role="combobox"
          aria-label="Search all projects"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && items[active] ? optionId(active) : undefined}
          placeholder="Search all projects"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
        {search.active && search.loading ? <Spinner /> : !text && <kbd className="library-search__key">{isMac ? '⌘K' : 'Ctrl K'}</kbd>}
      </div>
      {expanded && (
        <div className="library-search__popup">
          <ul id={listId} role="listbox" aria-label="Avatars in all projects" className="library-search__list">
            {items.map((avatar, index) => (
              <li
                key={avatar.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className={`library-search__option${index === active ? ' library-search__option--active' : ''}`}
                onMouseEnter={() => setActive(index)}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(avatar)}
              >
                <Thumbnail src={transport.imageUrl(avatar.id, 'thumb')} className="library-search__thumb" />
                <span className="library-search__text">
                  <span className="library-search__name">{avatar.name}</span>
                  <span className="library-search__project">{projectNames.get(avatar.projectId) ?? 'Another project'}</span>
                </span>
                <Icon name="chevron" size={14} />
              </li>
            ))}
          </ul>
          {status && (
            <p className="library-search__status" role="status">
              {status}
            </p>
          )}
        </div>
      )}
    </div>
  );
};
