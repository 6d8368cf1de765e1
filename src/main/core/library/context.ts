import type { LibraryDb } from '../db/open';
import type { ImageStore } from '../images/imageStore';
import type { ReferenceStore } from '../images/referenceStore';
import type { ChangeFeed } from './changeFeed';

/** What every service of one open library shares. */
export interface LibraryContext {
  db: LibraryDb;
  images: ImageStore;
  references: ReferenceStore;
  feed: ChangeFeed;
  now: () => number;
}
