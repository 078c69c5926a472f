/* vitrine-server-faults.c — faults injected on purpose, for tests only
 *
 * VITRINE_HUB_FAULTS holds rules separated by ";":
 *
 *   drop-upload:BYTES:COUNT             cut the connection of COUNT large-file
 *                                       uploads once BYTES of one are in
 *   status:CODE:PATH_PART:COUNT[:SECS]  answer CODE (with Retry-After: SECS)
 *                                       to the next COUNT requests whose path
 *                                       holds PATH_PART
 *   hold:PATH_PART:COUNT                hold each of the next COUNT requests
 *                                       whose path holds PATH_PART until
 *                                       another such request was answered
 *                                       (a race made to happen: a commit
 *                                       made while another waits)
 *   delay:MS:PATH_PART:COUNT            hold the next COUNT requests whose
 *                                       path holds PATH_PART for MS ms
 *                                       before answering them (work in
 *                                       flight, for tests of stopping)
 *
 * Each rule counts what it did, so a test can prove its fault happened:
 * how many times it fired, and how many of the requests it broke came
 * again and were answered (a client's retry), with the shortest wait
 * between the two.  GET /api/-/faults reports the counts as JSON, and
 * exists only on a hub started with VITRINE_HUB_FAULTS.
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
  RULE_HOLD,
  RULE_DELAY,
} RuleKind;

typedef struct
{
  char     *text;
  RuleKind  kind;
  guint     status;
  char     *path_part;
  char     *retry_after;
  guint64   drop_after;
  guint     delay_ms;
  int       count;
  int       fired;
  int       retried;
  gint64    shortest_wait;     /* µs between a fault and its retry, or -1 */
  guint     answered;          /* hold: requests it matches answered so far */
} Rule;

/* A request a rule broke, waiting for its retry. */
typedef struct
{
  Rule   *rule;
  char   *method;
  char   *path;
  gint64  when;
} Broken;

struct _VitrineFaults
{
  GMutex     lock;
  GCond      answered;
  GPtrArray *rules;
  GPtrArray *broken;
};

static void
rule_free (Rule *rule)
{
  g_free (rule->text);
  g_free (rule->path_part);
  g_free (rule->retry_after);
  g_free (rule);
}

static void
broken_free (Broken *broken)
{
  g_free (broken->method);
  g_free (broken->path);
  g_free (broken);
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
  g_cond_init (&faults->answered);
  faults->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  faults->broken = g_ptr_array_new_with_free_func ((GDestroyNotify) broken_free);
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
      else if (n == 3 && g_str_equal (f[0], "hold"))
        {
          rule = g_new0 (Rule, 1);
          rule->kind = RULE_HOLD;
          rule->path_part = g_strdup (f[1]);
          rule->count = atoi (f[2]);
        }
      else if (n == 4 && g_str_equal (f[0], "delay"))
        {
          rule = g_new0 (Rule, 1);
          rule->kind = RULE_DELAY;
          rule->delay_ms = atoi (f[1]);
          rule->path_part = g_strdup (f[2]);
          rule->count = atoi (f[3]);
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
      rule->shortest_wait = -1;
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
  g_cond_clear (&faults->answered);
  g_ptr_array_unref (faults->rules);
  g_ptr_array_unref (faults->broken);
  g_free (faults);
}

/* Called with the lock held. */
static void
fired (VitrineFaults  *faults,
       Rule           *rule,
       VitrineRequest *req)
{
  Broken *broken = g_new0 (Broken, 1);

  rule->fired++;
  broken->rule = rule;
  broken->method = g_strdup (req->method);
  broken->path = g_strdup (req->path);
  broken->when = g_get_monotonic_time ();
  g_ptr_array_add (faults->broken, broken);
}

/* The rule that breaks @req now, or NULL.  Called with the lock held. */
static Rule *
status_rule (VitrineFaults  *faults,
             VitrineRequest *req)
{
  /* The report is never broken: tests need it to see what was. */
  if (g_str_equal (req->path, VITRINE_FAULTS_PATH))
    return NULL;
  for (guint i = 0; i < faults->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (faults->rules, i);

      if (rule->kind == RULE_STATUS && rule->fired < rule->count && strstr (req->path, rule->path_part) != NULL)
        return rule;
    }
  return NULL;
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
  Rule *rule;

  g_mutex_lock (&faults->lock);
  rule = status_rule (faults, req);
  if (rule != NULL)
    {
      fired (faults, rule, req);
      if (rule->retry_after != NULL)
        vitrine_request_header (req, "Retry-After", rule->retry_after);
      vitrine_request_error (req, rule->status, NULL, "Injected fault");
    }
  g_mutex_unlock (&faults->lock);
  return rule != NULL;
}

/**
 * vitrine_faults_delay:
 *
 * In a worker, before @req is answered: waits as a delay rule says.  The
 * request counts as retried once answered (a delay breaks nothing).
 */
void
vitrine_faults_delay (VitrineFaults  *faults,
                      VitrineRequest *req)
{
  guint delay_ms = 0;

  g_mutex_lock (&faults->lock);
  for (guint i = 0; i < faults->rules->len && delay_ms == 0; i++)
    {
      Rule *rule = g_ptr_array_index (faults->rules, i);

      if (rule->kind == RULE_DELAY && rule->fired < rule->count && strstr (req->path, rule->path_part) != NULL)
        {
          fired (faults, rule, req);
          delay_ms = MAX (rule->delay_ms, 1);
        }
    }
  g_mutex_unlock (&faults->lock);
  if (delay_ms > 0)
    g_usleep ((gulong) delay_ms * 1000);
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
  gboolean drop = FALSE;

  g_mutex_lock (&faults->lock);
  for (guint i = 0; i < faults->rules->len && !drop; i++)
    {
      Rule *rule = g_ptr_array_index (faults->rules, i);

      if (rule->kind == RULE_DROP_UPLOAD && rule->fired < rule->count &&
          req->stream_received + len >= rule->drop_after)
        {
          fired (faults, rule, req);
          drop = TRUE;
        }
    }
  g_mutex_unlock (&faults->lock);
  return drop;
}

/**
 * vitrine_faults_hold:
 *
 * In a worker thread, before @req is handled: when a hold rule takes it,
 * waits until another request the rule matches was answered (a minute
 * at most).
 */
void
vitrine_faults_hold (VitrineFaults  *faults,
                     VitrineRequest *req)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  Rule *held = NULL;
  guint mark = 0;

  g_mutex_lock (&faults->lock);
  for (guint i = 0; i < faults->rules->len && held == NULL; i++)
    {
      Rule *rule = g_ptr_array_index (faults->rules, i);

      if (rule->kind == RULE_HOLD && rule->fired < rule->count && strstr (req->path, rule->path_part) != NULL)
        {
          rule->fired++;
          held = rule;
          mark = rule->answered;
        }
    }
  while (held != NULL && held->answered == mark)
    if (!g_cond_wait_until (&faults->answered, &faults->lock, deadline))
      break;
  g_mutex_unlock (&faults->lock);
}

