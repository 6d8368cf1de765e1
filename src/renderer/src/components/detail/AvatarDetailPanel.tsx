import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Avatar } from '../../../../shared/domain';
import { useActions, useController, useTransport } from '../../hooks/appContext';
import { useToast } from '../../hooks/useToast';
import { formatBytes, formatDateTime } from '../../lib/format';
import { ConfirmDialog } from '../../modals/ConfirmDialog';
import { Icon } from '../Icon';
import { Thumbnail } from '../Thumbnail';
import { AvatarActions } from '../usage/AvatarActions';
import { UsageHistory } from '../usage/UsageHistory';
import { AvatarVariations } from '../variations/AvatarVariations';
import { AvatarEditForm } from './AvatarEditForm';
import { MoveAvatar } from './MoveAvatar';
import './AvatarDetailPanel.css';

interface AvatarDetailPanelProps {
  avatar: Avatar;
  onClose(): void;
  onDeleted(): void;
}

/** The side panel for one avatar: the full image, every field editable, move and delete. */
export const AvatarDetailPanel = ({ avatar, onClose, onDeleted }: AvatarDetailPanelProps) => {
  const transport = useTransport();
  const controller = useController();
  const { removeAvatar } = useActions();
  const toast = useToast();
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, [avatar.id]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      onClose();
    }
  };

  const remove = async () => {
    controller.expectRemoval(avatar.id);
    const result = await transport.invoke('avatars.delete', { id: avatar.id });
    if (!result.ok) {
      controller.takeExpectedRemoval(avatar.id);
      return result.error;
    }
    removeAvatar(avatar.id);
    toast.success(`Deleted “${avatar.name}”`);
    onDeleted();
    return null;
  };

  const { image } = avatar;
  return (
    <aside className="detail" aria-labelledby={titleId} onKeyDown={onKeyDown} data-testid="avatar-detail">
      <div className="detail__header">
        <h2 id={titleId} className="detail__title" ref={headingRef} tabIndex={-1}>
          {avatar.name}
        </h2>
        <button type="button" className="btn btn--icon btn--quiet" aria-label="Close details" onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      <div className="detail__scroll">
        <figure className="detail__figure">
          <Thumbnail key={avatar.id} src={transport.imageUrl(avatar.id, 'full')} alt={avatar.name} className="detail__image" eager />
          <figcaption className="detail__meta">
            {image.width} × {image.height} · {image.format.toUpperCase()} · {formatBytes(image.byteSize)} · Added {formatDateTime(avatar.createdAt)}
          </figcaption>
        </figure>
        <AvatarActions avatar={avatar} />
        <AvatarVariations avatar={avatar} />
        <AvatarEditForm key={avatar.id} avatar={avatar} />
        <UsageHistory key={`usage-${avatar.id}`} avatar={avatar} />
        <section className="detail__section" aria-label="Organise">
          <MoveAvatar avatar={avatar} />
          <div className="detail-danger">
            <div>
              <p className="detail-danger__title">Delete this avatar</p>
              <p className="detail-danger__text">The image and its details are removed from the library.</p>
            </div>
            <button type="button" className="btn btn--danger-ghost" onClick={() => setConfirming(true)}>
              <Icon name="trash" size={16} />
              Delete avatar
            </button>
          </div>
        </section>
      </div>
      {confirming && (
        <ConfirmDialog title={`Delete “${avatar.name}”?`} onConfirm={remove} onClose={() => setConfirming(false)}>
          The image and everything written about this avatar will be removed. This cannot be undone.
        </ConfirmDialog>
      )}
    </aside>
  );
};
