import { useCallback, useEffect, useRef, useState } from 'react';
import { AvatarDetailPanel } from '../../components/detail/AvatarDetailPanel';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { useAppStore, useController } from '../../hooks/appContext';
import { useDropFiles } from '../../hooks/useDropFiles';
import { useToast } from '../../hooks/useToast';
import { plural } from '../../lib/format';
import { ACCEPT_ATTRIBUTE, partitionImageFiles } from '../../lib/imageFiles';
import { navigate } from '../../lib/route';
import { GenerateModal } from '../../modals/generate/GenerateModal';
import { ReferenceModal } from '../../modals/reference/ReferenceModal';
import { UploadModal } from '../../modals/upload/UploadModal';
import { DeleteProjectDialog } from './DeleteProjectDialog';
import { ProjectGallery } from './ProjectGallery';
import { ProjectHeader } from './ProjectHeader';
import { ProjectStatus } from './ProjectStatus';
import './ProjectView.css';

interface ProjectViewProps {
  projectId: string;
  avatarId: string | null;
}

export const ProjectView = ({ projectId, avatarId }: ProjectViewProps) => {
  const controller = useController();
  const toast = useToast();
  const project = useAppStore((state) => (state.openProjectId === projectId ? state.openProject : null));
  const avatars = useAppStore((state) => state.avatars);
  const loadState = useAppStore((state) => state.avatarsState);
  const inputRef = useRef<HTMLInputElement>(null);
  const referenceInputRef = useRef<HTMLInputElement>(null);
  const [referenceFile, setReferenceFile] = useState<File | null>(null);
  const [uploadFiles, setUploadFiles] = useState<File[] | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [generating, setGenerating] = useState(false);

  const selected = avatarId ? (avatars.find((avatar) => avatar.id === avatarId) ?? null) : null;
  const select = useCallback((id: string | null) => navigate({ kind: 'project', projectId, avatarId: id }, { replace: true }), [projectId]);

  // The open avatar went away: deleted or moved here (no notice needed) or elsewhere (say so).
  // Only once this project's own avatars are in (arriving from another project, the old ones still are).
  useEffect(() => {
    if (!avatarId || !project || loadState !== 'ready' || selected) return;
    select(null);
    if (!controller.takeExpectedRemoval(avatarId)) toast.info('That avatar is no longer in this project', 'It was deleted or moved elsewhere.');
  }, [avatarId, controller, loadState, project, select, selected, toast]);

  const onFiles = useCallback(
    (files: File[]) => {
      const { accepted, rejected } = partitionImageFiles(files);
      if (rejected.length > 0) toast.info(`${plural(rejected.length, 'file')} skipped`, 'Only JPEG, PNG and WebP images can be added.');
      if (accepted.length > 0) setUploadFiles(accepted);
    },
    [toast],
  );
  const onReferenceFiles = useCallback(
    (files: File[]) => {
      const [file] = partitionImageFiles(files).accepted;
      if (file) setReferenceFile(file);
      else if (files.length > 0) toast.info('That file cannot be the reference', 'Choose a JPEG, PNG or WebP image.');
    },
    [toast],
  );
  const drop = useDropFiles(onFiles, project !== null && uploadFiles === null && !generating && referenceFile === null);

  if (!project) return <ProjectStatus projectId={projectId} />;

  const closeDetail = () => {
    const id = selected?.id;
    select(null);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-avatar-id="${id}"]`)?.focus());
  };

  return (
    <div className={`project-view${drop.dragging ? ' project-view--dragging' : ''}`} {...drop.handlers}>
      <div className="project-view__main">
        <ProjectHeader
          project={project}
          onUpload={() => inputRef.current?.click()}
          onGenerate={() => setGenerating(true)}
          onFromImage={() => referenceInputRef.current?.click()}
          onDelete={() => setDeleting(true)}
        />
        {avatars.length === 0 ? (
          <div className="project-view__empty">
            <EmptyState
              icon="image"
              title="No avatars yet"
              action={
                <div className="project-view__empty-actions">
                  <button type="button" className="btn btn--primary btn--large" onClick={() => setGenerating(true)}>
                    <Icon name="sparkles" size={16} />
                    Generate avatars
                  </button>
                  <button type="button" className="btn btn--secondary btn--large" onClick={() => inputRef.current?.click()}>
                    <Icon name="upload" size={16} />
                    Choose images
                  </button>
                  <button type="button" className="btn btn--secondary btn--large" onClick={() => referenceInputRef.current?.click()}>
                    <Icon name="image" size={16} />
                    From an image…
                  </button>
                </div>
              }
            >
              Generate avatars from a description, or drag JPEG, PNG or WebP images anywhere here.
            </EmptyState>
          </div>
        ) : (
          <ProjectGallery project={project} avatars={avatars} openId={selected?.id ?? null} onOpen={select} />
        )}
      </div>
      {selected && <AvatarDetailPanel key={selected.id} avatar={selected} onClose={closeDetail} onDeleted={() => select(null)} />}
      {drop.dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay__card">
            <Icon name="upload" size={28} />
            <p>Drop images to add them to {project.name}</p>
          </div>
        </div>
      )}
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        accept={ACCEPT_ATTRIBUTE}
        data-testid="upload-input"
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          event.target.value = '';
        }}
      />
      <input
        ref={referenceInputRef}
        type="file"
        hidden
        accept={ACCEPT_ATTRIBUTE}
        data-testid="reference-input"
        onChange={(event) => {
          onReferenceFiles(Array.from(event.target.files ?? []));
          event.target.value = '';
        }}
      />
      {referenceFile && <ReferenceModal project={project} reference={{ kind: 'file', file: referenceFile }} onClose={() => setReferenceFile(null)} />}
      {uploadFiles && <UploadModal project={project} files={uploadFiles} onClose={() => setUploadFiles(null)} />}
      {generating && <GenerateModal project={project} onClose={() => setGenerating(false)} />}
      {deleting && <DeleteProjectDialog project={project} onClose={() => setDeleting(false)} />}
    </div>
  );
};