/* A request was answered: if it is one that a fault broke, sent again
 * and now answered without an error, the client retried; requests held
 * for it go on. */
void
vitrine_faults_note_answer (VitrineFaults  *faults,
                            VitrineRequest *req)
{
  gint64 now = g_get_monotonic_time ();

  g_mutex_lock (&faults->lock);
  for (guint i = 0; i < faults->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (faults->rules, i);

      if (rule->kind == RULE_HOLD && strstr (req->path, rule->path_part) != NULL)
        {
          rule->answered++;
          g_cond_broadcast (&faults->answered);
        }
    }
  g_mutex_unlock (&faults->lock);

  if (req->status >= 400)
    return;
  g_mutex_lock (&faults->lock);
  for (guint i = faults->broken->len; i > 0; i--)
    {
      Broken *broken = g_ptr_array_index (faults->broken, i - 1);
      Rule *rule = broken->rule;

      if (!g_str_equal (broken->method, req->method) || !g_str_equal (broken->path, req->path))
        continue;
      rule->retried++;
      if (rule->shortest_wait < 0 || now - broken->when < rule->shortest_wait)
        rule->shortest_wait = now - broken->when;
      g_ptr_array_remove_index (faults->broken, i - 1);
    }
  g_mutex_unlock (&faults->lock);
}

/**
 * vitrine_faults_report:
 *
 * Returns: (transfer full): `{"rules": [{"rule", "kind", "count", "fired",
 *   "retried", "shortestRetryMs"?}]}`, one for each rule in the order
 *   given
 */
JsonNode *
vitrine_faults_report (VitrineFaults *faults)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_mutex_lock (&faults->lock);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rules");
  json_builder_begin_array (builder);
  for (guint i = 0; i < faults->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (faults->rules, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, rule->text);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, rule->kind == RULE_STATUS ? "status" :
                                              rule->kind == RULE_HOLD ? "hold" :
                                              rule->kind == RULE_DELAY ? "delay" : "drop-upload");
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, rule->count);
      json_builder_set_member_name (builder, "fired");
      json_builder_add_int_value (builder, rule->fired);
      json_builder_set_member_name (builder, "retried");
      json_builder_add_int_value (builder, rule->retried);
      if (rule->shortest_wait >= 0)
        {
          json_builder_set_member_name (builder, "shortestRetryMs");
          json_builder_add_int_value (builder, rule->shortest_wait / 1000);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  g_mutex_unlock (&faults->lock);
  return json_builder_get_root (builder);
}

/* GET /api/-/faults: what was injected so far. */
void
vitrine_route_faults (VitrineRequest *req)
{
  VitrineFaults *faults = _vitrine_server_get_faults (req->server);
  g_autoptr(JsonNode) report = NULL;

  if (faults == NULL)
    {
      vitrine_request_error (req, 404, NULL, "Sorry, we can't find the page you are looking for.");
      return;
    }
  report = vitrine_faults_report (faults);
  vitrine_request_json (req, 200, report);
}
