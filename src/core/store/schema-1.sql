-- Spor database, schema version 1.
-- Every record: an integer key, a UUID that stays the same across sites, created_at and
-- updated_at (UTC, ISO 8601 with microseconds). Dates are YYYY-MM-DD, times HH:MM (24 h,
-- local time of the programme). Enumerations and dates are checked by the database itself.
-- An enumeration of three or more values is written as a chain of "=" rather than IN (...):
-- for an IN list in a CHECK, SQLite builds a temporary index on every row written, which
-- made a large import several times slower.

CREATE TABLE site (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  name        TEXT NOT NULL DEFAULT '',
  secret      BLOB NOT NULL CHECK (length(secret) >= 32),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE programmes (
  id                  INTEGER PRIMARY KEY,
  uuid                TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  name                TEXT NOT NULL CHECK (length(trim(name)) > 0),
  organisations       TEXT,
  description         TEXT,
  min_age             INTEGER CHECK (min_age IS NULL OR min_age BETWEEN 0 AND 120),
  max_age             INTEGER CHECK (max_age IS NULL OR max_age BETWEEN 0 AND 120),
  period_start        TEXT CHECK (period_start IS NULL OR date(period_start) IS period_start),
  period_end          TEXT CHECK (period_end IS NULL OR date(period_end) IS period_end),
  capacity            INTEGER CHECK (capacity IS NULL OR capacity BETWEEN 0 AND 100000),
  waiting_capacity    INTEGER CHECK (waiting_capacity IS NULL OR waiting_capacity BETWEEN 0 AND 100000),
  visitation_rules    TEXT,
  not_self_supporting INTEGER NOT NULL DEFAULT 0 CHECK (not_self_supporting IN (0, 1)),
  template            TEXT,
  colour              TEXT CHECK (colour IS NULL OR colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age),
  CHECK (period_start IS NULL OR period_end IS NULL OR period_start <= period_end)
);

CREATE TABLE programme_goals (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  programme_id  INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
  outcome       TEXT NOT NULL CHECK (outcome = 'education' OR outcome = 'employment' OR
                  outcome = 'internship' OR outcome = 'wage_subsidy' OR outcome = 'work_trial' OR
                  outcome = 'closer_to_labour_market' OR outcome = 'other'),
  label         TEXT NOT NULL CHECK (length(trim(label)) > 0),
  target_min    INTEGER CHECK (target_min IS NULL OR target_min >= 0),
  target_max    INTEGER CHECK (target_max IS NULL OR target_max >= 0),
  of_total      INTEGER CHECK (of_total IS NULL OR of_total > 0),
  CHECK (target_min IS NULL OR target_max IS NULL OR target_min <= target_max)
);
CREATE INDEX programme_goals_programme ON programme_goals (programme_id, position);

CREATE TABLE phases (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  programme_id    INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  position        INTEGER NOT NULL CHECK (position >= 0),
  name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
  description     TEXT,
  duration        INTEGER CHECK (duration IS NULL OR duration BETWEEN 0 AND 1000),
  duration_unit   TEXT NOT NULL DEFAULT 'weeks' CHECK (duration_unit = 'days' OR
                    duration_unit = 'weeks' OR duration_unit = 'months'),
  track           TEXT NOT NULL DEFAULT 'sequential' CHECK (track IN ('sequential', 'parallel'))
);
CREATE INDEX phases_programme ON phases (programme_id, position);

CREATE TABLE cohorts (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  programme_id  INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
  start_date    TEXT NOT NULL CHECK (date(start_date) IS start_date),
  end_date      TEXT CHECK (end_date IS NULL OR date(end_date) IS end_date),
  capacity      INTEGER CHECK (capacity IS NULL OR capacity BETWEEN 0 AND 100000),
  CHECK (end_date IS NULL OR start_date <= end_date)
);
CREATE INDEX cohorts_programme ON cohorts (programme_id, start_date);

CREATE TABLE staff (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
  organisation  TEXT,
  email         TEXT,
  phone         TEXT,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  notes         TEXT
);
CREATE INDEX staff_name ON staff (name COLLATE NOCASE);

CREATE TABLE staff_roles (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  staff_id    INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  role        TEXT NOT NULL CHECK (role = 'mentor' OR role = 'adviser' OR role = 'creative' OR
                role = 'coordinator' OR role = 'volunteer' OR role = 'contact_person' OR
                role = 'caseworker'),
  UNIQUE (staff_id, role)
);
CREATE INDEX staff_roles_role ON staff_roles (role, staff_id);

CREATE TABLE competencies (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  staff_id    INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  subject     TEXT NOT NULL CHECK (length(trim(subject)) > 0),
  level       TEXT,
  description TEXT
);
CREATE INDEX competencies_staff ON competencies (staff_id);
CREATE INDEX competencies_subject ON competencies (subject COLLATE NOCASE);

CREATE TABLE locations (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
  address       TEXT,
  organisation  TEXT,
  capacity      INTEGER CHECK (capacity IS NULL OR capacity BETWEEN 0 AND 100000)
);

CREATE TABLE participants (
  id                     INTEGER PRIMARY KEY,
  uuid                   TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  name                   TEXT NOT NULL CHECK (length(trim(name)) > 0),
  birth_date             TEXT CHECK (birth_date IS NULL OR date(birth_date) IS birth_date),
  cpr                    TEXT CHECK (cpr IS NULL OR (length(cpr) = 10 AND cpr NOT GLOB '*[^0-9]*')),
  email                  TEXT,
  phone                  TEXT,
  address                TEXT,
  municipality           TEXT,
  provision              TEXT CHECK (provision IS NULL OR provision = 'education_benefit' OR
                           provision = 'cash_benefit' OR provision = 'unemployment_benefit' OR
                           provision = 'sickness_benefit' OR provision = 'resource_course' OR
                           provision = 'integration_benefit' OR provision = 'flex_job' OR
                           provision = 'self_supporting' OR provision = 'other'),
  referral_caseworker    TEXT,
  referral_organisation  TEXT,
  referral_date          TEXT CHECK (referral_date IS NULL OR date(referral_date) IS referral_date),
  programme_id           INTEGER REFERENCES programmes (id) ON DELETE SET NULL,
  cohort_id              INTEGER REFERENCES cohorts (id) ON DELETE SET NULL,
  status                 TEXT NOT NULL DEFAULT 'waiting' CHECK (status = 'waiting' OR
                           status = 'intake' OR status = 'active' OR status = 'on_hold' OR
                           status = 'completed' OR status = 'dropped_out'),
  waiting_position       INTEGER CHECK (waiting_position IS NULL OR waiting_position > 0),
  waiting_since          TEXT CHECK (waiting_since IS NULL OR date(waiting_since) IS waiting_since),
  start_date             TEXT CHECK (start_date IS NULL OR date(start_date) IS start_date),
  end_date               TEXT CHECK (end_date IS NULL OR date(end_date) IS end_date),
  exit_reason            TEXT,
  contact_person_id      INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  consent_date           TEXT CHECK (consent_date IS NULL OR date(consent_date) IS consent_date),
  consent_processing     INTEGER NOT NULL DEFAULT 0 CHECK (consent_processing IN (0, 1)),
  consent_sharing        INTEGER NOT NULL DEFAULT 0 CHECK (consent_sharing IN (0, 1)),
  consent_photos         INTEGER NOT NULL DEFAULT 0 CHECK (consent_photos IN (0, 1)),
  consent_withdrawn_date TEXT CHECK (consent_withdrawn_date IS NULL
                           OR date(consent_withdrawn_date) IS consent_withdrawn_date),
  needs                  TEXT,
  notes                  TEXT,
  CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date)
);
CREATE INDEX participants_name ON participants (name COLLATE NOCASE, id);
CREATE INDEX participants_status ON participants (status, name COLLATE NOCASE);
CREATE INDEX participants_programme ON participants (programme_id, status);
CREATE INDEX participants_cohort ON participants (cohort_id, status);
CREATE INDEX participants_start ON participants (start_date, id);
CREATE INDEX participants_waiting ON participants (programme_id, waiting_position)
  WHERE status = 'waiting';
