import { useId } from 'react';
import { SIZE_PRESETS, type SizePresetId } from './generateDraft';

interface SizePresetsProps {
  value: SizePresetId;
  onChange(value: SizePresetId): void;
  error?: string | null;
}

/** The largest frame's longer side, in px: each glyph is a tiny picture of its frame, to scale. */
const GLYPH = 22;
const LARGEST = Math.max(...SIZE_PRESETS.flatMap((preset) => [preset.width, preset.height]));
const scale = GLYPH / LARGEST;

/** Image size as a row of radio cards, each showing the frame's shape and its pixels. */
export const SizePresets = ({ value, onChange, error }: SizePresetsProps) => {
  const name = useId();
  return (
    <fieldset className="size-presets">
      <legend className="field__label">Size</legend>
      <div className="size-presets__options">
        {SIZE_PRESETS.map((preset) => (
          <label key={preset.id} className="size-preset">
            <input
              type="radio"
              className="size-preset__input"
              name={name}
              value={preset.id}
              checked={value === preset.id}
              onChange={() => onChange(preset.id)}
              aria-label={`${preset.label}, ${preset.width} by ${preset.height}`}
            />
            <span className="size-preset__card" aria-hidden="true">
              <span className="size-preset__glyph" style={{ width: preset.width * scale, height: preset.height * scale }} />
              <span className="size-preset__label">{preset.label}</span>
              <span className="size-preset__pixels">
                {preset.width}×{preset.height}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
};
