import { useId, useState } from 'react';
import type { Avatar } from '../../../../shared/domain';
import { useAppStore, useController, useTransport } from '../../hooks/appContext';
import { useToast } from '../../hooks/useToast';
import { navigate } from '../../lib/route';
import { Icon } from '../Icon';
import { Spinner } from '../Spinner';

/** Sends the avatar to another project; it then leaves this one's grid. */
export const MoveAvatar = ({ avatar }: { avatar: Avatar }) => {
  const id = useId();
  const transport = useTransport();
  const controller = useController();
  const toast = useToast();
  const projects = useAppStore((state) => state.projects);
  const targets = projects.filter((project) => project.id !== avatar.projectId);
  const [targetId, setTargetId] = useState('');
  const [busy, setBusy] = useState(false);

  if (targets.length === 0) return null;

  const move = async () => {
    const target = targets.find((project) => project.id === targetId);
    if (!target) return;
    setBusy(true);
    controller.expectRemoval(avatar.id);
    const result = await transport.invoke('avatars.move', { id: avatar.id, projectId: target.id });
    setBusy(false);
    if (!result.ok) {
      controller.takeExpectedRemoval(avatar.id);
      toast.failure(`Could not move “${avatar.name}”`, result.error);
      return;
    }
    toast.success(`Moved “${avatar.name}” to ${target.name}`);
    navigate({ kind: 'project', projectId: avatar.projectId, avatarId: null }, { replace: true });
  };

  return (
    <div className="detail-move">
      <label className="field__label" htmlFor={id}>
        Move to project
      </label>
      <div className="detail-move__row">
        <select id={id} className="input select" value={targetId} onChange={(event) => setTargetId(event.target.value)} disabled={busy}>
          <option value="">Choose a project…</option>
          {targets.map((project) => (
            <option key={project.id} value={project.id}>
              {project.name}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn--secondary" disabled={!targetId || busy} onClick={() => void move()}>
          {busy ? <Spinner /> : <Icon name="move" size={16} />}
          Move
        </button>
      </div>
    </div>
  );
};
