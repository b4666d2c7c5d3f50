/* spor-agreement-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gi18n.h>

#include "spor-agreement-editor.h"
#include "spor-agreement-print.h"
#include "spor-agreements.h"
#include "spor-conflict.h"
#include "spor-gui.h"
#include "spor-record-choices.h"
#include "spor-util.h"

struct _SporAgreementEditor
{
  AdwWindow      parent_instance;

  SporStore     *store;
  gint64         participant_id;
  char          *participant_name;  /* "" when it could not be read */
  SporAgreement *agreement;
  char          *unread;            /* why the agreement could not be read */

  GtkLabel      *state_label;
  GtkLabel      *message_label;
  GtkWidget     *save_button;
  GtkWidget     *new_version_button;
  GtkWidget     *form_box;
  GtkTextView   *goals_view;
  GtkTextView   *needs_view;
  AdwEntryRow   *schedule_row;
  AdwEntryRow   *hours_row;
  GtkTextView   *provides_view;
  GtkTextView   *commits_view;
  AdwComboRow   *adviser_row;
  AdwComboRow   *creative_row;
  AdwEntryRow   *start_row;
  AdwEntryRow   *review_row;
  GtkWidget     *sign_group;
  AdwEntryRow   *signed_date_row;
  AdwEntryRow   *signed_participant_row;
  AdwEntryRow   *signed_adviser_row;
  GtkWidget     *sign_button;
};

G_DEFINE_FINAL_TYPE (SporAgreementEditor, spor_agreement_editor, ADW_TYPE_WINDOW)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const struct {
  const char *field;
  gsize       offset;
} text_views[] = {
  { "goals", G_STRUCT_OFFSET (SporAgreementEditor, goals_view) },
  { "needs", G_STRUCT_OFFSET (SporAgreementEditor, needs_view) },
  { "programme_provides", G_STRUCT_OFFSET (SporAgreementEditor, provides_view) },
  { "participant_commits", G_STRUCT_OFFSET (SporAgreementEditor, commits_view) },
};

static const struct {
  const char *field;
  gsize       offset;
} entries[] = {
  { "schedule", G_STRUCT_OFFSET (SporAgreementEditor, schedule_row) },
  { "start_date", G_STRUCT_OFFSET (SporAgreementEditor, start_row) },
  { "review_date", G_STRUCT_OFFSET (SporAgreementEditor, review_row) },
};

