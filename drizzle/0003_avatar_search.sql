-- Full-text search over avatars (SQLite FTS5) and the indexes the search's filters and sorts read.
--
-- avatars_fts is an external-content index: it stores only the index, and reads the text through
-- the view avatars_fts_source (one definition of what is indexed, shared by the triggers and by
-- 'rebuild'). Besides the text it indexes the project id's body as one token (column `project`),
-- so a search inside a project is one FTS5 AND instead of a join over the whole library's matches;
-- searches name the text columns explicitly so words never match that token. Prefix indexes for
-- 1 to 3 characters answer what search-as-you-type sends first without merging every term that
-- starts that way (about a quarter more index).
-- Its rowid is the avatars rowid. VACUUM keeps those, but a migration that rebuilds the avatars
-- table (drizzle's "__new_avatars" copy) drops these triggers and renumbers rows: such a migration
-- must re-create the view and the triggers and end with the 'rebuild' below.
CREATE VIEW `avatars_fts_source` AS
SELECT
	rowid AS avatar_rowid,
	name,
	persona_name,
	persona_background,
	persona_personality,
	generation_prompt,
	concat_ws(' ', style, hair_style, hair_color, eye_color, skin_tone, ethnicity, body_type) AS attributes,
	substr(project_id, 5) AS project
FROM avatars;
--> statement-breakpoint
CREATE VIRTUAL TABLE `avatars_fts` USING fts5(
	name, persona_name, persona_background, persona_personality, generation_prompt, attributes, project,
	content = 'avatars_fts_source', content_rowid = 'avatar_rowid',
	tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
--> statement-breakpoint
CREATE TRIGGER `avatars_fts_after_insert` AFTER INSERT ON `avatars` BEGIN
	INSERT INTO avatars_fts (rowid, name, persona_name, persona_background, persona_personality, generation_prompt, attributes, project)
	SELECT avatar_rowid, name, persona_name, persona_background, persona_personality, generation_prompt, attributes, project
	FROM avatars_fts_source WHERE avatar_rowid = new.rowid;
END;
--> statement-breakpoint
-- An external-content delete must be given the values that were indexed: read them before they go.
CREATE TRIGGER `avatars_fts_before_delete` BEFORE DELETE ON `avatars` BEGIN
	INSERT INTO avatars_fts (avatars_fts, rowid, name, persona_name, persona_background, persona_personality, generation_prompt, attributes, project)
	SELECT 'delete', avatar_rowid, name, persona_name, persona_background, persona_personality, generation_prompt, attributes, project
	FROM avatars_fts_source WHERE avatar_rowid = old.rowid;
END;
--> statement-breakpoint
-- Only changes to indexed columns re-index (a move does: the project is indexed); usage counts and
-- timestamps do not touch the index.
CREATE TRIGGER `avatars_fts_before_update` BEFORE UPDATE OF
	name, persona_name, persona_background, persona_personality, generation_prompt,
	style, hair_style, hair_color, eye_color, skin_tone, ethnicity, body_type, project_id
ON `avatars` BEGIN
	INSERT INTO avatars_fts (avatars_fts, rowid, name, persona_name, persona_background, persona_personality, generation_prompt, attributes, project)
	SELECT 'delete', avatar_rowid, name, persona_name, persona_background, persona_personality, generation_prompt, attributes, project
	FROM avatars_fts_source WHERE avatar_rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `avatars_fts_after_update` AFTER UPDATE OF
	name, persona_name, persona_background, persona_personality, generation_prompt,
	style, hair_style, hair_color, eye_color, skin_tone, ethnicity, body_type, project_id
ON `avatars` BEGIN
	INSERT INTO avatars_fts (rowid, name, persona_name, persona_background, persona_personality, generation_prompt, attributes, project)
	SELECT avatar_rowid, name, persona_name, persona_background, persona_personality, generation_prompt, attributes, project
	FROM avatars_fts_source WHERE avatar_rowid = new.rowid;
END;
--> statement-breakpoint
INSERT INTO avatars_fts (avatars_fts) VALUES ('rebuild');
--> statement-breakpoint
-- Keyset pagination for each sort, within a project and across the library. Each index ends in the
-- sort's tie-breakers so a page is read in order from the index, never sorted.
-- recently_used sorts on coalesce(last_used_at, -1) so never-used avatars come last under DESC.
CREATE INDEX `avatars_project_used_idx` ON `avatars` (`project_id`, `usage_count`, `created_at`, `id`);
--> statement-breakpoint
CREATE INDEX `avatars_project_last_used_idx` ON `avatars` (`project_id`, coalesce(`last_used_at`, -1), `created_at`, `id`);
--> statement-breakpoint
CREATE INDEX `avatars_project_name_idx` ON `avatars` (`project_id`, `name` COLLATE NOCASE, `id`);
--> statement-breakpoint
CREATE INDEX `avatars_created_idx` ON `avatars` (`created_at`, `id`);
--> statement-breakpoint
CREATE INDEX `avatars_used_idx` ON `avatars` (`usage_count`, `created_at`, `id`);
--> statement-breakpoint
CREATE INDEX `avatars_last_used_idx` ON `avatars` (coalesce(`last_used_at`, -1), `created_at`, `id`);
--> statement-breakpoint
CREATE INDEX `avatars_name_idx` ON `avatars` (`name` COLLATE NOCASE, `id`);
--> statement-breakpoint
-- Every filter column, so a library-wide count with filters reads this index alone, and a filter
-- that keeps few avatars finds them here (the search names it with INDEXED BY; see avatarSearch.ts).
CREATE INDEX `avatars_filter_idx` ON `avatars` (`gender`, `age_range`, `source_type`, `style` COLLATE NOCASE, `provider`, `model`);
