/* spor-programmes-view-private.h — what the Programmes view's files share
 *
 * spor-programmes-view.c has the sidebar and the view's life; spor-programmes-editor.c the
 * editor on the right: the programme's fields, goals and cohorts; spor-programmes-phases.c
 * its phases. The editor is made of parts, each rebuilt from the store on its own. After a
 * change elsewhere only the parts whose fields the user has not touched are rebuilt, so
 * that nothing typed is lost; a save from a touched part that the change made stale meets
 * the store's refusal and the conflict dialog (spor-conflict.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-programmes-view.h"

G_BEGIN_DECLS

typedef enum {
  SPOR_PROGRAMMES_PART_PROGRAMME,
  SPOR_PROGRAMMES_PART_PHASES,
  SPOR_PROGRAMMES_PART_GOALS,
  SPOR_PROGRAMMES_PART_COHORTS,
  SPOR_PROGRAMMES_PART_NEW_COHORT,
  SPOR_PROGRAMMES_N_PARTS
} SporProgrammesPart;

struct _SporProgrammesView
{
  AdwBin          parent_instance;

  SporStore      *store;
  gint64          programme_id;   /* the one selected, 0 none */
  gint64          shown_id;       /* the one the editor was built for */
  gboolean        filling;

  /* the editor: a box per part */
  GtkWidget      *parts[SPOR_PROGRAMMES_N_PARTS];
  gboolean        touched[SPOR_PROGRAMMES_N_PARTS];
  GHashTable     *touched_phases;  /* ids of the phases whose fields were changed */
  SporEntity     *programme;       /* as the editor read it */

  AdwLeaflet     *leaflet;
  GtkBox         *template_box;
  GtkPopover     *template_popover;
  GtkListBox     *programme_list;
  GtkStack       *content_stack;
  GtkBox         *editor_box;

  /* the programme's fields in the editor */
  AdwEntryRow    *name_row;
  AdwEntryRow    *organisations_row;
  AdwEntryRow    *description_row;
  GtkSpinButton  *min_age_spin;
  GtkSpinButton  *max_age_spin;
  AdwEntryRow    *period_start_row;
  AdwEntryRow    *period_end_row;
  GtkSpinButton  *capacity_spin;
  AdwEntryRow    *visitation_row;
  GtkSwitch      *not_self_supporting_switch;
};

/* Stores a record's id on a widget, so that its callbacks find the record. */
#define SPOR_SET_ID(widget, id) g_object_set_data (G_OBJECT (widget), "spor-id", GINT_TO_POINTER ((int) (id)))
#define SPOR_GET_ID(widget) ((gint64) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "spor-id")))

/* spor-programmes-view.c */
void       spor_programmes_view_emit_show_cohort (SporProgrammesView *self,
                                                  gint64              cohort_id);

/* spor-programmes-editor.c */
void       spor_programmes_view_toast        (SporProgrammesView *self,
                                              const char         *text);
/* Builds the whole editor for @programme_id (0: none) from the store. */
void       spor_programmes_view_show_programme (SporProgrammesView *self,
                                                gint64              programme_id);
/* After a change: rebuilds the parts whose fields the user has not touched. */
void       spor_programmes_view_refresh_editor (SporProgrammesView *self);
/* Rebuilds one part from the store and forgets that it was touched. */
void       spor_programmes_view_rebuild_part (SporProgrammesView *self,
                                              SporProgrammesPart  part);
/* Marks @part touched whenever the user changes a field under @widget; @phase_id > 0 marks
 * that phase. */
void       spor_programmes_view_watch_fields (SporProgrammesView *self,
                                              GtkWidget          *widget,
                                              SporProgrammesPart  part,
                                              gint64              phase_id);
GtkSpinButton *spor_programmes_spin_new      (double              max);
GtkWidget *spor_programmes_row_with          (const char         *title,
                                              const char         *subtitle,
                                              GtkWidget          *suffix);
GtkWidget *spor_programmes_entry_row         (const char         *title,
                                              const char         *text);
GtkWidget *spor_programmes_icon_button       (const char         *icon,
                                              const char         *tooltip);
GtkWidget *spor_programmes_text_button       (const char         *label,
                                              gboolean            suggested);
/* A drop-down of @choices (SporChoice) with @value selected. */
GtkWidget *spor_programmes_combo             (GListModel         *choices,
                                              const char         *value);
GtkWidget *spor_programmes_group_new         (const char         *title,
                                              const char         *description);

/* spor-programmes-phases.c */
GtkWidget *spor_programmes_build_phases      (SporProgrammesView *self);

G_END_DECLS
