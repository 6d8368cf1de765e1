import { memo, type MouseEvent } from 'react';
import type { Avatar } from '../../../shared/domain';
import { AGE_RANGE_LABELS, GENDER_LABELS } from '../lib/suggestions';
import { Icon } from './Icon';
import { Thumbnail } from './Thumbnail';
import { useDragOut } from './usage/useDragOut';
import './AvatarCard.css';

interface AvatarCardProps {
  avatar: Avatar;
  index: number;
  /** How many cards the list has, for aria-setsize. */
  setSize: number;
  imageUrl: string;
  /** Open in the detail panel. */
  current: boolean;
  /** Part of the multi-selection. */
  selected: boolean;
  /** Some card is selected: every card shows its check box, so a plain click on it adds to the selection. */
  selecting: boolean;
  tabbable: boolean;
  /** `check` is true when the click landed on the card's check box. */
  onPress(id: string, index: number, event: MouseEvent, check: boolean): void;
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

/** One avatar in the grid: an option of a multi-select listbox (the grid handles keys). */
export const AvatarCard = memo(({ avatar, index, setSize, imageUrl, current, selected, selecting, tabbable, onPress }: AvatarCardProps) => (
  <button
    type="button"
    role="option"
    className={`avatar-card${current ? ' avatar-card--current' : ''}${selected ? ' avatar-card--selected' : ''}${selecting ? ' avatar-card--selecting' : ''}`}
    data-testid="avatar-card"
    data-index={index}
    data-avatar-id={avatar.id}
    aria-selected={selected}
    aria-current={current || undefined}
    aria-setsize={setSize}
    aria-posinset={index + 1}
    tabIndex={tabbable ? 0 : -1}
    {...useDragOut(avatar)}
    onClick={(event) => onPress(avatar.id, index, event, (event.target as Element).closest('.avatar-card__check') !== null)}
  >
    <Thumbnail src={imageUrl} className="avatar-card__image" />
    <span className="avatar-card__check" aria-hidden="true">
      <Icon name="check" size={14} />
    </span>
    <span className="avatar-card__text">
      <span className="avatar-card__name">{avatar.name}</span>
      <span className="avatar-card__meta">{subtitle(avatar)}</span>
    </span>
  </button>
));
AvatarCard.displayName = 'AvatarCard';
