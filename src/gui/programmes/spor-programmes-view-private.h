/* spor-programmes-view-private.h — what the Programmes view's files share
 *
 * spor-programmes-view.c has the sidebar, the view's life and its actions;
 * spor-programmes-editor.c the editor on the right: the programme's fields, goals and
 * cohorts; spor-programmes-phases.c its phases. The editor's forms are in the template;
 * its parts are filled from the store each on its own. After a change elsewhere only the
 * parts whose fields the user has not touched are filled again, so that nothing typed is
 * lost; a save from a touched part that the change made stale meets the store's refusal
 * and the conflict dialog (spor-conflict.h).
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
  gint64          shown_id;       /* the one the editor was filled for */
  gboolean        filling;
  gboolean        touched[SPOR_PROGRAMMES_N_PARTS];
  SporEntity     *programme;      /* as the editor read it */
  GPtrArray      *phase_rows;     /* SporPhaseRow, in order */
  GPtrArray      *goal_rows;
  GPtrArray      *cohort_rows;

  AdwLeaflet     *leaflet;
  GtkBox         *template_box;
  GtkPopover     *template_popover;
  GtkMenuButton  *template_button;
  GtkWidget      *sidebar;
  GtkListBox     *programme_list;
  GtkStack       *content_stack;
  AdwStatusPage  *error_page;

  /* the programme */
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
  /* its phases, goals and cohorts */
  AdwPreferencesGroup *phases_group;
  AdwPreferencesGroup *goals_group;
  AdwExpanderRow *add_goal_row;
  AdwEntryRow    *goal_label_row;
  GtkDropDown    *goal_outcome_drop_down;
  GtkSpinButton  *goal_min_spin;
  GtkSpinButton  *goal_max_spin;
  GtkSpinButton  *goal_of_spin;
  AdwPreferencesGroup *cohorts_group;
  AdwActionRow   *older_cohorts_row;
  AdwPreferencesGroup *new_cohort_group;
  AdwEntryRow    *cohort_name_row;
  AdwEntryRow    *cohort_start_row;
  GtkSpinButton  *cohort_capacity_spin;
};

/* spor-programmes-editor.c */
void       spor_programmes_editor_toast        (SporProgrammesView *self,
                                                const char         *text);
void       spor_programmes_editor_report       (SporProgrammesView *self,
                                                const GError       *error);
/* Fills the whole editor for @programme_id (0: none) from the store. */
void       spor_programmes_editor_show         (SporProgrammesView *self,
                                                gint64              programme_id);
/* After a change: fills the parts whose fields the user has not touched. */
void       spor_programmes_editor_refresh      (SporProgrammesView *self);
/* Fills one part from the store and forgets that it was touched. */
void       spor_programmes_editor_rebuild_part (SporProgrammesView *self,
                                                SporProgrammesPart  part);
/* Replaces the rows of @group that are in @rows by those of @new_rows, in @rows from now
 * on; @last (a row of the template, or NULL) stays after them. */
void       spor_programmes_editor_set_rows     (AdwPreferencesGroup *group,
                                                GPtrArray          *rows,
                                                GPtrArray          *new_rows,
                                                GtkWidget          *last);
/* The editor's template callbacks and actions, and its setting up */
void       spor_programmes_editor_class_init   (GtkWidgetClass     *widget_class);
void       spor_programmes_editor_init         (SporProgrammesView *self);

/* spor-programmes-phases.c */
void       spor_programmes_phases_fill         (SporProgrammesView *self);
void       spor_programmes_phases_class_init   (GtkWidgetClass     *widget_class);

G_END_DECLS