static void
show_message (SporAgreementEditor *self,
              const char          *text)
{
  gtk_label_set_label (self->message_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
}

static gboolean
is_signed (SporAgreementEditor *self)
{
  return g_strcmp0 (spor_entity_get_text (SPOR_ENTITY (self->agreement), "state"), "signed") == 0;
}

static void
load (SporAgreementEditor *self)
{
  SporEntity *e = SPOR_ENTITY (self->agreement);
  gboolean draft = !is_signed (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(SporAgreement) current = spor_agreement_get_current (self->store, self->participant_id, &error);
  gboolean is_current = current == NULL || spor_entity_get_id (SPOR_ENTITY (current)) == spor_entity_get_id (e);
  g_autofree char *state = NULL;

  if (error != NULL)
    show_message (self, error->message);

  for (guint i = 0; i < G_N_ELEMENTS (text_views); i++)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (G_STRUCT_MEMBER (GtkTextView *, self, text_views[i].offset)),
                              spor_entity_get_text (e, text_views[i].field) ?: "", -1);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_editable_set_text (G_STRUCT_MEMBER (GtkEditable *, self, entries[i].offset),
                           spor_entity_get_text (e, entries[i].field) ?: "");
  if (spor_entity_is_set (e, "weekly_hours"))
    {
      g_autofree char *hours = g_strdup_printf ("%g", spor_entity_get_real (e, "weekly_hours"));
      gtk_editable_set_text (GTK_EDITABLE (self->hours_row), hours);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->hours_row), "");
  spor_record_choices_select (self->adviser_row, spor_entity_get_int (e, "adviser_id"));
  spor_record_choices_select (self->creative_row, spor_entity_get_int (e, "creative_id"));
  gtk_editable_set_text (GTK_EDITABLE (self->signed_date_row), spor_entity_get_text (e, "signed_date") ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->signed_participant_row),
                         spor_entity_get_text (e, "signed_by_participant") ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->signed_adviser_row),
                         spor_entity_get_text (e, "signed_by_adviser") ?: "");
  if (draft && spor_entity_get_text (e, "signed_date") == NULL)
    {
      g_autofree char *today = spor_date_today ();

      gtk_editable_set_text (GTK_EDITABLE (self->signed_date_row), today);
      gtk_editable_set_text (GTK_EDITABLE (self->signed_participant_row), self->participant_name);
    }

  if (draft)
    /* Translators: a version number */
    state = g_strdup_printf (_("Version %d · Draft"), (int) spor_entity_get_int (e, "version"));
  else
    {
      g_autofree char *date = spor_gui_format_date (spor_entity_get_text (e, "signed_date"));

      /* Translators: a version number and a date */
      state = g_strdup_printf (_("Version %d · Signed %s"), (int) spor_entity_get_int (e, "version"),
                               date);
    }
  gtk_label_set_label (self->state_label, state);

  gtk_widget_set_sensitive (self->form_box, draft);
  gtk_widget_set_sensitive (self->sign_group, draft);
  gtk_widget_set_visible (self->sign_button, draft);
  gtk_widget_set_sensitive (self->save_button, draft);
  gtk_widget_set_visible (self->new_version_button, !draft && is_current);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.print", spor_entity_get_id (e) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.export-pdf", spor_entity_get_id (e) > 0);
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* Copies the form into the agreement; FALSE with a message when a value is wrong. */
static gboolean
read_form (SporAgreementEditor *self)
{
  SporEntity *e = SPOR_ENTITY (self->agreement);
  g_autofree char *hours = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->hours_row))));

  if (self->unread != NULL)
    {
      show_message (self, self->unread);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (text_views); i++)
    {
      g_autofree char *text = view_text (G_STRUCT_MEMBER (GtkTextView *, self, text_views[i].offset));
      if (*text == '\0')
        spor_entity_unset (e, text_views[i].field);
      else
        spor_entity_set_text (e, text_views[i].field, text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkWidget *row = G_STRUCT_MEMBER (GtkWidget *, self, entries[i].offset);
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

      gtk_widget_remove_css_class (row, "error");
      if (*text == '\0')
        spor_entity_unset (e, entries[i].field);
      else if (g_str_has_suffix (entries[i].field, "_date") && !spor_date_is_valid (text))
        {
          gtk_widget_add_css_class (row, "error");
          show_message (self, _("Dates are written YYYY-MM-DD and must be real dates"));
          return FALSE;
        }
      else
        spor_entity_set_text (e, entries[i].field, text);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->hours_row), "error");
  if (*hours == '\0')
    spor_entity_unset (e, "weekly_hours");
  else
    {
      char *end = NULL;
      double value;

      g_strdelimit (hours, ",", '.');
      value = g_ascii_strtod (hours, &end);
      if (end == hours || *end != '\0' || value < 0 || value > 60)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->hours_row), "error");
          show_message (self, _("Hours a week is a number from 0 to 60"));
          return FALSE;
        }
      spor_entity_set_real (e, "weekly_hours", value);
    }
  spor_record_choices_store_selected (self->adviser_row, e, "adviser_id");
  spor_record_choices_store_selected (self->creative_row, e, "creative_id");
  return TRUE;
}

typedef struct {
  SporAgreementEditor *self;
  gboolean             sign;  /* what to do again after Keep Mine */
} Conflict;

static void
conflict_free (Conflict *c)
{
  g_object_unref (c->self);
  g_free (c);
}

static void
on_conflict (SporConflictChoice choice,
             gpointer           data)
{
  Conflict *c = data;
  SporAgreementEditor *self = c->self;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || choice == SPOR_CONFLICT_CANCEL)
    return;
  if (choice == SPOR_CONFLICT_DISCARD)
    {
      g_autoptr(SporAgreement) fresh = spor_store_get (self->store, SPOR_TYPE_AGREEMENT,
                                                       spor_entity_get_id (SPOR_ENTITY (self->agreement)),
                                                       &error);
      if (fresh == NULL)
        return show_message (self, error->message);
      g_set_object (&self->agreement, fresh);
      load (self);
      show_message (self, NULL);
    }
  else if (!spor_conflict_take_stored (self->store, SPOR_ENTITY (self->agreement), &error))
    show_message (self, error->message);
  else if (c->sign)
    spor_agreement_editor_sign (self);
  else
    spor_agreement_editor_save (self);
}