CREATE INDEX participants_contact ON participants (contact_person_id);

-- Search: spor_fold() is registered by the store on every connection. The folded column
-- holds each word in lower case with its Danish variants (æ→ae, ø→oe and o, å→aa and a),
-- the contact column e-mail and phone number (also as bare digits).
CREATE VIRTUAL TABLE participants_fts USING fts5 (
  name, folded, contact,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER participants_fts_insert AFTER INSERT ON participants BEGIN
  INSERT INTO participants_fts (rowid, name, folded, contact)
  VALUES (new.id, new.name, spor_fold(new.name), spor_contact(new.email, new.phone));
END;
CREATE TRIGGER participants_fts_update AFTER UPDATE OF name, email, phone ON participants BEGIN
  UPDATE participants_fts
     SET name = new.name, folded = spor_fold(new.name),
         contact = spor_contact(new.email, new.phone)
   WHERE rowid = new.id;
END;
CREATE TRIGGER participants_fts_delete AFTER DELETE ON participants BEGIN
  DELETE FROM participants_fts WHERE rowid = old.id;
END;

CREATE TABLE participant_staff (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  participant_id  INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  staff_id        INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  role            TEXT NOT NULL CHECK (role = 'mentor' OR role = 'adviser' OR
                    role = 'creative' OR role = 'coordinator' OR role = 'volunteer' OR
                    role = 'contact_person' OR role = 'caseworker'),
  UNIQUE (participant_id, staff_id, role)
);
CREATE INDEX participant_staff_staff ON participant_staff (staff_id);

CREATE TABLE phase_progress (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  participant_id  INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  phase_id        INTEGER NOT NULL REFERENCES phases (id) ON DELETE CASCADE,
  state           TEXT NOT NULL DEFAULT 'planned' CHECK (state = 'planned' OR state = 'active' OR
                    state = 'on_hold' OR state = 'done' OR state = 'skipped'),
  planned_start   TEXT CHECK (planned_start IS NULL OR date(planned_start) IS planned_start),
  planned_end     TEXT CHECK (planned_end IS NULL OR date(planned_end) IS planned_end),
  actual_start    TEXT CHECK (actual_start IS NULL OR date(actual_start) IS actual_start),
  actual_end      TEXT CHECK (actual_end IS NULL OR date(actual_end) IS actual_end),
  UNIQUE (participant_id, phase_id),
  CHECK (planned_start IS NULL OR planned_end IS NULL OR planned_start <= planned_end),
  CHECK (actual_start IS NULL OR actual_end IS NULL OR actual_start <= actual_end)
);
CREATE INDEX phase_progress_phase ON phase_progress (phase_id, state);

CREATE TABLE agreements (
  id                     INTEGER PRIMARY KEY,
  uuid                   TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  participant_id         INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  version                INTEGER NOT NULL CHECK (version >= 1),
  state                  TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'signed')),
  goals                  TEXT,
  needs                  TEXT,
  schedule               TEXT,
  weekly_hours           REAL CHECK (weekly_hours IS NULL OR weekly_hours BETWEEN 0 AND 60),
  programme_provides     TEXT,
  participant_commits    TEXT,
  adviser_id             INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  creative_id            INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  start_date             TEXT CHECK (start_date IS NULL OR date(start_date) IS start_date),
  review_date            TEXT CHECK (review_date IS NULL OR date(review_date) IS review_date),
  signed_date            TEXT CHECK (signed_date IS NULL OR date(signed_date) IS signed_date),
  signed_by_participant  TEXT,
  signed_by_adviser      TEXT,
  UNIQUE (participant_id, version),
  CHECK (state = 'draft' OR signed_date IS NOT NULL)
);

