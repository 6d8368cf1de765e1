import { useEffect, useRef, useState } from 'react';
import type { ProjectSummary } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import { GENERATION_LIMITS } from '../../../../shared/vocabulary';
import { AttributesForm } from '../../components/AttributesForm';
import { Icon } from '../../components/Icon';
import { PersonaForm } from '../../components/PersonaForm';
import { Spinner } from '../../components/Spinner';
import { TextField } from '../../components/fields/TextField';
import { useActions, useAppStore, useTransport } from '../../hooks/appContext';
import { useToast } from '../../hooks/useToast';
import type { FieldErrors } from '../../lib/drafts';
import { describeError } from '../../lib/errorText';
import { plural } from '../../lib/format';
import { Modal } from '../Modal';
import { countOf, createInputOf, defaultDraftFor, fieldErrorsOf, modelOption, noTokenSet, sizePreset, submitLabel, validateGenerateDraft, withTokenDefault, type GenerateDraft } from './generateDraft';
import { GenerateSettings } from './GenerateSettings';
import { NegativePromptField } from './NegativePromptField';
import './GenerateModal.css';
import { FormProblem } from '../../components/FormProblem';

/**
 * What was last typed, for the next time the dialog opens in this window (closing by mistake, or
 * following a link out of it, loses nothing). Until then a fresh dialog starts from the settings.
 */
let remembered: GenerateDraft | null = null;

const focusFirstInvalid = (): void => {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.generate-layout [aria-invalid="true"]')?.focus());
};

interface GenerateModalProps {
  project: ProjectSummary;
  /** Start from this instead of what was last typed ("Use this recipe"). */
  initialDraft?: GenerateDraft;
  onClose(): void;
}

/** A recipe (prompt, persona, appearance) and how to render it, queued as durable jobs in one call. */
export const GenerateModal = ({ project, initialDraft, onClose }: GenerateModalProps) => {
  const transport = useTransport();
  const { upsertGenerations, setTrayOpen } = useActions();
  const toast = useToast();
  const generation = useAppStore((state) => state.settings?.generation ?? null);
  const tokenStatus = useAppStore((state) => state.tokenStatus);
  const noToken = noTokenSet(tokenStatus);
  const [draft, setDraft] = useState(() => withTokenDefault(initialDraft ?? remembered ?? defaultDraftFor(generation, tokenStatus), tokenStatus));
  const latest = useRef(draft);
  latest.current = draft;
  useEffect(
    () => () => {
      remembered = latest.current;
    },
    [],
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const count = countOf(draft);
  const size = sizePreset(draft.size);
  const set = <K extends keyof GenerateDraft>(key: K, value: GenerateDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const close = () => onClose();

  const submit = async () => {
    const problems = validateGenerateDraft(draft);
    setErrors(problems);
    setFormError(null);
    if (Object.keys(problems).length > 0) return focusFirstInvalid();
    setBusy(true);
    const result = await transport.invoke('generations.create', createInputOf(draft, project.id));
    setBusy(false);
    if (!result.ok) {
      // Everything typed stays; the reason shows at its field when it has one, and above the form.
      setErrors(result.error.code === 'VALIDATION_FAILED' ? fieldErrorsOf(result.error.issues) : {});
      setFormError(result.error);
      return focusFirstInvalid();
    }
    upsertGenerations(result.value);
    setTrayOpen(true);
    const first = result.value[0];
    toast.success(result.value.length === 1 && first ? `Generating “${first.name}”` : `Generating ${plural(result.value.length, 'avatar')}`, 'Each one appears in the project when it is done.');
    onClose();
  };

  const problem = formError ? describeError(formError) : null;
  return (
    <Modal
      title="Generate avatars"
      description={
        <>
          Into <strong>{project.name}</strong>. The prompt is written from the persona and appearance, plus anything you add.
        </>
      }
      size="large"
      busy={busy}
      onClose={close}
      onSubmit={() => void submit()}
      footer={
        <>
          <p className="generate-summary">
            {plural(count, 'image')} · {size.width}×{size.height} · {modelOption(draft.model).label}
          </p>
          <button type="button" className="btn btn--secondary" onClick={close} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? <Spinner /> : <Icon name="sparkles" size={16} />}
            {busy ? 'Queuing…' : submitLabel(count)}
          </button>
        </>
      }
    >
      <FormProblem problem={problem} />
      <div className="generate-layout">
        <div className="generate-recipe">
          <TextField
            label="Prompt"
            multiline
            autoFocus
            value={draft.prompt}
            onChange={(prompt) => set('prompt', prompt)}
            maxLength={GENERATION_LIMITS.prompt}
            error={errors.prompt}
            placeholder="e.g. warm smile, denim jacket, golden-hour street portrait"
            hint="Optional. Added to the description built from the persona and appearance."
          />
          <NegativePromptField value={draft.negativePrompt} onChange={(value) => set('negativePrompt', value)} model={draft.model} error={errors.negativePrompt} />
          <PersonaForm value={draft.persona} onChange={(persona) => set('persona', persona)} errors={errors} />
          <AttributesForm value={draft.attributes} onChange={(attributes) => set('attributes', attributes)} errors={errors} />
        </div>
        <GenerateSettings draft={draft} onChange={setDraft} errors={errors} noToken={noToken} />
      </div>
    </Modal>
  );
};
