import { useState } from 'react';
import { LIMITS } from '../../../../shared/vocabulary';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useObjectUrl } from '../../hooks/useObjectUrl';
import { errorLine } from '../../lib/errorText';
import { formatBytes } from '../../lib/format';
import type { UploadItem } from './useUploadQueue';

interface UploadFileRowProps {
  item: UploadItem;
  locked: boolean;
  onRename(name: string): void;
  onRemove(): void;
}

const StatusLine = ({ item }: { item: UploadItem }) => {
  switch (item.status) {
    case 'ready':
      return <span className="upload-row__status">{formatBytes(item.file.size)}</span>;
    case 'uploading':
      return (
        <span className="upload-row__status upload-row__status--busy">
          <Spinner /> Uploading…
        </span>
      );
    case 'done':
      return (
        <span className="upload-row__status upload-row__status--done">
          <Icon name="check" size={14} /> Added
        </span>
      );
    case 'failed':
      return (
        <span className="upload-row__status upload-row__status--failed">
          <Icon name="alert" size={14} /> {item.error ? errorLine(item.error) : 'Failed.'}
        </span>
      );
  }
};

export const UploadFileRow = ({ item, locked, onRename, onRemove }: UploadFileRowProps) => {
  const preview = useObjectUrl(item.file);
  const [broken, setBroken] = useState(false);
  const editable = !locked && item.status !== 'done' && item.status !== 'uploading';
  return (
    <li className={`upload-row upload-row--${item.status}`} data-testid="upload-row">
      <div className="upload-row__preview">
        {preview && !broken ? <img src={preview} alt="" onError={() => setBroken(true)} /> : <Icon name="image" size={22} />}
      </div>
      <div className="upload-row__main">
        <input
          className="input input--compact"
          value={item.name}
          maxLength={LIMITS.avatarName}
          readOnly={!editable}
          aria-label={`Avatar name for ${item.file.name}`}
          onChange={(event) => onRename(event.target.value)}
        />
        <span className="upload-row__file" title={item.file.name}>
          {item.file.name}
        </span>
        <StatusLine item={item} />
        {item.status === 'uploading' && <span className="progress progress--indeterminate" aria-hidden="true" />}
      </div>
      {editable && (
        <button type="button" className="btn btn--icon btn--quiet" aria-label={`Remove ${item.file.name}`} onClick={onRemove}>
          <Icon name="close" size={16} />
        </button>
      )}
    </li>
  );
};
