import { useId, useState } from 'react';
import type { ProjectSummary } from '../../../../shared/domain';
import { useActions, useAppStore, useController, useTransport } from '../../hooks/appContext';
import { useToast } from '../../hooks/useToast';
import { plural } from '../../lib/format';
import { BulkActionDialog, type BulkOutcome, type BulkTarget } from './BulkActionDialog';

interface BulkDialogProps {
  targets: readonly BulkTarget[];
  /** The avatar open in the detail panel: its removal needs no "changed elsewhere" notice. */
  openId: string | null;
  /** After the run, with what was done (the selection drops those). */
  onFinished(outcome: BulkOutcome): void;
  onClose(): void;
}

/** “A”, “B” and “C”; “A”, “B”, “C” and 4 others. */
const namesOf = (targets: readonly BulkTarget[]): string => {
  const names = targets.slice(0, 3).map((target) => `“${target.name}”`);
  return targets.length > 3 ? `${names.join(', ')} and ${plural(targets.length - 3, 'other')}` : names.join(', ').replace(/, ([^,]*)$/, ' and $1');
};

/** Deletes the selection, one avatars.delete at a time. */
export const BulkDeleteDialog = ({ targets, openId, onFinished, onClose }: BulkDialogProps) => {
  const transport = useTransport();
  const controller = useController();
  const { removeAvatar } = useActions();
  const toast = useToast();
  const many = targets.length > 1;

  const run = async (target: BulkTarget) => {
    if (target.id === openId) controller.expectRemoval(target.id);
    const result = await transport.invoke('avatars.delete', { id: target.id });
    // Already gone (deleted in another window meanwhile) is what was asked for.
    if (!result.ok && result.error.code !== 'NOT_FOUND') {
      if (target.id === openId) controller.takeExpectedRemoval(target.id);
      return result.error;
    }
    removeAvatar(target.id);
    return null;
  };

  return (
    <BulkActionDialog
      title={many ? `Delete ${plural(targets.length, 'avatar')}?` : `Delete “${targets[0]?.name ?? ''}”?`}
      description={
        <>
          {many && `${namesOf(targets)}. `}
          The images and everything written about {many ? 'them' : 'it'} will be removed. This cannot be undone.
        </>
      }
      targets={targets}
      confirmLabel={many ? `Delete ${plural(targets.length, 'avatar')}` : 'Delete'}
      verb="Deleting"
      pastTense="deleted"
      run={run}
      onFinished={(outcome) => {
        if (outcome.done.length > 0 && outcome.failed.length === 0) {
          toast.success(outcome.done.length === 1 ? `Deleted “${outcome.done[0]!.name}”` : `Deleted ${plural(outcome.done.length, 'avatar')}`);
        }
        onFinished(outcome);
      }}
      onClose={onClose}
    />
  );
};

/** Moves the selection to another project, one avatars.move at a time. */
export const BulkMoveDialog = ({ targets, openId, projectId, onFinished, onClose }: BulkDialogProps & { projectId: string }) => {
  const transport = useTransport();
  const controller = useController();
  const { removeAvatar } = useActions();
  const toast = useToast();
  const selectId = useId();
  const projects = useAppStore((state) => state.projects);
  const choices = projects.filter((project) => project.id !== projectId);
  const [targetId, setTargetId] = useState('');
  const destination: ProjectSummary | undefined = choices.find((project) => project.id === targetId);
  const many = targets.length > 1;

  const run = async (target: BulkTarget) => {
    if (!destination) return null;
    if (target.id === openId) controller.expectRemoval(target.id);
    const result = await transport.invoke('avatars.move', { id: target.id, projectId: destination.id });
    if (!result.ok) {
      if (target.id === openId) controller.takeExpectedRemoval(target.id);
      return result.error;
    }
    removeAvatar(target.id);
    return null;
  };

  return (
    <BulkActionDialog
      title={many ? `Move ${plural(targets.length, 'avatar')}` : `Move “${targets[0]?.name ?? ''}”`}
      description={many ? `${namesOf(targets)} will leave this project.` : 'It will leave this project.'}
      targets={targets}
      confirmLabel={destination ? `Move to ${destination.name}` : 'Move'}
      verb="Moving"
      pastTense="moved"
      tone="primary"
      ready={destination !== undefined}
      run={run}
      onFinished={(outcome) => {
        if (destination && outcome.done.length > 0 && outcome.failed.length === 0) {
          toast.success(`Moved ${outcome.done.length === 1 ? `“${outcome.done[0]!.name}”` : plural(outcome.done.length, 'avatar')} to ${destination.name}`);
        }
        onFinished(outcome);
      }}
      onClose={onClose}
    >
      <div className="bulk-move">
        <label className="field__label" htmlFor={selectId}>
          Move to project
        </label>
        <select id={selectId} className="input select" data-autofocus value={targetId} onChange={(event) => setTargetId(event.target.value)}>
          <option value="">Choose a project…</option>
          {choices.map((project) => (
            <option key={project.id} value={project.id}>
              {project.name}
            </option>
          ))}
        </select>
      </div>
    </BulkActionDialog>
  );
};
