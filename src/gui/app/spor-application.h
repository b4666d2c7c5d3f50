/* spor-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPOR_TYPE_APPLICATION (spor_application_get_type ())
G_DECLARE_FINAL_TYPE (SporApplication, spor_application, SPOR, APPLICATION, AdwApplication)

/* @start_time is g_get_monotonic_time() taken first thing in main(); SPOR_BENCH=1 measures
 * from it. */
SporApplication *spor_application_new (gint64 start_time);

G_END_DECLS
