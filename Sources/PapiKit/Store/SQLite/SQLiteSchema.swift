import GRDB

/// The versioned schema of the embedded store. Migrations are only ever appended: a
/// database made by an older build opens in a newer one, which brings it up to date.
enum SQLiteSchema {
  /// The number of migrations, kept in the file's `user_version`: a file with a larger one
  /// was made by a newer papi.
  static let version = 7

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: waves, respondents, import log, unit register") { db in
      // The questionnaire text is kept with each wave, so editing the file later never
      // changes an old wave's scores.
      try db.execute(
        sql: """
          CREATE TABLE questionnaire (
            hash TEXT PRIMARY KEY,          -- SHA-256 of the YAML text
            id TEXT NOT NULL,
            kind TEXT NOT NULL,
            yaml TEXT NOT NULL,
            stored_at TEXT NOT NULL
          );
          CREATE TABLE wave (
            name TEXT PRIMARY KEY,
            questionnaire_hash TEXT NOT NULL REFERENCES questionnaire(hash),
            created_at TEXT NOT NULL
          );
          -- Units seen in a wave: level 0 is the unit column, level k the k-th parent column.
          CREATE TABLE wave_unit (
            wave TEXT NOT NULL REFERENCES wave(name),
            level INTEGER NOT NULL,
            code TEXT NOT NULL,
            name TEXT,
            parent_code TEXT,
            seq INTEGER NOT NULL,
            PRIMARY KEY (wave, level, code)
          ) WITHOUT ROWID;
          CREATE TABLE import_log (
            id INTEGER PRIMARY KEY,
            wave TEXT NOT NULL REFERENCES wave(name),
            file TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            rows_read INTEGER NOT NULL,
            rows_imported INTEGER NOT NULL,
            rows_replaced INTEGER NOT NULL,
            rows_unchanged INTEGER NOT NULL,
            rows_skipped INTEGER NOT NULL,
            rows_rejected INTEGER NOT NULL,
            questionnaire_id TEXT NOT NULL,
            questionnaire_hash TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            tool_version TEXT NOT NULL
          );
          -- One row per respondent: the coded answers, one byte per indicator. Personal
          -- data never reaches this table: the reader drops it.
          CREATE TABLE respondent (
            wave TEXT NOT NULL REFERENCES wave(name),
            id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            unit_code TEXT NOT NULL,
            weight REAL NOT NULL,
            answers BLOB NOT NULL,
            import_id INTEGER NOT NULL REFERENCES import_log(id),
            PRIMARY KEY (wave, id)
          ) WITHOUT ROWID;
          CREATE UNIQUE INDEX respondent_order ON respondent(wave, seq);
          CREATE TABLE unit_set (
            name TEXT PRIMARY KEY,
            file TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            loaded_at TEXT NOT NULL
          );
          CREATE TABLE register_unit (
            unit_set TEXT NOT NULL REFERENCES unit_set(name),
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            level TEXT NOT NULL,
            parent_code TEXT,
            valid_from TEXT,
            valid_to TEXT,
            PRIMARY KEY (unit_set, code)
          ) WITHOUT ROWID;
          -- Old unit code → new unit code with the share of the old unit's respondents that
          -- count towards the new one (many-to-many, as the 2025 resolutions are).
          CREATE TABLE crosswalk (
            to_set TEXT NOT NULL REFERENCES unit_set(name),
            old_code TEXT NOT NULL,
            new_code TEXT NOT NULL,
            share REAL NOT NULL,
            file TEXT NOT NULL,
            PRIMARY KEY (to_set, old_code, new_code)
          ) WITHOUT ROWID;
          """)
    }
    migrator.registerMigration("v2: published scores") { db in
      // Published scores (PRODUCT.md §3.5), e.g. the official provincial PAPI 2011–2024.
      try db.execute(
        sql: """
          CREATE TABLE benchmark_set (
            name TEXT PRIMARY KEY,
            file TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            loaded_at TEXT NOT NULL
          );
          CREATE TABLE benchmark (
            set_name TEXT NOT NULL REFERENCES benchmark_set(name),
            unit_code TEXT NOT NULL,
            unit_name TEXT,
            level TEXT NOT NULL,
            parent_code TEXT,
            wave TEXT NOT NULL,
            metric TEXT NOT NULL,
            score REAL NOT NULL,
            PRIMARY KEY (set_name, wave, unit_code, metric)
          ) WITHOUT ROWID;
          -- The published group of a unit in a wave (the official quartile group).
          CREATE TABLE benchmark_group (
            set_name TEXT NOT NULL REFERENCES benchmark_set(name),
            unit_code TEXT NOT NULL,
            wave TEXT NOT NULL,
            label TEXT NOT NULL,
            PRIMARY KEY (set_name, wave, unit_code)
          ) WITHOUT ROWID;
          """)
    }
    migrator.registerMigration("v3: action register with append-only history") { db in
      // Action items (PRODUCT.md §2 `papi plan`, `papi actions`): one per wave, unit,
      // metric and task. The baseline columns keep what the flag said when it was planned.
      try db.execute(
        sql: """
          CREATE TABLE action (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE,
            wave TEXT NOT NULL REFERENCES wave(name),
            level TEXT NOT NULL,
            unit_code TEXT NOT NULL,
            unit_name TEXT,
            parent_code TEXT,
            metric TEXT NOT NULL,
            metric_vi TEXT NOT NULL,
            metric_en TEXT NOT NULL,
            flag TEXT NOT NULL,
            score REAL, se REAL, low REAL, upp REAL, n INTEGER NOT NULL, complete INTEGER NOT NULL,
            target REAL, gap REAL, rule TEXT,
            task TEXT NOT NULL,
            title_vi TEXT NOT NULL,
            title_en TEXT NOT NULL,
            lead TEXT NOT NULL,
            support TEXT NOT NULL,          -- office names separated by U+001F
            due TEXT NOT NULL,              -- YYYY-MM-DD
            priority TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
            flagged INTEGER NOT NULL,
            catalogue TEXT NOT NULL,
            created_at TEXT NOT NULL
          );
          CREATE INDEX action_by_wave ON action(wave, level, unit_code);
          -- Every change of every action, in order. Never updated, never deleted.
          CREATE TABLE action_event (
            seq INTEGER PRIMARY KEY,
            action_id TEXT NOT NULL REFERENCES action(id),
            at TEXT NOT NULL,
            author TEXT NOT NULL,
            kind TEXT NOT NULL,
            from_status TEXT,
            to_status TEXT,
            note TEXT
          );
          CREATE INDEX action_event_by_action ON action_event(action_id, seq);
          CREATE TRIGGER action_event_append_only_update BEFORE UPDATE ON action_event
          BEGIN SELECT RAISE(ABORT, 'the action history is append-only'); END;
          CREATE TRIGGER action_event_append_only_delete BEFORE DELETE ON action_event
          BEGIN SELECT RAISE(ABORT, 'the action history is append-only'); END;
          -- The offices plans name, with their English names and their successors after the
          -- 2025 reorganisation, so any later listing can show them.
          CREATE TABLE office (
            name TEXT PRIMARY KEY,
            en TEXT NOT NULL,
            after_2025_vi TEXT,
            after_2025_en TEXT
          ) WITHOUT ROWID;
          """)
    }
    migrator.registerMigration("v4: respondents kept in key order only") { db in
      // The (wave, seq) index made every bulk import fill a second tree in random order
      // (a third of an import's time) and a wave's read-back jump through the table; a
      // wave is read whole, so its rows are sorted by seq while being read instead. The
      // next seq of each wave is kept with the wave.
      try db.execute(
        sql: """
          DROP INDEX respondent_order;
          ALTER TABLE wave ADD COLUMN next_seq INTEGER NOT NULL DEFAULT 0;
          UPDATE wave SET next_seq = (SELECT COALESCE(MAX(seq) + 1, 0) FROM respondent r WHERE r.wave = wave.name);
          """)
    }
    migrator.registerMigration("v5: citizen feedback") { db in
      // Comments from surveys and petitions from feedback exports, masked before they get
      // here; classified when read, so that an extended lexicon applies to what is stored.
      try db.execute(
        sql: """
          CREATE TABLE feedback_import (
            id INTEGER PRIMARY KEY,
            wave TEXT NOT NULL,
            file TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            rows_read INTEGER NOT NULL,
            items_imported INTEGER NOT NULL,
            items_replaced INTEGER NOT NULL,
            items_unchanged INTEGER NOT NULL,
            imported_at TEXT NOT NULL,
            tool_version TEXT NOT NULL
          );
          CREATE TABLE feedback (
            wave TEXT NOT NULL,
            id TEXT NOT NULL,
            seq INTEGER NOT NULL,           -- order of arrival, for stable listings
            source TEXT NOT NULL,           -- 'survey' (a questionnaire's free-text column) or 'export'
            file TEXT NOT NULL,
            line INTEGER NOT NULL,
            unit_code TEXT NOT NULL,
            date TEXT,
            channel TEXT,
            status TEXT,
            text TEXT NOT NULL,
            PRIMARY KEY (wave, id)
          ) WITHOUT ROWID;
          """)
    }
    migrator.registerMigration("v6: PAR INDEX results; actions from PAR INDEX criteria") { db in
      // A year of PAR INDEX results keeps the criteria set it was checked against, as a wave
      // keeps its questionnaire. Offices are kept as `name U+001F role U+001F count`, one
      // per office, separated by U+001E.
      try db.execute(
        sql: """
          CREATE TABLE par_criteria (
            hash TEXT PRIMARY KEY,          -- SHA-256 of the YAML text
            id TEXT NOT NULL,
            yaml TEXT NOT NULL,
            source TEXT NOT NULL,
            stored_at TEXT NOT NULL
          );
          CREATE TABLE par_year (
            year TEXT PRIMARY KEY,
            criteria_hash TEXT NOT NULL REFERENCES par_criteria(hash),
            updated_at TEXT NOT NULL
          );
          CREATE TABLE par_import (
            id INTEGER PRIMARY KEY,
            year TEXT NOT NULL,
            file TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            criteria_id TEXT NOT NULL,
            rows_read INTEGER NOT NULL,
            rows_imported INTEGER NOT NULL,
            rows_replaced INTEGER NOT NULL,
            rows_unchanged INTEGER NOT NULL,
            imported_at TEXT NOT NULL,
            tool_version TEXT NOT NULL
          );
          CREATE TABLE par_result (
            year TEXT NOT NULL REFERENCES par_year(year),
            unit_code TEXT NOT NULL,
            criterion TEXT NOT NULL,
            unit_name TEXT,
            parent_code TEXT,
            score REAL,
            self_score REAL,
            scored INTEGER NOT NULL,
            numerator REAL,
            denominator REAL,
            as_of TEXT,
            reason TEXT,
            offices TEXT,                   -- NULL: the set's default offices
            file TEXT NOT NULL,
            sheet TEXT,
            line INTEGER NOT NULL,
            PRIMARY KEY (year, unit_code, criterion)
          ) WITHOUT ROWID;
          CREATE TABLE par_stated (
            year TEXT NOT NULL REFERENCES par_year(year),
            unit_code TEXT NOT NULL,
            criterion TEXT NOT NULL,        -- a field's code, total, index or rank
            unit_name TEXT,
            parent_code TEXT,
            value REAL NOT NULL,
            of INTEGER,
            file TEXT NOT NULL,
            sheet TEXT,
            line INTEGER NOT NULL,
            PRIMARY KEY (year, unit_code, criterion)
          ) WITHOUT ROWID;
          """)
      // An action now comes from a survey wave or from a PAR INDEX year, which is not a
      // wave: the table is rebuilt with its source and without the reference to `wave`
      // (SQLite cannot drop a constraint in place; GRDB checks foreign keys afterwards).
      try db.execute(
        sql: """
          CREATE TABLE action_new (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE,
            source TEXT NOT NULL CHECK (source IN ('survey', 'par')),
            wave TEXT NOT NULL,             -- the survey wave, or the PAR INDEX year
            level TEXT NOT NULL,
            unit_code TEXT NOT NULL,
            unit_name TEXT,
            parent_code TEXT,
            metric TEXT NOT NULL,
            metric_vi TEXT NOT NULL,
            metric_en TEXT NOT NULL,
            flag TEXT NOT NULL,
            score REAL, se REAL, low REAL, upp REAL, n INTEGER NOT NULL, complete INTEGER NOT NULL,
            target REAL, gap REAL, rule TEXT,
            task TEXT NOT NULL,
            title_vi TEXT NOT NULL,
            title_en TEXT NOT NULL,
            lead TEXT NOT NULL,
            support TEXT NOT NULL,
            due TEXT NOT NULL,
            priority TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
            flagged INTEGER NOT NULL,
            catalogue TEXT NOT NULL,
            created_at TEXT NOT NULL
          );
          INSERT INTO action_new
            SELECT id, seq, 'survey', wave, level, unit_code, unit_name, parent_code, metric, metric_vi, metric_en,
              flag, score, se, low, upp, n, complete, target, gap, rule, task, title_vi, title_en, lead, support, due,
              priority, status, flagged, catalogue, created_at
            FROM action;
          DROP TABLE action;
          ALTER TABLE action_new RENAME TO action;
          CREATE INDEX action_by_wave ON action(wave, level, unit_code);
          """)
    }
    migrator.registerMigration("v7: respondents' sample design (cluster, stratum, fpc)") { db in
      // NULL for a wave whose questionnaire declares no sample design, and for every row
      // stored before: their standard errors stay those of independent respondents.
      try db.execute(
        sql: """
          ALTER TABLE respondent ADD COLUMN cluster TEXT;
          ALTER TABLE respondent ADD COLUMN stratum TEXT;
          ALTER TABLE respondent ADD COLUMN fpc REAL;
          """)
    }
    return migrator
  }
}
