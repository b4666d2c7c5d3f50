/* spor-templates.h — the built-in programmes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-store.h"

G_BEGIN_DECLS

typedef struct {
  char *key;          /* stable name, e.g. "aspiranterne" */
  char *name;
  char *organisations;
  char *description;
  guint n_phases;
  guint n_goals;
} SporTemplate;

void        spor_template_free                        (SporTemplate *template);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SporTemplate, spor_template_free)

/* The templates of data/programme-templates.json, in file order. */
GPtrArray     *spor_templates_list             (GError     **error);

/* Creates the programme of template @key with its phases and goals, in one transaction. */
SporProgramme *spor_templates_create_programme (SporStore   *store,
                                                const char  *key,
                                                GError     **error);

G_END_DECLS
