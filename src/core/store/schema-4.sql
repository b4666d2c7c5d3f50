-- schema-4.sql — version 4: the site's people and places.
--
-- Organisations (the partners of a programme, in their order), external contacts
-- (caseworkers, workplace mentors), and the fields staff, locations and participants gain
-- from them. The old free-text fields stay for the records that have them. Tombstone
-- triggers for the new tables are made in C like those of version 2.

CREATE TABLE organisations (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
  kind          TEXT NOT NULL CHECK (kind = 'library' OR kind = 'culture_school' OR
                  kind = 'municipality' OR kind = 'company' OR kind = 'school' OR
                  kind = 'association' OR kind = 'other'),
  address       TEXT,
  contact       TEXT,
  phone         TEXT,
  email         TEXT,
  notes         TEXT
);
CREATE INDEX organisations_name ON organisations (name COLLATE NOCASE);

CREATE TABLE programme_organisations (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  programme_id     INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL CHECK (position >= 0),
  UNIQUE (programme_id, organisation_id)
);
CREATE INDEX programme_organisations_organisation
  ON programme_organisations (organisation_id);

CREATE TABLE contacts (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
  organisation_id  INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
  title            TEXT,
  phone            TEXT,
  email            TEXT,
  notes            TEXT,
  active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX contacts_name ON contacts (name COLLATE NOCASE);
CREATE INDEX contacts_organisation ON contacts (organisation_id);

ALTER TABLE staff ADD COLUMN employer_id INTEGER
  REFERENCES organisations (id) ON DELETE SET NULL;
ALTER TABLE staff ADD COLUMN weekly_hours REAL
  CHECK (weekly_hours IS NULL OR weekly_hours BETWEEN 0 AND 80);
ALTER TABLE staff ADD COLUMN active_from TEXT
  CHECK (active_from IS NULL OR date(active_from) IS active_from);
ALTER TABLE staff ADD COLUMN active_to TEXT
  CHECK (active_to IS NULL OR date(active_to) IS active_to);
CREATE INDEX staff_employer ON staff (employer_id);

ALTER TABLE locations ADD COLUMN rooms TEXT;
ALTER TABLE locations ADD COLUMN notes TEXT;

ALTER TABLE participants ADD COLUMN referral_contact_id INTEGER
  REFERENCES contacts (id) ON DELETE SET NULL;
CREATE INDEX participants_referral_contact ON participants (referral_contact_id);

-- A competency's level was free text: one that is not of the list is kept in the
-- description, so nothing typed is lost.
UPDATE competencies
   SET description = CASE WHEN description IS NULL OR description = '' THEN level
                          ELSE description || ' (' || level || ')' END,
       level = NULL
 WHERE level IS NOT NULL AND level NOT IN ('primary', 'upper_secondary', 'vocational',
                                           'higher', 'none');

-- The column has no CHECK of its own (a column cannot gain one): these triggers take its
-- place, with the values of spor_values_competency_level.
CREATE TRIGGER competencies_level_insert BEFORE INSERT ON competencies
  WHEN new.level IS NOT NULL AND new.level NOT IN ('primary', 'upper_secondary',
                                                   'vocational', 'higher', 'none')
BEGIN
  SELECT RAISE (ABORT, 'CHECK constraint failed: level');
END;
CREATE TRIGGER competencies_level_update BEFORE UPDATE OF level ON competencies
  WHEN new.level IS NOT NULL AND new.level NOT IN ('primary', 'upper_secondary',
                                                   'vocational', 'higher', 'none')
BEGIN
  SELECT RAISE (ABORT, 'CHECK constraint failed: level');
END;