CREATE TABLE blocks (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  programme_id  INTEGER REFERENCES programmes (id) ON DELETE CASCADE,
  cohort_id     INTEGER REFERENCES cohorts (id) ON DELETE SET NULL,
  location_id   INTEGER REFERENCES locations (id) ON DELETE SET NULL,
  title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
  kind          TEXT NOT NULL DEFAULT 'weekly' CHECK (kind IN ('weekly', 'once')),
  -- ISO weekdays as bits: Monday = 1, Tuesday = 2, … Sunday = 64
  weekdays      INTEGER NOT NULL DEFAULT 0 CHECK (weekdays BETWEEN 0 AND 127),
  start_time    TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]' AND start_time <= '23:59'),
  end_time      TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time <= '23:59'),
  period_start  TEXT NOT NULL CHECK (date(period_start) IS period_start),
  period_end    TEXT CHECK (period_end IS NULL OR date(period_end) IS period_end),
  capacity      INTEGER CHECK (capacity IS NULL OR capacity BETWEEN 0 AND 10000),
  CHECK (start_time < end_time),
  CHECK (period_end IS NULL OR period_start <= period_end),
  CHECK (kind = 'once' OR weekdays > 0)
);
CREATE INDEX blocks_period ON blocks (period_start, period_end);
CREATE INDEX blocks_programme ON blocks (programme_id);
CREATE INDEX blocks_location ON blocks (location_id);
CREATE INDEX blocks_cohort ON blocks (cohort_id);

