import { useRef } from 'react';
import { Icon } from '../../components/Icon';
import { Thumbnail } from '../../components/Thumbnail';
import { useTransport } from '../../hooks/appContext';
import { useObjectUrl } from '../../hooks/useObjectUrl';
import { formatBytes } from '../../lib/format';
import { ACCEPT_ATTRIBUTE } from '../../lib/imageFiles';
import type { ReferenceSource } from './referenceDraft';

interface ReferencePreviewProps {
  reference: ReferenceSource;
  /** A file is being dragged over the dialog: dropping it makes it the reference. */
  dragging: boolean;
  disabled: boolean;
  onFiles(files: File[]): void;
}

/** The image the new avatars start from, with a way to pick another one (or drop it here). */
export const ReferencePreview = ({ reference, dragging, disabled, onFiles }: ReferencePreviewProps) => {
  const transport = useTransport();
  const inputRef = useRef<HTMLInputElement>(null);
  const fileUrl = useObjectUrl(reference.kind === 'file' ? reference.file : null);
  const src = reference.kind === 'avatar' ? transport.imageUrl(reference.avatar.id, 'full') : fileUrl;
  const label = reference.kind === 'avatar' ? reference.avatar.name : reference.file.name;

  return (
    <figure className={`reference-preview${dragging ? ' reference-preview--dragging' : ''}`} data-testid="reference-preview">
      <div className="reference-preview__frame">
        {src ? <Thumbnail key={src} src={src} alt={`Reference: ${label}`} className="reference-preview__image" eager /> : <span className="thumb thumb--loading reference-preview__image" />}
        {dragging && (
          <span className="reference-preview__drop" aria-hidden="true">
            <Icon name="upload" size={22} />
            Drop to use this image
          </span>
        )}
      </div>
      <figcaption className="reference-preview__caption">
        <span className="reference-preview__kind">{reference.kind === 'avatar' ? 'Avatar' : 'Image file'}</span>
        <span className="reference-preview__name" title={label}>
          {label}
        </span>
        {reference.kind === 'file' && <span className="reference-preview__meta">{formatBytes(reference.file.size)}</span>}
      </figcaption>
      <button type="button" className="btn btn--ghost btn--small" onClick={() => inputRef.current?.click()} disabled={disabled}>
        <Icon name="image" size={15} />
        Choose another image…
      </button>
      <input
        ref={inputRef}
        type="file"
        hidden
        accept={ACCEPT_ATTRIBUTE}
        data-testid="reference-file-input"
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          event.target.value = '';
        }}
      />
    </figure>
  );
};
