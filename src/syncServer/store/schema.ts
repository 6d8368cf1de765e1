import Database from 'better-sqlite3';

/**
 * The cloud's tables, reduced to what the API shows. A plain schema made at start: this is a
 * test double of someone else's service, so it has no migrations. `seq` orders rows made in
 * the same millisecond (newest first must be exact for the client's "list and match").
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT, password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS credits (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  amount INTEGER NOT NULL, balance INTEGER NOT NULL, type TEXT NOT NULL, description TEXT,
  created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS app_usage (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL, app_id TEXT NOT NULL, action TEXT NOT NULL,
  credit_used INTEGER NOT NULL, metadata TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS projects (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, name TEXT NOT NULL, description TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS projects_by_user ON projects(user_id, created_at DESC, seq DESC);
CREATE TABLE IF NOT EXISTS avatars (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, user_id TEXT NOT NULL,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name TEXT NOT NULL, base_image_url TEXT NOT NULL, thumbnail_url TEXT,
  persona_name TEXT, persona_age INTEGER, persona_personality TEXT, persona_background TEXT,
  gender TEXT, age_range TEXT, ethnicity TEXT, body_type TEXT, hair_style TEXT, hair_color TEXT,
  eye_color TEXT, skin_tone TEXT, style TEXT,
  source_type TEXT NOT NULL, generation_prompt TEXT, seed_used INTEGER,
  usage_count INTEGER NOT NULL DEFAULT 0, last_used_at TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS avatars_by_project ON avatars(project_id, created_at DESC, seq DESC);
CREATE TABLE IF NOT EXISTS usage_history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
  avatar_id TEXT NOT NULL REFERENCES avatars(id) ON DELETE CASCADE, user_id TEXT NOT NULL,
  app_id TEXT NOT NULL, app_name TEXT NOT NULL, action TEXT NOT NULL, reference_id TEXT,
  reference_type TEXT, metadata TEXT, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS usage_by_avatar ON usage_history(avatar_id, created_at DESC, seq DESC);
CREATE TABLE IF NOT EXISTS files (
  url TEXT PRIMARY KEY, avatar_id TEXT NOT NULL REFERENCES avatars(id) ON DELETE CASCADE,
  content_type TEXT NOT NULL, bytes BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (
  user_id TEXT NOT NULL, scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL, body TEXT NOT NULL, created_ms INTEGER NOT NULL,
  PRIMARY KEY (user_id, scope, key));
`;

export type Db = Database.Database;

export const openDatabase = (file: string): Db => {
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  // Cascades (project → avatars → usage and files) are the database's job, as in the cloud.
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  return db;
};
