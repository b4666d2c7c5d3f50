/* spor-attendance.h — who came to an occurrence, and hours planned and attended per week
 *
 * Attendance is kept per occurrence (block and the date its rule gives) and participant.
 * A participant's planned hours are the hours of the occurrences of their blocks that are
 * not cancelled; attended hours are those registered. Both are compared with the weekly
 * hours of the participant's current start agreement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-core-enums.h"
#include "spor-store.h"

G_BEGIN_DECLS

typedef enum {
  SPOR_ATTENDANCE_UNKNOWN,       /* nothing registered yet */
  SPOR_ATTENDANCE_PRESENT,
  SPOR_ATTENDANCE_LATE,
  SPOR_ATTENDANCE_ABSENT_NOTICE, /*< nick=absent_notice >*/ /* absent with notice */
  SPOR_ATTENDANCE_ABSENT,        /* absent without notice */
  SPOR_ATTENDANCE_SICK,
} SporAttendanceStatus;

/* The stored value, the enum's nick: one of spor_values_attendance_status, in the same order
 * (NULL for UNKNOWN), and back (UNKNOWN for NULL and anything else) */
const char          *spor_attendance_status_to_string   (SporAttendanceStatus status);
SporAttendanceStatus spor_attendance_status_from_string (const char *text);
/* Translated label: "Present", "Late", "Absent with Notice", … */
const char          *spor_attendance_status_label       (SporAttendanceStatus status);

typedef struct {
  gint64               participant_id;
  char                *name;
  SporAttendanceStatus status;
  double               hours;   /* attended; -1 when nothing is registered */
} SporAttendanceRow;

void       spor_attendance_row_free          (SporAttendanceRow *row);

/* The participants of the occurrence of @block_id on @date (the rule's date), by name, with
 * what is registered for each. */
GPtrArray *spor_attendance_list_occurrence   (SporStore           *store,
                                              gint64               block_id,
                                              const char          *date,
                                              GError             **error);
/* Registers @status for one participant. @hours < 0 means: the full length of the
 * occurrence for present and late, 0 for the absences. */
gboolean   spor_attendance_set               (SporStore           *store,
                                              gint64               block_id,
                                              const char          *date,
                                              gint64               participant_id,
                                              SporAttendanceStatus status,
                                              double               hours,
                                              GError             **error);
/* Removes what is registered for one participant (back to UNKNOWN). */
gboolean   spor_attendance_clear             (SporStore           *store,
                                              gint64               block_id,
                                              const char          *date,
                                              gint64               participant_id,
                                              GError             **error);
/* Registers everyone without a registration as present for the full length; leaves what is
 * registered already. Returns the number marked through @n_marked. */
gboolean   spor_attendance_mark_all_present  (SporStore           *store,
                                              gint64               block_id,
                                              const char          *date,
                                              guint               *n_marked,
                                              GError             **error);

typedef struct {
  char   monday[11];      /* YYYY-MM-DD */
  guint  iso_week;
  int    iso_year;
  double planned_hours;
  double attended_hours;
} SporAttendanceWeek;

/* One entry per ISO week from the week holding @from to the week holding @to. */
GArray    *spor_attendance_weeks             (SporStore           *store,
                                              gint64               participant_id,
                                              const char          *from,
                                              const char          *to,
                                              GError             **error);
/* The weekly hours of the participant's current start agreement; FALSE without error when
 * there is no agreement or it names no hours. */
gboolean   spor_attendance_agreement_hours   (SporStore           *store,
                                              gint64               participant_id,
                                              double              *hours,
                                              GError             **error);
/* The first and last day of the participant's blocks (@to NULL when one has no end);
 * FALSE without error when the participant is in no block. */
gboolean   spor_attendance_block_period      (SporStore           *store,
                                              gint64               participant_id,
                                              char               **from,
                                              char               **to,
                                              GError             **error);
/* attended / planned over @weeks, or -1 when nothing was planned. */
double     spor_attendance_rate              (GArray              *weeks);

G_END_DECLS