CREATE TABLE block_requirements (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  block_id    INTEGER NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,
  role        TEXT NOT NULL CHECK (role = 'mentor' OR role = 'adviser' OR role = 'creative' OR
                role = 'coordinator' OR role = 'volunteer' OR role = 'contact_person' OR
                role = 'caseworker'),
  count       INTEGER NOT NULL DEFAULT 1 CHECK (count BETWEEN 1 AND 100),
  UNIQUE (block_id, role)
);

CREATE TABLE block_exceptions (
  id                  INTEGER PRIMARY KEY,
  uuid                TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  block_id            INTEGER NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,
  date                TEXT NOT NULL CHECK (date(date) IS date),
  kind                TEXT NOT NULL CHECK (kind = 'cancelled' OR kind = 'moved' OR
                        kind = 'substitute'),
  new_date            TEXT CHECK (new_date IS NULL OR date(new_date) IS new_date),
  new_start_time      TEXT CHECK (new_start_time IS NULL OR (new_start_time GLOB '[0-2][0-9]:[0-5][0-9]' AND new_start_time <= '23:59')),
  new_end_time        TEXT CHECK (new_end_time IS NULL OR (new_end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND new_end_time <= '23:59')),
  staff_id            INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  substitute_id       INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  reason              TEXT,
  CHECK (kind <> 'moved' OR new_date IS NOT NULL),
  CHECK (kind <> 'substitute' OR substitute_id IS NOT NULL)
);
CREATE INDEX block_exceptions_block ON block_exceptions (block_id, date);
CREATE INDEX block_exceptions_new_date ON block_exceptions (new_date) WHERE new_date IS NOT NULL;

CREATE TABLE block_staff (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  block_id    INTEGER NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,
  staff_id    INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  role        TEXT NOT NULL CHECK (role = 'mentor' OR role = 'adviser' OR role = 'creative' OR
                role = 'coordinator' OR role = 'volunteer' OR role = 'contact_person' OR
                role = 'caseworker'),
  UNIQUE (block_id, staff_id, role)
);
CREATE INDEX block_staff_staff ON block_staff (staff_id);

CREATE TABLE block_participants (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  block_id        INTEGER NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,
  participant_id  INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  UNIQUE (block_id, participant_id)
);
CREATE INDEX block_participants_participant ON block_participants (participant_id);

CREATE TABLE attendance (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  block_id        INTEGER NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,
  participant_id  INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  date            TEXT NOT NULL CHECK (date(date) IS date),
  status          TEXT NOT NULL CHECK (status = 'present' OR status = 'late' OR
                    status = 'absent_notice' OR status = 'absent' OR status = 'sick'),
  hours           REAL CHECK (hours IS NULL OR hours BETWEEN 0 AND 24),
  note            TEXT,
  UNIQUE (block_id, date, participant_id)
);
CREATE INDEX attendance_participant ON attendance (participant_id, date);

