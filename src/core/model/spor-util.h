/* spor-util.h — identifiers, text for searching, printable text, dates
 *
 * An umbrella header over small modules, for its callers of old; each may be included
 * alone:
 *
 *   spor-uuid.h       identifiers of records (UUIDs)
 *   spor-fold.h       folded words and contact data for the search index
 *   spor-printable.h  text from outside, safe to show in a message
 *   spor-dates.h      dates, times and time stamps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-dates.h"
#include "spor-fold.h"
#include "spor-printable.h"
#include "spor-uuid.h"
