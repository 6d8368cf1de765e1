import { useState } from 'react';
import type { Avatar } from '../../../../shared/domain';
import { useTransport } from '../../hooks/appContext';
import { useToast } from '../../hooks/useToast';
import { SavePresetModal } from '../../modals/SavePresetModal';
import { Icon } from '../Icon';
import { Spinner } from '../Spinner';
import { USAGE_ACTIONS, copyImage, exportImage, recordUsage } from './usageActions';
import './Usage.css';

/** Take the avatar somewhere else: the clipboard, a file, or a preset to make more like it. */
export const AvatarActions = ({ avatar }: { avatar: Avatar }) => {
  const transport = useTransport();
  const toast = useToast();
  const [copying, setCopying] = useState(false);
  const [saving, setSaving] = useState(false);

  const copy = async () => {
    setCopying(true);
    const outcome = await copyImage(transport, avatar);
    setCopying(false);
    if (!outcome.ok) {
      toast.info('The image was not copied', `${outcome.message} Use Export to save it as a file instead.`);
      return;
    }
    toast.success('Image copied', 'Paste it into any app.');
    if (outcome.recorded) return;
    const failure = await recordUsage(transport, avatar.id, USAGE_ACTIONS.copy);
    if (failure) toast.failure('Copied, but the use was not recorded', failure);
  };

  const download = async () => {
    exportImage(transport, avatar);
    const failure = await recordUsage(transport, avatar.id, USAGE_ACTIONS.export);
    if (failure) toast.failure('Exported, but the use was not recorded', failure);
  };

  return (
    <div className="avatar-actions" role="group" aria-label="Use this avatar">
      <button type="button" className="btn btn--secondary btn--small" onClick={() => void copy()} disabled={copying}>
        {copying ? <Spinner /> : <Icon name="copy" size={15} />}
        Copy image
      </button>
      <button type="button" className="btn btn--secondary btn--small" onClick={() => void download()}>
        <Icon name="download" size={15} />
        Export
      </button>
      <button type="button" className="btn btn--secondary btn--small" onClick={() => setSaving(true)}>
        <Icon name="bookmark" size={15} />
        Save as preset
      </button>
      {saving && <SavePresetModal avatar={avatar} onClose={() => setSaving(false)} />}
    </div>
  );
};