/* A save or signing refused because the agreement was changed elsewhere since the form
 * read it: the user chooses. */
static void
ask_if_conflict (SporAgreementEditor *self,
                 const GError        *error,
                 gboolean             sign)
{
  g_autofree char *what = NULL;
  Conflict *c;

  if (!spor_conflict_matches (error))
    return;
  /* Translators: %s is a participant's name */
  what = g_strdup_printf (_("The start agreement of %s"), self->participant_name);
  c = g_new0 (Conflict, 1);
  c->self = g_object_ref (self);
  c->sign = sign;
  spor_conflict_ask (GTK_WIDGET (self), what, on_conflict, c, (GDestroyNotify) conflict_free);
}

gboolean
spor_agreement_editor_save (SporAgreementEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SPOR_IS_AGREEMENT_EDITOR (self), FALSE);

  show_message (self, NULL);
  if (!read_form (self))
    return FALSE;
  if (!spor_agreement_save_draft (self->store, self->agreement, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not save: %s"), error->message);
      show_message (self, text);
      ask_if_conflict (self, error, FALSE);
      return FALSE;
    }
  load (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

gboolean
spor_agreement_editor_sign (SporAgreementEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *by_participant = NULL;
  g_autofree char *by_adviser = NULL;

  g_return_val_if_fail (SPOR_IS_AGREEMENT_EDITOR (self), FALSE);

  show_message (self, NULL);
  if (!read_form (self))
    return FALSE;
  date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->signed_date_row))));
  by_participant = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->signed_participant_row))));
  by_adviser = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->signed_adviser_row))));
  if (!spor_agreement_save_draft (self->store, self->agreement, &error) ||
      !spor_agreement_sign (self->store, self->agreement, date, by_participant, by_adviser, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not sign: %s"), error->message);
      show_message (self, text);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
      ask_if_conflict (self, error, TRUE);
      return FALSE;
    }
  load (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

gint64
spor_agreement_editor_get_agreement (SporAgreementEditor *self)
{
  g_return_val_if_fail (SPOR_IS_AGREEMENT_EDITOR (self), 0);
  return spor_entity_get_id (SPOR_ENTITY (self->agreement));
}

static void
on_save_clicked (SporAgreementEditor *self)
{
  spor_agreement_editor_save (self);
}

static void
on_sign_clicked (SporAgreementEditor *self)
{
  spor_agreement_editor_sign (self);
}

static void
on_new_version_clicked (SporAgreementEditor *self)
{
  g_autoptr(GError) error = NULL;
  SporAgreement *next = spor_agreement_start_version (self->store, self->participant_id, &error);

  if (next == NULL)
    {
      show_message (self, error->message);
      return;
    }
  g_set_object (&self->agreement, next);
  g_object_unref (next);
  load (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SporAgreementEditor *self = SPOR_AGREEMENT_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;

  if (!is_signed (self) && !spor_agreement_editor_save (self))
    return;
  operation = spor_agreement_print_new (self->store, spor_entity_get_id (SPOR_ENTITY (self->agreement)), &error);
  if (operation == NULL ||
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_message (self, error->message);
}

static void
on_export_response (GtkNativeDialog     *chooser,
                    int                  response,
                    SporAgreementEditor *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
      if (path != NULL &&
          !spor_agreement_print_export (self->store, spor_entity_get_id (SPOR_ENTITY (self->agreement)),
                                        path, &error))
        show_message (self, error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SporAgreementEditor *self = SPOR_AGREEMENT_EDITOR (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(SporParticipant) p = NULL;
  g_autofree char *name = NULL;
  const char *override = g_getenv ("SPOR_EXPORT_PATH");

  if (!is_signed (self) && !spor_agreement_editor_save (self))
    return;
  /* For the end-to-end test: no file chooser, which AT-SPI cannot drive in a sandbox. */
  if (override != NULL && *override != '\0')
    {
      g_autoptr(GError) error = NULL;
      if (!spor_agreement_print_export (self->store, spor_entity_get_id (SPOR_ENTITY (self->agreement)),
                                        override, &error))
        show_message (self, error->message);
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Export as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: a file name; %s is the participant's name */
  name = g_strdup_printf (_("Start agreement %s.pdf"), self->participant_name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
spor_agreement_editor_dispose (GObject *object)
{
  SporAgreementEditor *self = SPOR_AGREEMENT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPOR_TYPE_AGREEMENT_EDITOR);
  g_clear_object (&self->agreement);
  g_clear_object (&self->store);
  g_clear_pointer (&self->participant_name, g_free);
  g_clear_pointer (&self->unread, g_free);
  G_OBJECT_CLASS (spor_agreement_editor_parent_class)->dispose (object);
}

static void
spor_agreement_editor_class_init (SporAgreementEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = spor_agreement_editor_dispose;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kulturspor/Spor/spor-agreement-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SporAgreementEditor, name)
  BIND (state_label);
  BIND (message_label);
  BIND (save_button);
  BIND (new_version_button);
  BIND (form_box);
  BIND (goals_view);
  BIND (needs_view);
  BIND (schedule_row);
  BIND (hours_row);
  BIND (provides_view);
  BIND (commits_view);
  BIND (adviser_row);
  BIND (creative_row);
  BIND (start_row);
  BIND (review_row);
  BIND (sign_group);
  BIND (signed_date_row);
  BIND (signed_participant_row);
  BIND (signed_adviser_row);
  BIND (sign_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_new_version_clicked);
  gtk_widget_class_install_action (widget_class, "agreement.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "agreement.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "agreement.print", NULL);
}

static void
spor_agreement_editor_init (SporAgreementEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spor_agreement_editor_new (GtkWindow *parent,
                           SporStore *store,
                           gint64     participant_id,
                           gint64     agreement_id)
{
  SporAgreementEditor *self = g_object_new (SPOR_TYPE_AGREEMENT_EDITOR, "transient-for", parent, NULL);
  g_autoptr(SporQuery) query = spor_query_new (SPOR_TYPE_STAFF);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(SporParticipant) participant = NULL;
  g_autoptr(GError) error = NULL;

  self->store = g_object_ref (store);
  self->participant_id = participant_id;
  participant = spor_store_get (store, SPOR_TYPE_PARTICIPANT, participant_id, &error);
  self->participant_name = g_strdup (participant != NULL ? spor_entity_get_text (SPOR_ENTITY (participant), "name") : "");

  spor_query_where_int (query, "active", 1);
  spor_query_order_by (query, "name", FALSE);
  if (error == NULL)
    staff = spor_store_list (store, query, &error);
  records = spor_record_choices_new (SPOR_TYPE_STAFF, staff, C_("staff member", "None"));
  spor_record_choices_set_model (self->adviser_row, records, NULL, 0);
  spor_record_choices_set_model (self->creative_row, records, NULL, 0);

  if (error == NULL && agreement_id > 0)
    self->agreement = spor_store_get (store, SPOR_TYPE_AGREEMENT, agreement_id, &error);
  if (error == NULL && self->agreement == NULL)
    self->agreement = spor_agreement_get_current (store, participant_id, &error);
  /* a form that is not what is stored is not saved over it */
  if (error != NULL)
    {
      g_clear_object (&self->agreement);
      self->unread = g_strdup (error->message);
    }
  if (self->agreement == NULL)
    {
      /* Not saved until the first Save or Sign. */
      self->agreement = spor_entity_new (SPOR_TYPE_AGREEMENT);
      spor_entity_set_int (SPOR_ENTITY (self->agreement), "participant_id", participant_id);
      spor_entity_set_int (SPOR_ENTITY (self->agreement), "version", 1);
      spor_entity_set_text (SPOR_ENTITY (self->agreement), "state", "draft");
    }
  load (self);
  if (self->unread != NULL)
    show_message (self, self->unread);
  return GTK_WIDGET (self);
}
