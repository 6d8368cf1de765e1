import type { ErrorText } from '../lib/errorText';
import { Icon } from './Icon';

/** A failed submit, said plainly above the form it belongs to; the form keeps what was typed. */
export const FormProblem = ({ problem }: { problem: ErrorText | null }) =>
  problem ? (
    <div className="form-error" role="alert">
      <Icon name="alert" size={16} />
      <span>
        <strong>{problem.title}.</strong> {problem.detail}
        {problem.fix && (
          <>
            {' '}
            <a className="form-error__fix" href={problem.fix.href}>
              {problem.fix.label}
            </a>
          </>
        )}
      </span>
    </div>
  ) : null;
