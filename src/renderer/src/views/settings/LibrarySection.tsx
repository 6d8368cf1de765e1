import { Icon } from '../../components/Icon';
import { useAppStore } from '../../hooks/appContext';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { MoveLibrary } from './MoveLibrary';
import { SettingsCard } from './SettingsCard';

/** Where the library lives. Read only: it changes only by moving the library. */
export const LibrarySection = () => {
  const location = useAppStore((state) => (state.settings ? state.settings.libraryLocation : undefined));
  if (location === undefined) return null;
  return (
    <SettingsCard section="library" title="Library location" description="Where your projects, avatars and their images are kept.">
      <p className="library-location" data-testid="library-location">
        <Icon name="folder" size={16} />
        {location ? <code>{location}</code> : <span>The default folder for Avatar Creator on this computer</span>}
      </p>
      <MoveLibrary />
      <DiagnosticsPanel />
    </SettingsCard>
  );
};
