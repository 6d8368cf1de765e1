import type { Avatar } from '../../../../shared/domain';
import { useTransport } from '../../hooks/appContext';
import { plural } from '../../lib/format';
import { routeHash } from '../../lib/route';
import { Thumbnail } from '../Thumbnail';

/** Thumbnails in the strip before "+N more". */
const STRIP_MAX = 7;

/** What was made from this avatar so far (variations and edits alike), each a link to open it. */
export const VariationStrip = ({ avatar, made }: { avatar: Avatar; made: readonly Avatar[] }) => {
  const transport = useTransport();
  if (made.length === 0) return null;
  // Edits (from a reference) and variations (same recipe, new seed) both point here; "made from" covers both.
  const edits = made.some((child) => child.sourceType === 'from_reference');
  return (
    <div className="variations__children">
      <p className="variations__subtitle">{edits ? `${plural(made.length, 'avatar')} made from it` : plural(made.length, 'variation')}</p>
      <ul className="variations__strip" aria-label={edits ? `Made from ${avatar.name}` : `Variations of ${avatar.name}`}>
        {made.slice(0, STRIP_MAX).map((child) => (
          <li key={child.id}>
            <a href={routeHash({ kind: 'project', projectId: child.projectId, avatarId: child.id })} className="variations__child" aria-label={child.name} title={child.name}>
              <Thumbnail src={transport.imageUrl(child.id, 'thumb')} className="variations__thumb" />
            </a>
          </li>
        ))}
        {made.length > STRIP_MAX && (
          <li className="variations__more" aria-label={`${made.length - STRIP_MAX} more`}>
            +{made.length - STRIP_MAX}
          </li>
        )}
      </ul>
    </div>
  );
};
