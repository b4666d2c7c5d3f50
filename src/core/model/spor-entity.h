/* spor-entity.h — the domain records and the description of their fields
 *
 * Every record of the model is a SporEntity: an integer key, a UUID, created_at and
 * updated_at, and the fields its SporEntityInfo lists. The same description drives the
 * GObject properties, the store's CRUD, validation, the audit log and the exchange format,
 * so a field is declared once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "spor-dates.h"
#include "spor-values.h"

G_BEGIN_DECLS

typedef enum {
  SPOR_FIELD_TEXT,
  SPOR_FIELD_INT,
  SPOR_FIELD_REAL,
  SPOR_FIELD_BOOL,
  SPOR_FIELD_DATE,  /* ISO 8601 calendar date, YYYY-MM-DD */
  SPOR_FIELD_TIME,  /* 24-hour local time, HH:MM */
  SPOR_FIELD_ENUM,  /* one of the values of SporField.values (spor-values.h) */
  SPOR_FIELD_REF,   /* the integer key of another record (0 = none) */
} SporFieldType;

typedef enum {
  SPOR_FIELD_REQUIRED  = 1 << 0,
  SPOR_FIELD_PERSONAL  = 1 << 1, /* identifies a person: left out of anonymised exports */
  SPOR_FIELD_SENSITIVE = 1 << 2, /* free text about a person: hidden until revealed */
  SPOR_FIELD_RANGE     = 1 << 3, /* INT/REAL limited to [min, max] */
  SPOR_FIELD_PUBLIC    = 1 << 4, /* TEXT that is not about a person (a programme's name):
                                  * kept in anonymised exports, which leave out every other
                                  * TEXT field; see docs/exchange-format.md */
} SporFieldFlags;

/* What a text field holds, for the checker (spor-check.h). */
typedef enum {
  SPOR_FORMAT_NONE,
  SPOR_FORMAT_EMAIL,
  SPOR_FORMAT_PHONE,
  SPOR_FORMAT_CPR,
  SPOR_FORMAT_COLOUR,  /* #rrggbb in lower case */
} SporFieldFormat;

typedef struct {
  const char         *name;   /* column name; the property name has '-' for '_' */
  SporFieldType       type;
  SporFieldFlags      flags;
  const char         *ref;    /* SPOR_FIELD_REF: the entity name referred to */
  const SporValueList *values; /* SPOR_FIELD_ENUM: the allowed values */
  double              min;
  double              max;
  SporFieldFormat     format; /* SPOR_FIELD_TEXT */
} SporField;

typedef struct _SporStore SporStore;
typedef struct _SporEntity SporEntity;

typedef struct {
  const char      *name;      /* "participant" */
  const char      *table;     /* "participants" */
  const char      *label;     /* marked for translation, for messages ("participant") */
  const SporField *fields;
  guint            n_fields;
  GType          (*get_type) (void);
  /* The record's own rules (spor-check.h), or NULL: adds a SporProblem to @problems for
   * each one broken. @store may be NULL: then the rules that read other records are left
   * out. */
  void           (*check)    (SporEntity *entity,
                              SporStore  *store,
                              GPtrArray  *problems);
} SporEntityInfo;

#define SPOR_TYPE_ENTITY (spor_entity_get_type ())
G_DECLARE_DERIVABLE_TYPE (SporEntity, spor_entity, SPOR, ENTITY, GObject)

struct _SporEntityClass
{
  GObjectClass parent_class;

  const SporEntityInfo *info;
  GParamSpec          **field_pspecs;
};

/* All entity descriptions, in an order where every record's references come earlier. */
const SporEntityInfo * const *spor_entity_infos         (guint         *n_infos);
const SporEntityInfo *spor_entity_info_lookup           (const char    *name);
const SporEntityInfo *spor_entity_info_for_type         (GType          type);
const SporField      *spor_entity_info_find_field       (const SporEntityInfo *info,
                                                         const char    *name);
int                   spor_entity_info_field_index      (const SporEntityInfo *info,
                                                         const char    *name);

const SporEntityInfo *spor_entity_get_info              (SporEntity    *self);
gpointer              spor_entity_new                   (GType          type);

