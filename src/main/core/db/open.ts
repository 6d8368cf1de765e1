import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type LibraryDb = BetterSQLite3Database<typeof schema>;

export interface OpenDatabaseOptions {
  file: string;
  migrationsFolder: string;
  /** Path to a better_sqlite3.node built for the running runtime (Electron passes its own). */
  nativeBinding?: string;
}

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: LibraryDb;
}

/** Opens the library database, sets its durability and integrity pragmas, and applies pending migrations. */
export const openDatabase = ({ file, migrationsFolder, nativeBinding }: OpenDatabaseOptions): OpenedDatabase => {
  const sqlite = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    sqlite.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commits.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // The app and the CLI may share a library; wait for the other writer instead of failing.
    sqlite.pragma('busy_timeout = 5000');
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder });
    return { sqlite, db };
  } catch (error) {
    sqlite.close();
    throw error;
  }
};

export type LibraryTx = Parameters<Parameters<LibraryDb['transaction']>[0]>[0];
/** Either the database or an open transaction on it: queries accept both. */
export type Queryable = LibraryDb | LibraryTx;
