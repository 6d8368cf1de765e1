import { useId, useState } from 'react';
import type { Preset } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { GENERATION_LIMITS, LIMITS, type ProviderKind } from '../../../shared/vocabulary';
import { AttributesForm } from '../components/AttributesForm';
import { Disclosure } from '../components/Disclosure';
import { Icon } from '../components/Icon';
import { Spinner } from '../components/Spinner';
import { NumberField } from '../components/fields/NumberField';
import { TextField } from '../components/fields/TextField';
import { useActions, useAppStore, useTransport } from '../hooks/appContext';
import { useToast } from '../hooks/useToast';
import type { AttributesDraft, FieldErrors } from '../lib/drafts';
import { describeError } from '../lib/errorText';
import { issuesByField } from '../lib/fieldLabels';
import { plural } from '../lib/format';
import { attributeOverrides, attributesDraftOfPreset, changedAttributeCount } from '../lib/presetDrafts';
import { PRESET_CATEGORY_LABELS, presetLook } from '../lib/presetText';
import { navigate } from '../lib/route';
import { PresetPreview } from '../views/presets/PresetPreview';
import { Modal } from './Modal';
import './PresetModals.css';
import { FormProblem } from '../components/FormProblem';
import { noTokenSet } from './generate/generateDraft';
import { NoTokenNote } from './generate/NoTokenNote';

const NEW_PROJECT = '__new__';

/** Whatever was chosen last in this window, offered again; until then the default provider of Settings. */
let rememberedProvider: ProviderKind | null = null;

const PROVIDERS: readonly { id: ProviderKind; label: string; detail: string }[] = [
  { id: 'offline', label: 'Offline', detail: 'Drawn on this computer. No token needed.' },
  { id: 'huggingface', label: 'Hugging Face', detail: 'FLUX.1 through Hugging Face. Needs a token.' },
];

const TOKEN_PROBLEMS = new Set(['TOKEN_MISSING', 'PROVIDER_AUTH', 'PROVIDER_CREDITS']);

interface UsePresetModalProps {
  preset: Preset;
  onClose(): void;
}

