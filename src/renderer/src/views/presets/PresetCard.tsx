import { memo, useId } from 'react';
import type { Preset } from '../../../../shared/domain';
import { Icon } from '../../components/Icon';
import { PRESET_CATEGORY_LABELS, presetLook, usageCountText } from '../../lib/presetText';
import { PresetPreview } from './PresetPreview';

interface PresetCardProps {
  preset: Preset;
  onUse(preset: Preset): void;
  onEdit(preset: Preset): void;
  onDelete(preset: Preset): void;
}

/** One preset: its picture, what it is, how often it was used; built-ins can only be used. */
export const PresetCard = memo(({ preset, onUse, onEdit, onDelete }: PresetCardProps) => {
  const nameId = useId();
  const description = preset.description || presetLook(preset) || 'No description';
  return (
    <li className="preset-card-item">
      <article className="preset-card" aria-labelledby={nameId} data-testid="preset-card" data-preset-id={preset.id} data-builtin={preset.isBuiltin}>
        {/* The picture opens the dialog for the mouse; the button below does it for everyone. */}
        <div className="preset-card__media" onClick={() => onUse(preset)}>
          <PresetPreview preset={preset} className="preset-card__preview" />
          {preset.isBuiltin ? (
            <span className="preset-card__badge">Built-in</span>
          ) : (
            <span className="preset-card__badge preset-card__badge--mine">Yours</span>
          )}
        </div>
        <div className="preset-card__body">
          <p className="preset-card__eyebrow">
            <span className="preset-card__category" data-category={preset.category}>
              {PRESET_CATEGORY_LABELS[preset.category]}
            </span>
            <span className="preset-card__usage" data-testid="preset-usage">
              {usageCountText(preset.usageCount)}
            </span>
          </p>
          <h3 className="preset-card__name" id={nameId} title={preset.name}>
            {preset.name}
          </h3>
          <p className="preset-card__description" title={description}>
            {description}
          </p>
          <div className="preset-card__footer">
            <button type="button" className="btn btn--small btn--secondary preset-card__use" aria-describedby={nameId} onClick={() => onUse(preset)}>
              <Icon name="sparkles" size={14} />
              Use preset
            </button>
            {!preset.isBuiltin && (
              <>
                <button type="button" className="btn btn--icon btn--quiet" aria-label={`Edit ${preset.name}`} title="Edit" onClick={() => onEdit(preset)}>
                  <Icon name="pencil" size={16} />
                </button>
                <button type="button" className="btn btn--icon btn--quiet preset-card__delete" aria-label={`Delete ${preset.name}`} title="Delete" onClick={() => onDelete(preset)}>
                  <Icon name="trash" size={16} />
                </button>
              </>
            )}
          </div>
        </div>
      </article>
    </li>
  );
});
PresetCard.displayName = 'PresetCard';