gint64                spor_entity_get_id                (SporEntity    *self);
const char           *spor_entity_get_uuid              (SporEntity    *self);
const char           *spor_entity_get_created_at        (SporEntity    *self);
const char           *spor_entity_get_updated_at        (SporEntity    *self);

/* Field access by column name. Text, date, time and enum fields are strings (NULL = unset);
 * int, ref and bool fields are integers; real fields doubles. */
gboolean              spor_entity_is_set                (SporEntity    *self,
                                                         const char    *field);
void                  spor_entity_unset                 (SporEntity    *self,
                                                         const char    *field);
const char           *spor_entity_get_text              (SporEntity    *self,
                                                         const char    *field);
void                  spor_entity_set_text              (SporEntity    *self,
                                                         const char    *field,
                                                         const char    *value);
gint64                spor_entity_get_int               (SporEntity    *self,
                                                         const char    *field);
void                  spor_entity_set_int               (SporEntity    *self,
                                                         const char    *field,
                                                         gint64         value);
double                spor_entity_get_real              (SporEntity    *self,
                                                         const char    *field);
void                  spor_entity_set_real              (SporEntity    *self,
                                                         const char    *field,
                                                         double         value);
gboolean              spor_entity_get_bool              (SporEntity    *self,
                                                         const char    *field);
void                  spor_entity_set_bool              (SporEntity    *self,
                                                         const char    *field,
                                                         gboolean       value);

/* Checks every field against its description (spor_check_fields()); the error names the
 * field and the reason. The store checks whole records: spor-check.h. */
gboolean              spor_entity_validate              (SporEntity    *self,
                                                         GError       **error);

/* For the store only: the value slot of field @index and the record's own keys. */
GValue               *spor_entity_peek_value            (SporEntity    *self,
                                                         guint          index);
gboolean              spor_entity_value_present         (SporEntity    *self,
                                                         guint          index);
/* Whether field @index holds a value: a reference not 0, a number or boolean that is set,
 * a text that is not empty */
gboolean              spor_entity_has_value             (SporEntity    *self,
                                                         guint          index);
void                  spor_entity_set_value_present     (SporEntity    *self,
                                                         guint          index,
                                                         gboolean       present);
/* Back to a new record of its kind: no keys, every field unset (or its default). */
void                  spor_entity_reset                 (SporEntity    *self);
void                  spor_entity_set_keys              (SporEntity    *self,
                                                         gint64         id,
                                                         const char    *uuid,
                                                         const char    *created_at,
                                                         const char    *updated_at);