/** A preset into a project: a name, how many, which provider, and any change to its look. */
export const UsePresetModal = ({ preset, onClose }: UsePresetModalProps) => {
  const transport = useTransport();
  const { upsertGenerations, upsertProject, setTrayOpen } = useActions();
  const toast = useToast();
  const providerName = useId();
  const projectSelectId = useId();
  const projects = useAppStore((state) => state.projects);
  const lastProjectId = useAppStore((state) => state.lastProjectId);
  const queue = useAppStore((state) => state.queue);
  const defaultProvider = useAppStore((state) => state.settings?.generation.provider ?? 'offline');
  const noToken = useAppStore((state) => noTokenSet(state.tokenStatus));
  const initialProject = projects.find((project) => project.id === lastProjectId)?.id ?? projects[0]?.id ?? NEW_PROJECT;
  const [projectId, setProjectId] = useState(initialProject);
  const [newProjectName, setNewProjectName] = useState(projects.length === 0 ? 'My avatars' : '');
  const [name, setName] = useState(preset.name);
  const [count, setCount] = useState('1');
  // Without a token Hugging Face cannot run: offline, and the dialog says why.
  const [provider, setProvider] = useState<ProviderKind>(noToken ? 'offline' : (rememberedProvider ?? defaultProvider));
  const [attributes, setAttributes] = useState<AttributesDraft>(() => attributesDraftOfPreset(preset));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  const changes = changedAttributeCount(preset, attributes);
  const countValue = Number(count);
  const countValid = Number.isInteger(countValue) && countValue >= 1 && countValue <= GENERATION_LIMITS.count;
  const tokenProblem = queue?.pauseReason && TOKEN_PROBLEMS.has(queue.pauseReason.code) ? describeError(queue.pauseReason) : null;

  const validate = (): FieldErrors => {
    const problems: FieldErrors = {};
    if (!countValid) problems.count = `Enter a whole number from 1 to ${GENERATION_LIMITS.count}.`;
    if (name.trim().length > LIMITS.avatarName) problems.name = `At most ${LIMITS.avatarName} characters.`;
    if (projectId === NEW_PROJECT && newProjectName.trim() === '') problems.project = 'Name the new project.';
    return problems;
  };

  const targetProject = async (): Promise<{ id: string; name: string } | null> => {
    if (projectId !== NEW_PROJECT) {
      const project = projects.find((entry) => entry.id === projectId);
      return project ? { id: project.id, name: project.name } : null;
    }
    const created = await transport.invoke('projects.create', { name: newProjectName });
    if (!created.ok) {
      setErrors({ project: issuesByField(created.error.issues).name ?? describeError(created.error).detail });
      return null;
    }
    upsertProject(created.value);
    setProjectId(created.value.id);
    return { id: created.value.id, name: created.value.name };
  };

  const submit = async () => {
    const problems = validate();
    setErrors(problems);
    setFailure(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    const project = await targetProject();
    if (!project) {
      setBusy(false);
      return;
    }
    const overrides = attributeOverrides(preset, attributes);
    const result = await transport.invoke('presets.use', {
      presetId: preset.id,
      projectId: project.id,
      count: countValue,
      params: { provider },
      ...(name.trim() && { name }),
      ...(overrides && { attributes: overrides }),
    });
    setBusy(false);
    if (!result.ok) {
      const fields = issuesByField(result.error.issues);
      setErrors(fields);
      setFailure(result.error);
      return;
    }
    rememberedProvider = provider;
    upsertGenerations(result.value);
    setTrayOpen(true);
    const first = result.value[0];
    toast.success(result.value.length === 1 && first ? `Making “${first.name}”` : `Making ${plural(result.value.length, 'avatar')}`, `From “${preset.name}”, into ${project.name}.`);
    onClose();
    navigate({ kind: 'project', projectId: project.id, avatarId: null });
  };

  const problem = failure ? describeError(failure) : null;
  const look = presetLook(preset);
  // "Ana Lima, 34" under Persona; a preset with only an age says just that.
  const persona = [preset.persona.name, preset.persona.age ? String(preset.persona.age) : null].filter(Boolean).join(', ');
  const personaLabel = preset.persona.name ? 'Persona' : 'Age';
  return (
    <Modal
      title={`Use “${preset.name}”`}
      description="Makes a new avatar from this preset’s persona, look and prompt."
      size="large"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <p className="preset-modal__summary">
            {plural(countValid ? countValue : 1, 'avatar')} · {provider === 'offline' ? 'Offline' : 'Hugging Face'}
            {changes > 0 && ` · ${plural(changes, 'change')} to the look`}
          </p>
          <button type="button" className="btn btn--secondary" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? <Spinner /> : <Icon name="sparkles" size={16} />}
            {busy ? 'Queuing…' : countValid && countValue > 1 ? `Create ${countValue} avatars` : 'Create avatar'}
          </button>
        </>
      }
    >
      <FormProblem problem={problem} />
      <div className="preset-use">
        <aside className="preset-use__about" aria-label="About this preset">
          <PresetPreview preset={preset} className="preset-use__preview" eager />
          <p className="preset-use__category">{PRESET_CATEGORY_LABELS[preset.category]}{preset.isBuiltin ? ' · Built-in' : ''}</p>
          {preset.description && <p className="preset-use__description">{preset.description}</p>}
          <dl className="preset-use__facts">
            {persona && (
              <>
                <dt>{personaLabel}</dt>
                <dd>{persona}</dd>
              </>
            )}
            {preset.persona.personality && preset.persona.personality.length > 0 && (
              <>
                <dt>Personality</dt>
                <dd>{preset.persona.personality.join(', ')}</dd>
              </>
            )}
            {look && (
              <>
                <dt>Look</dt>
                <dd>{look}</dd>
              </>
            )}
            {preset.prompt && (
              <>
                <dt>Prompt</dt>
                <dd className="preset-use__prompt">{preset.prompt}</dd>
              </>
            )}
          </dl>
        </aside>
        <div className="preset-use__form">
          <div className="field">
            <label className="field__label" htmlFor={projectSelectId}>
              Project
            </label>
            <select
              id={projectSelectId}
              className="input select"
              value={projectId}
              onChange={(event) => setProjectId(event.target.value)}
              aria-invalid={errors.project && projectId !== NEW_PROJECT ? true : undefined}
            >
              {projects.map((project) => (
                <option key={project.id} value={project.id}>
                  {project.name}
                </option>
              ))}
              <option value={NEW_PROJECT}>New project…</option>
            </select>
          </div>
          {projectId === NEW_PROJECT && (
            <TextField
              label="New project name"
              value={newProjectName}
              onChange={setNewProjectName}
              maxLength={LIMITS.projectName}
              error={errors.project}
              autoFocus={projects.length === 0}
              placeholder="e.g. Summer campaign"
            />
          )}
          <div className="preset-use__pair">
            <TextField label="Avatar name" value={name} onChange={setName} maxLength={LIMITS.avatarName} error={errors.name} placeholder={preset.name} autoFocus={projects.length > 0} />
            <NumberField label="How many" value={count} onChange={setCount} min={1} max={GENERATION_LIMITS.count} error={errors.count} />
          </div>
          {countValid && countValue > 1 && name.trim() !== '' && !errors.name && (
            <p className="field__hint preset-use__numbering">
              Named “{name.trim()} 1”, “{name.trim()} 2”…
            </p>
          )}
          <fieldset className="provider-choice">
            <legend className="field__label">Draw with</legend>
            <div className="provider-choice__options">
              {PROVIDERS.map((option) => (
                <label key={option.id} className="provider-choice__option">
                  <input
                    type="radio"
                    className="provider-choice__input"
                    name={providerName}
                    value={option.id}
                    checked={provider === option.id}
                    onChange={() => setProvider(option.id)}
                  />
                  <span className="provider-choice__card">
                    <span className="provider-choice__label">
                      <Icon name={option.id === 'offline' ? 'wifiOff' : 'sparkles'} size={16} />
                      {option.label}
                    </span>
                    <span className="provider-choice__detail">{option.detail}</span>
                  </span>
                </label>
              ))}
            </div>
            {noToken ? (
              <NoTokenNote offline={provider === 'offline'} />
            ) : provider === 'huggingface' && tokenProblem ? (
              <p className="note note--warning" role="status">
                <Icon name="alert" size={16} />
                <span>
                  Hugging Face generation is paused: {tokenProblem.title.toLowerCase()}. The avatars wait in the queue until that is fixed — or choose Offline.
                </span>
              </p>
            ) : (
              <p className="field__hint">
                The default is set in <a href="#/settings/generation">Settings → Generation</a>.
              </p>
            )}
          </fieldset>
          <Disclosure title="Change the look" summary={changes === 0 ? 'As the preset' : `${plural(changes, 'change')}`} forceOpen={Object.keys(errors).some((key) => key.startsWith('attributes.'))}>
            <div className="preset-use__look">
              <AttributesForm value={attributes} onChange={setAttributes} errors={errors} />
              {changes > 0 && (
                <button type="button" className="btn btn--small btn--quiet" onClick={() => setAttributes(attributesDraftOfPreset(preset))}>
                  <Icon name="retry" size={14} />
                  Back to the preset’s look
                </button>
              )}
            </div>
          </Disclosure>
        </div>
      </div>
    </Modal>
  );
};
