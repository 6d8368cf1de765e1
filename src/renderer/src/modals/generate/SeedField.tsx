import { GENERATION_LIMITS } from '../../../../shared/vocabulary';
import { Icon } from '../../components/Icon';
import { NumberField } from '../../components/fields/NumberField';
import { randomSeed } from './generateDraft';

interface SeedFieldProps {
  value: string;
  onChange(value: string): void;
  several: boolean;
  error?: string | null;
}

/** Empty means a fresh random seed per image; the dice fills in one to keep and reuse. */
export const SeedField = ({ value, onChange, several, error }: SeedFieldProps) => (
  <NumberField
    label="Seed"
    value={value}
    onChange={onChange}
    min={0}
    max={GENERATION_LIMITS.seedMax}
    placeholder="Random"
    error={error}
    hint={several ? 'Empty: random. A set seed makes the images repeatable; each next image uses the next seed.' : 'Empty: random. A set seed makes the image repeatable.'}
    addon={
      <>
        <button type="button" className="btn btn--icon btn--secondary" aria-label="Roll a random seed" title="Roll a random seed" onClick={() => onChange(String(randomSeed()))}>
          <Icon name="dice" size={18} />
        </button>
        {value !== '' && (
          <button type="button" className="btn btn--icon btn--quiet" aria-label="Clear the seed (random)" title="Clear (random)" onClick={() => onChange('')}>
            <Icon name="close" size={16} />
          </button>
        )}
      </>
    }
  />
);
