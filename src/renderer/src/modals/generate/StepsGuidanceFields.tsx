import { GENERATION_LIMITS } from '../../../../shared/vocabulary';
import { NumberField } from '../../components/fields/NumberField';

interface StepsGuidanceFieldsProps {
  steps: string;
  guidance: string;
  errors: { steps?: string; guidance?: string };
  onSteps(steps: string): void;
  onGuidance(guidance: string): void;
  /** What is usual for the model chosen: each dialog knows its own. */
  stepsHint: string;
  guidanceHint: string;
  className: string;
}

/** Steps and guidance side by side, within the limits the library checks again. */
export const StepsGuidanceFields = ({ steps, guidance, errors, onSteps, onGuidance, stepsHint, guidanceHint, className }: StepsGuidanceFieldsProps) => (
  <div className={className}>
    <NumberField label="Steps" value={steps} onChange={onSteps} min={1} max={GENERATION_LIMITS.stepsMax} error={errors.steps} hint={stepsHint} />
    <NumberField label="Guidance" value={guidance} onChange={onGuidance} min={0} max={GENERATION_LIMITS.guidanceMax} step={0.5} error={errors.guidance} hint={guidanceHint} />
  </div>
);
