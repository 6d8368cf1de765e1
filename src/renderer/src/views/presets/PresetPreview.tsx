import { useState, type CSSProperties } from 'react';
import type { Preset } from '../../../../shared/domain';
import { PRESET_CATEGORIES } from '../../../../shared/vocabulary';
import { useTransport } from '../../hooks/appContext';
import type { AppTransport } from '../../transport';

/** Built-ins ship a drawn preview with the app; any preset may also have an avatar drawn as its preview. */
export const previewSources = (preset: Preset, transport: AppTransport): string[] => [
  ...(preset.isBuiltin ? [`presets/${encodeURIComponent(preset.id)}.webp`] : []),
  ...(preset.previewAvatarId ? [transport.imageUrl(preset.previewAvatarId, 'thumb')] : []),
];

/** One hue per category, so placeholders are told apart at a glance. */
const HUES = [228, 150, 18, 320, 40, 265] as const;
export const categoryHue = (category: Preset['category']): number => HUES[PRESET_CATEGORIES.indexOf(category)] ?? 250;

interface PresetPreviewProps {
  preset: Preset;
  className?: string;
  eager?: boolean;
}

/**
 * The preset's picture: each source in turn, and when none loads a quiet silhouette on the
 * category's colour (never a broken image).
 */
export const PresetPreview = ({ preset, className = '', eager = false }: PresetPreviewProps) => {
  const transport = useTransport();
  const sources = previewSources(preset, transport);
  const [failed, setFailed] = useState<ReadonlySet<string>>(new Set());
  const [loaded, setLoaded] = useState<string | null>(null);
  const src = sources.find((source) => !failed.has(source)) ?? null;
  const style = { '--preset-hue': categoryHue(preset.category) } as CSSProperties;
  return (
    <span className={`preset-preview${src && loaded !== src ? ' preset-preview--loading' : ''} ${className}`} style={style} data-preview={src ? 'image' : 'placeholder'}>
      {src ? (
        <img
          key={src}
          src={src}
          alt=""
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
          draggable={false}
          onLoad={() => setLoaded(src)}
          onError={() => setFailed((current) => new Set([...current, src]))}
        />
      ) : (
        <svg className="preset-preview__silhouette" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
          <circle cx="32" cy="25" r="11" />
          <path d="M12 58c2.5-11 10.5-17 20-17s17.5 6 20 17z" />
        </svg>
      )}
    </span>
  );
};