/* The entity types. Their properties are the fields above. */
#define SPOR_DECLARE_ENTITY(Name, name, NAME) \
  G_DECLARE_FINAL_TYPE (Spor##Name, spor_##name, SPOR, NAME, SporEntity)

#define SPOR_TYPE_PROGRAMME          (spor_programme_get_type ())
#define SPOR_TYPE_PROGRAMME_GOAL     (spor_programme_goal_get_type ())
#define SPOR_TYPE_PHASE              (spor_phase_get_type ())
#define SPOR_TYPE_COHORT             (spor_cohort_get_type ())
#define SPOR_TYPE_ORGANISATION       (spor_organisation_get_type ())
#define SPOR_TYPE_PROGRAMME_ORGANISATION (spor_programme_organisation_get_type ())
#define SPOR_TYPE_CONTACT            (spor_contact_get_type ())
#define SPOR_TYPE_STAFF              (spor_staff_get_type ())
#define SPOR_TYPE_STAFF_ROLE         (spor_staff_role_get_type ())
#define SPOR_TYPE_COMPETENCY         (spor_competency_get_type ())
#define SPOR_TYPE_LOCATION           (spor_location_get_type ())
#define SPOR_TYPE_PARTICIPANT        (spor_participant_get_type ())
#define SPOR_TYPE_PARTICIPANT_STAFF  (spor_participant_staff_get_type ())
#define SPOR_TYPE_PHASE_PROGRESS     (spor_phase_progress_get_type ())
#define SPOR_TYPE_AGREEMENT          (spor_agreement_get_type ())
#define SPOR_TYPE_BLOCK              (spor_block_get_type ())
#define SPOR_TYPE_BLOCK_REQUIREMENT  (spor_block_requirement_get_type ())
#define SPOR_TYPE_BLOCK_EXCEPTION    (spor_block_exception_get_type ())
#define SPOR_TYPE_BLOCK_STAFF        (spor_block_staff_get_type ())
#define SPOR_TYPE_BLOCK_PARTICIPANT  (spor_block_participant_get_type ())
#define SPOR_TYPE_ATTENDANCE         (spor_attendance_get_type ())
#define SPOR_TYPE_MEETING            (spor_meeting_get_type ())
#define SPOR_TYPE_MEETING_STAFF      (spor_meeting_staff_get_type ())
#define SPOR_TYPE_MEETING_PARTICIPANT (spor_meeting_participant_get_type ())
#define SPOR_TYPE_PLACEMENT          (spor_placement_get_type ())
#define SPOR_TYPE_OUTCOME            (spor_outcome_get_type ())
#define SPOR_TYPE_PORTFOLIO_ITEM     (spor_portfolio_item_get_type ())
#define SPOR_TYPE_NEED               (spor_need_get_type ())
#define SPOR_TYPE_MATCH              (spor_match_get_type ())

SPOR_DECLARE_ENTITY (Programme, programme, PROGRAMME)
SPOR_DECLARE_ENTITY (ProgrammeGoal, programme_goal, PROGRAMME_GOAL)
SPOR_DECLARE_ENTITY (Phase, phase, PHASE)
SPOR_DECLARE_ENTITY (Cohort, cohort, COHORT)
SPOR_DECLARE_ENTITY (Organisation, organisation, ORGANISATION)
SPOR_DECLARE_ENTITY (ProgrammeOrganisation, programme_organisation, PROGRAMME_ORGANISATION)
SPOR_DECLARE_ENTITY (Contact, contact, CONTACT)
SPOR_DECLARE_ENTITY (Staff, staff, STAFF)
SPOR_DECLARE_ENTITY (StaffRole, staff_role, STAFF_ROLE)
SPOR_DECLARE_ENTITY (Competency, competency, COMPETENCY)
SPOR_DECLARE_ENTITY (Location, location, LOCATION)
SPOR_DECLARE_ENTITY (Participant, participant, PARTICIPANT)
SPOR_DECLARE_ENTITY (ParticipantStaff, participant_staff, PARTICIPANT_STAFF)
SPOR_DECLARE_ENTITY (PhaseProgress, phase_progress, PHASE_PROGRESS)
SPOR_DECLARE_ENTITY (Agreement, agreement, AGREEMENT)
SPOR_DECLARE_ENTITY (Block, block, BLOCK)
SPOR_DECLARE_ENTITY (BlockRequirement, block_requirement, BLOCK_REQUIREMENT)
SPOR_DECLARE_ENTITY (BlockException, block_exception, BLOCK_EXCEPTION)
SPOR_DECLARE_ENTITY (BlockStaff, block_staff, BLOCK_STAFF)
SPOR_DECLARE_ENTITY (BlockParticipant, block_participant, BLOCK_PARTICIPANT)
SPOR_DECLARE_ENTITY (Attendance, attendance, ATTENDANCE)
SPOR_DECLARE_ENTITY (Meeting, meeting, MEETING)
SPOR_DECLARE_ENTITY (MeetingStaff, meeting_staff, MEETING_STAFF)
SPOR_DECLARE_ENTITY (MeetingParticipant, meeting_participant, MEETING_PARTICIPANT)
SPOR_DECLARE_ENTITY (Placement, placement, PLACEMENT)
SPOR_DECLARE_ENTITY (Outcome, outcome, OUTCOME)
SPOR_DECLARE_ENTITY (PortfolioItem, portfolio_item, PORTFOLIO_ITEM)
SPOR_DECLARE_ENTITY (Need, need, NEED)
SPOR_DECLARE_ENTITY (Match, match, MATCH)

G_END_DECLS
