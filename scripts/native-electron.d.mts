// Types for scripts/native-electron.mjs, so TypeScript tests and scripts can import it.
export declare const PROJECT_ROOT: string;
export declare const electronVersion: (root?: string) => string;
export declare const electronBinaryPath: (root?: string) => string | null;
export declare const electronBinaryPresent: (root?: string) => boolean;
export declare const nativeBindingTarget: (options: { root?: string; version: string; platform?: string; arch?: string }) => string;
export declare const buildEnv: (env?: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
export interface NativeBuildResult {
  status: 'exists' | 'built';
  file: string;
}
export declare const buildElectronNative: (options?: {
  root?: string;
  force?: boolean;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}) => NativeBuildResult;
