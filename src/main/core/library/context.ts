import type { LibraryDb } from '../db/open';
import type { ImageStore } from '../images/imageStore';
import type { ChangeFeed } from './changeFeed';

/** What every service of one open library shares. */
export interface LibraryContext {
  db: LibraryDb;
  images: ImageStore;
  feed: ChangeFeed;
  now: () => number;
}
