import { useState } from 'react';
import type { ProjectSummary } from '../../../shared/domain';
import { LIMITS } from '../../../shared/vocabulary';
import type { AppErrorShape } from '../../../shared/errors';
import { Spinner } from '../components/Spinner';
import { TextField } from '../components/fields/TextField';
import { useActions, useTransport } from '../hooks/appContext';
import { errorLine } from '../lib/errorText';
import { issuesByField } from '../lib/fieldLabels';
import { Modal } from './Modal';

interface NewProjectModalProps {
  onClose(): void;
  onCreated(project: ProjectSummary): void;
}

export const NewProjectModal = ({ onClose, onCreated }: NewProjectModalProps) => {
  const transport = useTransport();
  const { upsertProject } = useActions();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);

  const create = async () => {
    if (name.trim() === '') {
      setNameError('Give the project a name.');
      return;
    }
    setBusy(true);
    setError(null);
    setNameError(null);
    const result = await transport.invoke('projects.create', { name, description });
    setBusy(false);
    if (!result.ok) {
      const fields = issuesByField(result.error.issues);
      if (fields.name) setNameError(fields.name);
      else setError(result.error);
      return;
    }
    upsertProject(result.value);
    onCreated(result.value);
  };

  return (
    <Modal
      title="New project"
      description="A project keeps related avatars together — a campaign, a game, a client."
      size="small"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void create()}
      footer={
        <>
          <button type="button" className="btn btn--secondary" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy && <Spinner />}
            Create
          </button>
        </>
      }
    >
      <TextField
        label="Project name"
        value={name}
        onChange={(value) => {
          setName(value);
          if (nameError) setNameError(null);
        }}
        maxLength={LIMITS.projectName}
        error={nameError}
        required
        autoFocus
        placeholder="e.g. Summer campaign"
      />
      <TextField
        label="Description"
        optional
        multiline
        value={description}
        onChange={setDescription}
        maxLength={LIMITS.projectDescription}
        placeholder="What are these avatars for?"
      />
      {error && (
        <p className="form-error" role="alert">
          {errorLine(error)}
        </p>
      )}
    </Modal>
  );
};
