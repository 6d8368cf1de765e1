import { useState } from 'react';
import { Icon } from './Icon';

interface ThumbnailProps {
  src: string;
  alt?: string;
  className?: string;
  eager?: boolean;
}

/** Images seen once come from cache: they skip the fade, so scrolling back never flickers. */
const seen = new Set<string>();

/** An image that fades in once decoded and shows a quiet placeholder if it cannot load. */
export const Thumbnail = ({ src, alt = '', className = '', eager = false }: ThumbnailProps) => {
  const [loaded, setLoaded] = useState<string | null>(null);
  const [broken, setBroken] = useState<string | null>(null);
  const state = broken === src ? 'broken' : loaded === src || seen.has(src) ? 'loaded' : 'loading';
  return (
    <span className={`thumb thumb--${state} ${className}`}>
      {state === 'broken' ? (
        <Icon name="image" size={24} />
      ) : (
        <img
          src={src}
          alt={alt}
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
          draggable={false}
          onLoad={() => {
            seen.add(src);
            setLoaded(src);
          }}
          onError={() => setBroken(src)}
        />
      )}
    </span>
  );
};
