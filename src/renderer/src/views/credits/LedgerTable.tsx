import type { LedgerEntry } from '../../../../shared/credits';
import { formatDateTime } from '../../lib/format';
import { formatRelative } from '../../lib/relativeTime';
import { ACTION_LABELS, noteText, signedAmount } from './ledger';
import { LedgerTarget } from './LedgerTarget';

/** The ledger, newest first: what was charged or given back, for what, and when. */
export const LedgerTable = ({ entries }: { entries: readonly LedgerEntry[] }) => (
  <table className="ledger" aria-label="Credit history">
    <thead>
      <tr>
        <th scope="col">When</th>
        <th scope="col">Entry</th>
        <th scope="col">Action</th>
        <th scope="col">Note</th>
        <th scope="col" className="ledger__amount">
          Credits
        </th>
        <th scope="col">
          <span className="visually-hidden">Link</span>
        </th>
      </tr>
    </thead>
    <tbody>
      {entries.map((entry) => (
        <tr key={entry.id} data-testid="ledger-entry" data-kind={entry.kind} data-action={entry.action} data-amount={entry.amount}>
          <td title={formatDateTime(entry.createdAt)}>{formatRelative(entry.createdAt)}</td>
          <td>
            <span className={`ledger__kind ledger__kind--${entry.kind}`}>{entry.kind === 'charge' ? 'Charge' : 'Refund'}</span>
          </td>
          <td>{ACTION_LABELS[entry.action] ?? entry.action}</td>
          <td className="ledger__note">{noteText(entry.note) ?? ''}</td>
          <td className={`ledger__amount ledger__amount--${entry.kind}`}>{signedAmount(entry)}</td>
          <td className="ledger__target">
            <LedgerTarget entry={entry} />
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);
