import type { ProjectSummary } from '../../../../shared/domain';
import { useActions, useController, useTransport } from '../../hooks/appContext';
import { useToast } from '../../hooks/useToast';
import { plural } from '../../lib/format';
import { navigate } from '../../lib/route';
import { ConfirmDialog } from '../../modals/ConfirmDialog';

export const DeleteProjectDialog = ({ project, onClose }: { project: ProjectSummary; onClose(): void }) => {
  const transport = useTransport();
  const controller = useController();
  const { removeProject } = useActions();
  const toast = useToast();

  const remove = async () => {
    controller.expectRemoval(project.id);
    const result = await transport.invoke('projects.delete', { id: project.id });
    if (!result.ok) {
      controller.takeExpectedRemoval(project.id);
      return result.error;
    }
    removeProject(project.id);
    toast.success(`Deleted “${project.name}”`);
    navigate({ kind: 'projects' });
    return null;
  };

  return (
    <ConfirmDialog title={`Delete “${project.name}”?`} onConfirm={remove} onClose={onClose}>
      {project.avatarCount > 0
        ? `The project and its ${plural(project.avatarCount, 'avatar')} will be removed from the library. This cannot be undone.`
        : 'The empty project will be removed. This cannot be undone.'}
    </ConfirmDialog>
  );
};
