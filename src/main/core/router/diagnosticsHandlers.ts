import { collectDiagnostics, type DiagnosticsSources } from '../diagnostics/collectDiagnostics';
import type { HandlerGroup } from './router';

export const diagnosticsHandlers = (sources: DiagnosticsSources): HandlerGroup<'diagnostics.get'> => ({
  'diagnostics.get': () => collectDiagnostics(sources),
});
