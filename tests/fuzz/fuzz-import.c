/* fuzz-import.c — libFuzzer target for the exchange importer
 *
 * Each input is imported as a preview (the transaction is rolled back) into one temporary
 * database that holds a little sample data, so references and merges are exercised too.
 * Built and run by build-aux/test with clang, -fsanitize=fuzzer,address,undefined.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "spor-exchange.h"
#include "spor-sample.h"

static SporStore *store;

static void
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("spor-fuzz-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "fuzz.db", NULL);
  store = spor_store_open (path, &error);
  g_assert_no_error (error);
  spor_sample_create (store, 3, 1, NULL, NULL, &error);
  g_assert_no_error (error);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(SporImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    open_store ();
  in = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  report = spor_exchange_import_stream (store, in, (goffset) size, FALSE, NULL, NULL, NULL,
                                        &error);
  g_assert ((report == NULL) == (error != NULL));
  return 0;
}
