import { memo } from 'react';
import type { Avatar } from '../../../shared/domain';
import { AGE_RANGE_LABELS, GENDER_LABELS } from '../lib/suggestions';
import { Thumbnail } from './Thumbnail';
import './AvatarCard.css';

interface AvatarCardProps {
  avatar: Avatar;
  index: number;
  imageUrl: string;
  selected: boolean;
  tabbable: boolean;
  onOpen(id: string): void;
}

/** "Ana Lima, 28" from the persona, else what is known of the look. */
const subtitle = ({ persona, attributes }: Avatar): string => {
  const who = [persona.name, persona.age === null ? null : String(persona.age)].filter(Boolean).join(', ');
  if (who) return who;
  if (persona.personality.length > 0) return persona.personality.slice(0, 3).join(' · ');
  const look = [attributes.gender && GENDER_LABELS[attributes.gender], attributes.ageRange && AGE_RANGE_LABELS[attributes.ageRange], attributes.style]
    .filter(Boolean)
    .join(' · ');
  return look || 'No persona yet';
};

export const AvatarCard = memo(({ avatar, index, imageUrl, selected, tabbable, onOpen }: AvatarCardProps) => (
  <button
    type="button"
    className={`avatar-card${selected ? ' avatar-card--selected' : ''}`}
    data-testid="avatar-card"
    data-index={index}
    data-avatar-id={avatar.id}
    aria-current={selected || undefined}
    tabIndex={tabbable ? 0 : -1}
    onClick={() => onOpen(avatar.id)}
  >
    <Thumbnail src={imageUrl} className="avatar-card__image" />
    <span className="avatar-card__text">
      <span className="avatar-card__name">{avatar.name}</span>
      <span className="avatar-card__meta">{subtitle(avatar)}</span>
    </span>
  </button>
));
AvatarCard.displayName = 'AvatarCard';
