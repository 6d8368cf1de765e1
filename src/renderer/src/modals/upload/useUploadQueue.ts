import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Avatar, AttributesInput, PersonaInput } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import { useTransport } from '../../hooks/appContext';
import { nameFromFileName } from '../../lib/format';

export const UPLOAD_STATUSES = ['ready', 'uploading', 'done', 'failed'] as const;
export type UploadStatus = (typeof UPLOAD_STATUSES)[number];

export interface UploadItem {
  key: string;
  file: File;
  name: string;
  status: UploadStatus;
  error: AppErrorShape | null;
}

export interface UploadDetails {
  persona: Partial<PersonaInput>;
  attributes: Partial<AttributesInput>;
}

export interface UploadOutcome {
  added: Avatar[];
  /** A problem with the shared form rather than with one file: stop and show it at the field. */
  formError: AppErrorShape | null;
  failed: number;
  stopped: boolean;
}

let nextKey = 1;
const toItem = (file: File): UploadItem => ({ key: `upload-${nextKey++}`, file, name: nameFromFileName(file.name), status: 'ready', error: null });

const unreadable = (file: File): AppErrorShape => ({ code: 'IMAGE_CORRUPT', message: `“${file.name}” could not be read from disk.` });

const isFormProblem = (error: AppErrorShape): boolean =>
  error.code === 'VALIDATION_FAILED' && (error.issues ?? []).some((issue) => /^(persona|attributes)\b/.test(issue.path));

/** The files of one upload dialog and their fate, uploaded one at a time in the order shown. */
export const useUploadQueue = (initialFiles: readonly File[], projectId: string) => {
  const transport = useTransport();
  const [items, setItems] = useState<UploadItem[]>(() => initialFiles.map(toItem));
  const itemsRef = useRef(items);
  useLayoutEffect(() => {
    itemsRef.current = items;
  }, [items]);
  const stopRef = useRef(false);

  const patch = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback((files: readonly File[]) => setItems((current) => [...current, ...files.map(toItem)]), []);
  const remove = useCallback((key: string) => setItems((current) => current.filter((item) => item.key !== key)), []);
  const rename = useCallback((key: string, name: string) => patch(key, { name }), [patch]);
  const stop = useCallback(() => {
    stopRef.current = true;
  }, []);

  const run = useCallback(
    async (details: UploadDetails, onAdded: (avatar: Avatar) => void): Promise<UploadOutcome> => {
      stopRef.current = false;
      const added: Avatar[] = [];
      let failed = 0;
      const pending = itemsRef.current.filter((item) => item.status === 'ready' || item.status === 'failed');
      for (const item of pending) {
        if (stopRef.current) return { added, formError: null, failed, stopped: true };
        patch(item.key, { status: 'uploading', error: null });
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await item.file.arrayBuffer());
        } catch {
          patch(item.key, { status: 'failed', error: unreadable(item.file) });
          failed += 1;
          continue;
        }
        const name = item.name.trim();
        const result = await transport.invoke('avatars.upload', {
          projectId,
          fileName: item.file.name.slice(-255),
          bytes,
          ...(name && { name }),
          ...details,
        });
        if (result.ok) {
          patch(item.key, { status: 'done' });
          added.push(result.value);
          onAdded(result.value);
        } else if (isFormProblem(result.error)) {
          patch(item.key, { status: 'ready' });
          return { added, formError: result.error, failed, stopped: true };
        } else {
          patch(item.key, { status: 'failed', error: result.error });
          failed += 1;
        }
      }
      return { added, formError: null, failed, stopped: false };
    },
    [patch, projectId, transport],
  );

  return { items, add, remove, rename, run, stop };
};
