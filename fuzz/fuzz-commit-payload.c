/* fuzz-commit-payload.c — NDJSON commit payloads, whatever the bytes
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "vitrine-commit-payload.h"
#include "vitrine-error.h"
#include "vitrine-hash.h"
#include "vitrine-path.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitrineCommitPayload) payload = vitrine_commit_payload_parse ((const char *) data, size, &error);

  if (payload == NULL)
    {
      /* Refused with a message that can go into a JSON answer. */
      g_assert (error != NULL && error->domain == VITRINE_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  /* Taken: everything a commit is built from holds. */
  g_assert (error == NULL);
  g_assert (payload->summary != NULL && payload->summary[0] != '\0');
  g_assert (g_utf8_validate (payload->summary, -1, NULL));
  g_assert (payload->description == NULL || g_utf8_validate (payload->description, -1, NULL));
  g_assert (payload->parent_commit == NULL ||
            (strlen (payload->parent_commit) >= 7 && strlen (payload->parent_commit) <= 40 &&
             vitrine_is_hex (payload->parent_commit, strlen (payload->parent_commit))));
  g_assert (payload->ops->len <= VITRINE_COMMIT_MAX_OPERATIONS);
  for (guint i = 0; i < payload->ops->len; i++)
    {
      VitrineOp *op = g_ptr_array_index (payload->ops, i);

      g_assert (vitrine_path_check (op->path, -1, NULL));
      switch (op->kind)
        {
        case VITRINE_OP_FILE:
          g_assert (op->content != NULL);
          break;
        case VITRINE_OP_LFS_FILE:
          g_assert (vitrine_is_hex (op->lfs_oid, 64));
          break;
        case VITRINE_OP_DELETE_FILE:
        case VITRINE_OP_DELETE_FOLDER:
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return 0;
}
