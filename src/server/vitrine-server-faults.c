/* vitrine-server-faults.c — faults injected on purpose, for tests only
 *
 * VITRINE_HUB_FAULTS holds rules separated by ";":
 *
 *   drop-upload:BYTES:COUNT             cut the connection of COUNT large-file
 *                                       uploads once BYTES of one are in
 *   status:CODE:PATH_PART:COUNT[:SECS]  answer CODE (with Retry-After: SECS)
 *                                       to the next COUNT requests whose path
 *                                       holds PATH_PART
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "vitrine-server-faults.h"
#include "vitrine-server-private.h"

typedef enum
{
  RULE_STATUS,
  RULE_DROP_UPLOAD,
} RuleKind;

typedef struct
{
  char     *text;
  RuleKind  kind;
  guint     status;
  char     *path_part;
  char     *retry_after;
  guint64   drop_after;
  int       count;
  int       fired;
} Rule;

struct _VitrineFaults
{
  GMutex     lock;
  GPtrArray *rules;
};

static void
rule_free (Rule *rule)
{
  g_free (rule->text);
  g_free (rule->path_part);
  g_free (rule->retry_after);
  g_free (rule);
}

/**
 * vitrine_faults_new:
 * @spec: the rules, as in VITRINE_HUB_FAULTS
 *
 * Returns: (transfer full): the faults to inject
 */
VitrineFaults *
vitrine_faults_new (const char *spec)
{
  VitrineFaults *faults = g_new0 (VitrineFaults, 1);
  g_auto(GStrv) rules = g_strsplit (spec, ";", 32);

  g_mutex_init (&faults->lock);
  faults->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  for (guint i = 0; rules[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (rules[i], ":", 6);
      guint n = g_strv_length (f);
      Rule *rule;

      if (n == 3 && g_str_equal (f[0], "drop-upload"))
        {
          rule = g_new0 (Rule, 1);
          rule->kind = RULE_DROP_UPLOAD;
          rule->drop_after = g_ascii_strtoull (f[1], NULL, 10);
          rule->count = atoi (f[2]);
        }
      else if ((n == 4 || n == 5) && g_str_equal (f[0], "status"))
        {
          rule = g_new0 (Rule, 1);
          rule->kind = RULE_STATUS;
          rule->status = atoi (f[1]);
          rule->path_part = g_strdup (f[2]);
          rule->count = atoi (f[3]);
          rule->retry_after = n == 5 ? g_strdup (f[4]) : NULL;
        }
      else
        {
          if (*rules[i] != '\0')
            g_warning ("Unknown fault rule: %s", rules[i]);
          continue;
        }
      rule->text = g_strdup (rules[i]);
      g_ptr_array_add (faults->rules, rule);
    }
  g_message ("Injecting faults: %s", spec);
  return faults;
}

void
vitrine_faults_free (VitrineFaults *faults)
{
  if (faults == NULL)
    return;
  g_mutex_clear (&faults->lock);
  g_ptr_array_unref (faults->rules);
  g_free (faults);
}

/**
 * vitrine_faults_inject_status:
 *
 * Returns: whether @req was answered with an injected error
 */
gboolean
vitrine_faults_inject_status (VitrineFaults  *faults,
                              VitrineRequest *req)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&faults->lock);

  for (guint i = 0; i < faults->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (faults->rules, i);

      if (rule->kind == RULE_STATUS && rule->fired < rule->count && strstr (req->path, rule->path_part) != NULL)
        {
          rule->fired++;
          if (rule->retry_after != NULL)
            vitrine_request_header (req, "Retry-After", rule->retry_after);
          vitrine_request_error (req, rule->status, NULL, "Injected fault");
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * vitrine_faults_drop_upload:
 * @len: the size of the part of the body that just arrived, after
 *   `req->stream_received` bytes
 *
 * Returns: whether to cut the upload's connection now
 */
gboolean
vitrine_faults_drop_upload (VitrineFaults  *faults,
                            VitrineRequest *req,
                            gsize           len)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&faults->lock);

  for (guint i = 0; i < faults->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (faults->rules, i);

      if (rule->kind == RULE_DROP_UPLOAD && rule->fired < rule->count &&
          req->stream_received + len >= rule->drop_after)
        {
          rule->fired++;
          return TRUE;
        }
    }
  return FALSE;
}
