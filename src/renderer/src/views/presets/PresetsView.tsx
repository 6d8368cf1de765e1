import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Preset } from '../../../../shared/domain';
import { PRESET_CATEGORIES, type PresetCategory } from '../../../../shared/vocabulary';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { useActions, useAppStore, useController, useTransport } from '../../hooks/appContext';
import { useToast } from '../../hooks/useToast';
import { describeError } from '../../lib/errorText';
import { plural } from '../../lib/format';
import { PRESET_CATEGORY_LABELS, matchesQuery } from '../../lib/presetText';
import { navigate } from '../../lib/route';
import { ConfirmDialog } from '../../modals/ConfirmDialog';
import { EditPresetModal } from '../../modals/EditPresetModal';
import { UsePresetModal } from '../../modals/UsePresetModal';
import { PresetCard } from './PresetCard';
import './PresetsView.css';

const TABS = [null, ...PRESET_CATEGORIES] as const;
const SKELETONS = [0, 1, 2, 3, 4, 5, 6, 7];

type Dialog = { kind: 'use' | 'edit' | 'delete'; preset: Preset } | null;

const tabId = (prefix: string, category: PresetCategory | null) => `${prefix}-tab-${category ?? 'all'}`;

/** Built-in and user presets by category, searchable; each one a click away from a new avatar. */
export const PresetsView = ({ category }: { category: PresetCategory | null }) => {
  const controller = useController();
  const transport = useTransport();
  const { removePreset } = useActions();
  const toast = useToast();
  const presets = useAppStore((state) => state.presets);
  const loadState = useAppStore((state) => state.presetsState);
  const error = useAppStore((state) => state.presetsError);
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const prefix = useId();
  const tabsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void controller.presets.ensure();
  }, [controller]);

  const matching = useMemo(() => presets.filter((preset) => matchesQuery(preset, query)), [presets, query]);
  const counts = useMemo(() => {
    const byCategory = new Map<PresetCategory | null, number>([[null, matching.length]]);
    for (const preset of matching) byCategory.set(preset.category, (byCategory.get(preset.category) ?? 0) + 1);
    return byCategory;
  }, [matching]);
  const shown = category ? matching.filter((preset) => preset.category === category) : matching;

  // A preset open in a dialog that goes away (deleted elsewhere) closes the dialog with it.
  const open = dialog ? presets.find((preset) => preset.id === dialog.preset.id) : undefined;
  useEffect(() => {
    if (dialog && !open && loadState === 'ready' && dialog.kind !== 'delete') {
      setDialog(null);
      toast.info(`“${dialog.preset.name}” was deleted`, 'It was removed in another window or from the command line.');
    }
  }, [dialog, loadState, open, toast]);

  const onUse = useCallback((preset: Preset) => setDialog({ kind: 'use', preset }), []);
  const onEdit = useCallback((preset: Preset) => setDialog({ kind: 'edit', preset }), []);
  const onDelete = useCallback((preset: Preset) => setDialog({ kind: 'delete', preset }), []);

  const selectTab = (next: PresetCategory | null, focus = false) => {
    navigate({ kind: 'presets', category: next }, { replace: true });
    if (focus) requestAnimationFrame(() => document.getElementById(tabId(prefix, next))?.focus());
  };

  const onTabKeyDown = (event: KeyboardEvent) => {
    const index = TABS.indexOf(category);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % TABS.length
      : event.key === 'ArrowLeft' ? (index - 1 + TABS.length) % TABS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? TABS.length - 1
      : null;
    if (next === null) return;
    event.preventDefault();
    selectTab(TABS[next] ?? null, true);
  };

  const remove = async () => {
    if (dialog?.kind !== 'delete') return null;
    const { preset } = dialog;
    const result = await transport.invoke('presets.delete', { id: preset.id });
    if (!result.ok) return result.error;
    removePreset(preset.id);
    toast.success(`Deleted “${preset.name}”`);
    return null;
  };

  const grid = (list: readonly Preset[], label: string) => (
    <ul className="preset-grid" aria-label={label}>
      {list.map((preset) => (
        <PresetCard key={preset.id} preset={preset} onUse={onUse} onEdit={onEdit} onDelete={onDelete} />
      ))}
    </ul>
  );

  const content = () => {
    if (loadState === 'error' && error) {
      const text = describeError(error);
      return (
        <EmptyState
          icon="alert"
          tone="error"
          title="The presets could not be loaded"
          action={
            <button type="button" className="btn btn--secondary" onClick={() => void controller.presets.ensure(true)}>
              Try again
            </button>
          }
        >
          {text.title}. {text.detail}
        </EmptyState>
      );
    }
    if (loadState !== 'ready') {
      return (
        <ul className="preset-grid" aria-busy="true" aria-label="Loading presets">
          {SKELETONS.map((key) => (
            <li key={key} className="preset-card preset-card--skeleton" />
          ))}
        </ul>
      );
    }
    if (shown.length === 0) {
      return query.trim() ? (
        <EmptyState
          icon="sparkles"
          title="No presets match"
          action={
            <button type="button" className="btn btn--secondary" onClick={() => setQuery('')}>
              Clear search
            </button>
          }
        >
          Nothing {category ? `in ${PRESET_CATEGORY_LABELS[category]} ` : ''}matches “{query.trim()}”.
        </EmptyState>
      ) : (
        <EmptyState icon="sparkles" title={category ? `No ${PRESET_CATEGORY_LABELS[category].toLowerCase()} presets yet` : 'No presets yet'}>
          Save any avatar as a preset from its detail panel to see it here.
        </EmptyState>
      );
    }
    if (category) return grid(shown, `${PRESET_CATEGORY_LABELS[category]} presets`);
    return PRESET_CATEGORIES.filter((each) => (counts.get(each) ?? 0) > 0).map((each) => (
      <section key={each} className="preset-section" aria-labelledby={`${prefix}-section-${each}`}>
        <h2 className="preset-section__title" id={`${prefix}-section-${each}`}>
          {PRESET_CATEGORY_LABELS[each]}
          <span className="preset-section__count">{counts.get(each)}</span>
        </h2>
        {grid(
          shown.filter((preset) => preset.category === each),
          `${PRESET_CATEGORY_LABELS[each]} presets`,
        )}
      </section>
    ));
  };

  const userCount = presets.filter((preset) => !preset.isBuiltin).length;
  return (
    <div className="presets-view">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">Presets</h1>
          <p className="page-header__subtitle">
            {loadState === 'ready'
              ? `${plural(presets.length - userCount, 'built-in preset')}${userCount > 0 ? ` · ${plural(userCount, 'of your own', 'of your own')}` : ''} · works offline, no token needed`
              : 'Ready-made personas and looks. Pick one to make an avatar.'}
          </p>
        </div>
        <div className="presets-search">
          <Icon name="search" size={16} />
          <input
            type="search"
            className="input presets-search__input"
            placeholder="Search presets"
            aria-label="Search presets"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query) {
                event.preventDefault();
                setQuery('');
              }
            }}
          />
        </div>
      </header>
      <div className="preset-tabs" role="tablist" aria-label="Categories" ref={tabsRef} onKeyDown={onTabKeyDown}>
        {TABS.map((each) => (
          <button
            key={each ?? 'all'}
            id={tabId(prefix, each)}
            type="button"
            role="tab"
            className="preset-tab"
            aria-selected={category === each}
            aria-controls={`${prefix}-panel`}
            tabIndex={category === each ? 0 : -1}
            onClick={() => selectTab(each)}
          >
            {each ? PRESET_CATEGORY_LABELS[each] : 'All'}
            {loadState === 'ready' && <span className="preset-tab__count">{counts.get(each) ?? 0}</span>}
          </button>
        ))}
      </div>
      <div className="preset-panel" role="tabpanel" id={`${prefix}-panel`} aria-labelledby={tabId(prefix, category)}>
        {content()}
      </div>
      {dialog?.kind === 'use' && open && <UsePresetModal preset={open} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && open && <EditPresetModal preset={open} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog title={`Delete “${dialog.preset.name}”?`} onConfirm={remove} onClose={() => setDialog(null)}>
          The preset is removed. Avatars already made from it stay as they are.
        </ConfirmDialog>
      )}
    </div>
  );
};
