import { useId, useState } from 'react';
import type { Avatar } from '../../../../shared/domain';
import { useActions, useTransport } from '../../hooks/appContext';
import { useToast } from '../../hooks/useToast';
import { plural } from '../../lib/format';
import { Icon } from '../Icon';
import { Spinner } from '../Spinner';

/** "More like this" makes at most this many at once from the panel. */
export const VARY_MAX = 8;
const VARY_DEFAULT = 4;

/** "More like this": the avatar's recipe again (for an edit, the same edit of the same image) with new seeds, N at once. */
export const VaryButton = ({ avatar }: { avatar: Avatar }) => {
  const transport = useTransport();
  const toast = useToast();
  const { upsertGenerations, setTrayOpen } = useActions();
  const countId = useId();
  const [count, setCount] = useState(VARY_DEFAULT);
  const [varying, setVarying] = useState(false);

  const vary = async () => {
    setVarying(true);
    const result = await transport.invoke('generations.vary', { avatarId: avatar.id, count });
    setVarying(false);
    if (!result.ok) {
      toast.failure(`Could not make variations of “${avatar.name}”`, result.error);
      return;
    }
    upsertGenerations(result.value);
    setTrayOpen(true);
    toast.success(`Making ${plural(result.value.length, 'variation')} of “${avatar.name}”`, 'They appear here as they finish.');
  };

  return (
    <div className="variations__vary">
      <button type="button" className="btn btn--secondary btn--small" onClick={() => void vary()} disabled={varying}>
        {varying ? <Spinner /> : <Icon name="sparkles" size={15} />}
        More like this
      </button>
      <label className="visually-hidden" htmlFor={countId}>
        How many variations
      </label>
      <select
        id={countId}
        className="input select input--compact variations__count"
        value={count}
        disabled={varying}
        onChange={(event) => setCount(Number(event.target.value))}
        title="How many variations"
      >
        {Array.from({ length: VARY_MAX }, (_, index) => index + 1).map((value) => (
          <option key={value} value={value}>
            × {value}
          </option>
        ))}
      </select>
    </div>
  );
};
