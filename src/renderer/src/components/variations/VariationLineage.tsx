import { routeHash } from '../../lib/route';
import { Icon } from '../Icon';
import type { AvatarRef, Origin } from './origin';

const avatarHref = (avatar: AvatarRef): string => routeHash({ kind: 'project', projectId: avatar.projectId, avatarId: avatar.id });

const VERB = { variation: 'Variation of', madeFrom: 'Made from' } as const;

/** "Variation of Nadia" (same recipe, new seed) or "Made from Nadia" (Nadia's image, edited), linking to the parent. */
export const VariationLineage = ({ origin, fromReference }: { origin: Origin | 'loading'; fromReference: boolean }) => (
  <p className="variations__lineage" data-testid="variation-of">
    <Icon name={fromReference ? 'image' : 'sparkles'} size={14} />
    {origin === 'loading' ? (
      <span>{fromReference ? 'Made from…' : 'Variation of…'}</span>
    ) : origin.parent === 'file' ? (
      <span>Made from an uploaded image</span>
    ) : origin.parent === 'deleted' ? (
      <span>{VERB[origin.relation]} an avatar that was deleted</span>
    ) : (
      <span>
        {VERB[origin.relation]}{' '}
        <a href={avatarHref(origin.parent)} className="variations__parent">
          {origin.parent.name}
        </a>
      </span>
    )}
  </p>
);
