import { useRef, useState } from 'react';
import type { ProjectSummary } from '../../../../shared/domain';
import { AttributesForm } from '../../components/AttributesForm';
import { Icon } from '../../components/Icon';
import { PersonaForm } from '../../components/PersonaForm';
import { Spinner } from '../../components/Spinner';
import { useActions } from '../../hooks/appContext';
import { useDropFiles } from '../../hooks/useDropFiles';
import { useToast } from '../../hooks/useToast';
import {
  EMPTY_ATTRIBUTES_DRAFT,
  EMPTY_PERSONA_DRAFT,
  attributesInputOf,
  personaInputOf,
  validatePersona,
  type FieldErrors,
} from '../../lib/drafts';
import { issuesByField } from '../../lib/fieldLabels';
import { plural } from '../../lib/format';
import { ACCEPT_ATTRIBUTE, partitionImageFiles } from '../../lib/imageFiles';
import { Modal } from '../Modal';
import { UploadFileRow } from './UploadFileRow';
import { UploadSummary, primaryLabel } from './UploadSummary';
import { useUploadQueue } from './useUploadQueue';
import './UploadModal.css';

interface UploadModalProps {
  project: ProjectSummary;
  files: readonly File[];
  onClose(): void;
}

/** Chosen or dropped images, one set of details for all of them, then each uploaded with its own result. */
export const UploadModal = ({ project, files, onClose }: UploadModalProps) => {
  const queue = useUploadQueue(files, project.id);
  const { upsertAvatar } = useActions();
  const toast = useToast();
  const moreInput = useRef<HTMLInputElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const [persona, setPersona] = useState(EMPTY_PERSONA_DRAFT);
  const [attributes, setAttributes] = useState(EMPTY_ATTRIBUTES_DRAFT);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const pending = queue.items.filter((item) => item.status === 'ready' || item.status === 'failed').length;
  const started = queue.items.some((item) => item.status !== 'ready');
  const finished = !busy && pending === 0;

  const start = async () => {
    const problems = validatePersona(persona);
    setErrors(problems);
    if (Object.keys(problems).length > 0 || pending === 0) return;
    setBusy(true);
    const outcome = await queue.run({ persona: personaInputOf(persona), attributes: attributesInputOf(attributes) }, (avatar) => {
      if (avatar.projectId === project.id) upsertAvatar(avatar);
    });
    setBusy(false);
    if (outcome.formError) setErrors(issuesByField(outcome.formError.issues));
    // The dialog stays open on the result: every file's fate is shown until the user closes it.
    requestAnimationFrame(() => closeRef.current?.focus());
  };

  const addMore = (chosen: readonly File[]) => {
    const { accepted, rejected } = partitionImageFiles(chosen);
    queue.add(accepted);
    if (rejected.length) toast.info(`${plural(rejected.length, 'file')} skipped`, 'Only JPEG, PNG and WebP images can be added.');
  };

  const drop = useDropFiles(addMore, !busy);

  const remove = (key: string) => {
    if (queue.items.length === 1) onClose();
    else queue.remove(key);
  };

  return (
    <Modal
      title={`Add ${plural(queue.items.length, 'image')}`}
      description={
        <>
          To <strong>{project.name}</strong>. The persona and appearance below apply to every image.
        </>
      }
      size="large"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void start()}
      footer={
        <>
          <UploadSummary items={queue.items} />
          {busy ? (
            <button type="button" className="btn btn--secondary" onClick={queue.stop}>
              Stop after this one
            </button>
          ) : (
            <button ref={closeRef} type="button" className={`btn ${finished ? 'btn--primary' : 'btn--secondary'}`} onClick={onClose}>
              {started ? 'Close' : 'Cancel'}
            </button>
          )}
          {!finished && (
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {busy ? <Spinner /> : <Icon name="upload" size={16} />}
              {primaryLabel(queue.items, busy)}
            </button>
          )}
        </>
      }
    >
      <div className="upload-layout">
        <section className={`upload-files${drop.dragging ? ' upload-files--dragging' : ''}`} aria-label="Images to add" {...drop.handlers}>
          <ul className="upload-list">
            {queue.items.map((item) => (
              <UploadFileRow key={item.key} item={item} locked={busy} onRename={(name) => queue.rename(item.key, name)} onRemove={() => remove(item.key)} />
            ))}
          </ul>
          <button type="button" className="btn btn--ghost upload-files__more" disabled={busy} onClick={() => moreInput.current?.click()}>
            <Icon name="plus" size={16} /> Add more images
          </button>
          <input
            ref={moreInput}
            type="file"
            multiple
            hidden
            accept={ACCEPT_ATTRIBUTE}
            tabIndex={-1}
            onChange={(event) => {
              addMore(Array.from(event.target.files ?? []));
              event.target.value = '';
            }}
          />
        </section>
        <div className="upload-form">
          <PersonaForm value={persona} onChange={setPersona} errors={errors} />
          <AttributesForm value={attributes} onChange={setAttributes} errors={errors} />
        </div>
      </div>
    </Modal>
  );
};
