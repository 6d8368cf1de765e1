import { AppError, ErrorCode } from '../../../shared/errors';
import { collectDiagnostics, type DiagnosticsSources } from '../diagnostics/collectDiagnostics';
import type { HandlerGroup } from './router';

export const diagnosticsHandlers = (sources: DiagnosticsSources): HandlerGroup<'diagnostics.get' | 'library.move'> => ({
  'diagnostics.get': () => collectDiagnostics(sources),
  'library.move': ({ to }, { desktop }) => {
    if (!desktop?.moveLibrary) {
      throw new AppError(
        ErrorCode.UNSUPPORTED,
        'Only the desktop app can move its library while it runs. From a terminal, close the app and run `avatar-creator library move <folder>`.',
      );
    }
    return desktop.moveLibrary(to);
  },
});