CREATE TABLE meetings (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  participant_id  INTEGER REFERENCES participants (id) ON DELETE CASCADE,
  cohort_id       INTEGER REFERENCES cohorts (id) ON DELETE CASCADE,
  kind            TEXT NOT NULL CHECK (kind = 'screening' OR kind = 'coaching' OR
                    kind = 'group_talk' OR kind = 'mentor_talk' OR kind = 'evaluation' OR
                    kind = 'follow_up'),
  date            TEXT NOT NULL CHECK (date(date) IS date),
  staff_id        INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  notes           TEXT,
  CHECK (participant_id IS NOT NULL OR cohort_id IS NOT NULL)
);
CREATE INDEX meetings_participant ON meetings (participant_id, date);
CREATE INDEX meetings_cohort ON meetings (cohort_id, date);

CREATE TABLE placements (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  participant_id  INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  kind            TEXT NOT NULL CHECK (kind = 'internship' OR kind = 'wage_subsidy' OR
                    kind = 'work_trial' OR kind = 'job' OR kind = 'education'),
  organisation    TEXT,
  start_date      TEXT CHECK (start_date IS NULL OR date(start_date) IS start_date),
  end_date        TEXT CHECK (end_date IS NULL OR date(end_date) IS end_date),
  hours_per_week  REAL CHECK (hours_per_week IS NULL OR hours_per_week BETWEEN 0 AND 60),
  notes           TEXT,
  CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date)
);
CREATE INDEX placements_participant ON placements (participant_id, start_date);

CREATE TABLE outcomes (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  participant_id  INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  kind            TEXT NOT NULL CHECK (kind = 'plan' OR kind = 'exit' OR kind = 'follow_up'),
  date            TEXT NOT NULL CHECK (date(date) IS date),
  destination     TEXT NOT NULL CHECK (destination = 'education' OR destination = 'internship' OR
                    destination = 'wage_subsidy' OR destination = 'work_trial' OR
                    destination = 'job' OR destination = 'other' OR destination = 'none'),
  notes           TEXT
);
CREATE INDEX outcomes_participant ON outcomes (participant_id, date);

CREATE TABLE portfolio_items (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  participant_id  INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  kind            TEXT NOT NULL CHECK (kind = 'certificate' OR kind = 'course' OR
                    kind = 'work' OR kind = 'other'),
  title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
  date            TEXT CHECK (date IS NULL OR date(date) IS date),
  issuer          TEXT,
  description     TEXT
);
CREATE INDEX portfolio_items_participant ON portfolio_items (participant_id, date);

CREATE TABLE needs (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  participant_id  INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  subject         TEXT NOT NULL CHECK (length(trim(subject)) > 0),
  description     TEXT,
  state           TEXT NOT NULL DEFAULT 'open' CHECK (state = 'open' OR state = 'matched' OR
                    state = 'closed')
);
CREATE INDEX needs_participant ON needs (participant_id);
CREATE INDEX needs_subject ON needs (subject COLLATE NOCASE);

CREATE TABLE matches (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  need_id         INTEGER NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
  competency_id   INTEGER NOT NULL REFERENCES competencies (id) ON DELETE CASCADE,
  state           TEXT NOT NULL DEFAULT 'proposed' CHECK (state = 'proposed' OR
                    state = 'active' OR state = 'ended'),
  start_date      TEXT CHECK (start_date IS NULL OR date(start_date) IS start_date),
  end_date        TEXT CHECK (end_date IS NULL OR date(end_date) IS end_date),
  UNIQUE (need_id, competency_id)
);
CREATE INDEX matches_competency ON matches (competency_id);

-- Deleted records, so that a deletion can travel to other sites.
CREATE TABLE tombstones (
  id          INTEGER PRIMARY KEY,
  entity      TEXT NOT NULL,
  uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  deleted_at  TEXT NOT NULL
);

-- What changed, never the values: entity, record UUID, action, the names of the fields.
CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  entity  TEXT NOT NULL,
  uuid    TEXT,
  action  TEXT NOT NULL CHECK (action = 'create' OR action = 'update' OR action = 'delete' OR
            action = 'erase' OR action = 'generate' OR action = 'migrate' OR action = 'import'),
  fields  TEXT
);
CREATE INDEX audit_log_uuid ON audit_log (uuid);
