/* test-error.c — errors keep what the server said
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "vitrine-error.h"
#include "vitrine-error-describe.h"

static GError *
from_body (guint       status,
           const char *code,
           const char *x_message,
           const char *content_type,
           const char *body)
{
  g_autoptr(GBytes) bytes = body != NULL ? g_bytes_new (body, strlen (body)) : NULL;

  return vitrine_error_new_from_response (status, code, x_message, content_type, bytes);
}

static void
test_error_codes (void)
{
  g_autoptr(GError) error = NULL;

  error = from_body (404, "RepoNotFound", NULL, "application/json",
                     "{\"error\":\"Repository not found\"}");
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_REPO_NOT_FOUND);
  g_assert_cmpuint (vitrine_error_get_status (error), ==, 404);
  g_assert_cmpstr (vitrine_error_get_hub_code (error), ==, "RepoNotFound");
  g_assert_cmpstr (error->message, ==, "Repository not found");
  g_clear_error (&error);

  /* The error code wins over the status. */
  error = from_body (401, "GatedRepo", NULL, NULL, NULL);
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_GATED);
  g_clear_error (&error);
  error = from_body (404, "RevisionNotFound", NULL, NULL, NULL);
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_REVISION_NOT_FOUND);
  g_clear_error (&error);
  error = from_body (404, "EntryNotFound", NULL, NULL, NULL);
  g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_ENTRY_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (vitrine_error_code_for_status (401, NULL), ==, VITRINE_ERROR_UNAUTHORIZED);
  g_assert_cmpint (vitrine_error_code_for_status (403, NULL), ==, VITRINE_ERROR_FORBIDDEN);
  g_assert_cmpint (vitrine_error_code_for_status (409, NULL), ==, VITRINE_ERROR_CONFLICT);
  g_assert_cmpint (vitrine_error_code_for_status (412, NULL), ==, VITRINE_ERROR_PRECONDITION_FAILED);
  g_assert_cmpint (vitrine_error_code_for_status (413, NULL), ==, VITRINE_ERROR_TOO_LARGE);
  g_assert_cmpint (vitrine_error_code_for_status (429, NULL), ==, VITRINE_ERROR_RATE_LIMITED);
  g_assert_cmpint (vitrine_error_code_for_status (502, NULL), ==, VITRINE_ERROR_SERVER);
  g_assert_cmpint (vitrine_error_code_for_status (400, NULL), ==, VITRINE_ERROR_INVALID_ARGUMENT);
  g_assert_cmpint (vitrine_error_code_for_status (418, NULL), ==, VITRINE_ERROR_FAILED);
}

static void
test_error_body_shapes (void)
{
  struct {
    const char *content_type;
    const char *body;
    const char *expected;
  } cases[] = {
    { "application/json", "{\"error\":[\"first\",\"second\"]}", "first; second" },
    { "application/json", "{\"message\":\"plain message\"}", "plain message" },
    { "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"expired\"}",
      "invalid_grant: expired" },
    { "application/json", "{\"errors\":[{\"message\":\"bad license\"},{\"message\":\"bad tag\"}]}",
      "bad license; bad tag" },
    { "text/plain; charset=utf-8", "  Not allowed  \n", "Not allowed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = from_body (400, NULL, NULL, cases[i].content_type, cases[i].body);

      g_assert_cmpstr (error->message, ==, cases[i].expected);
      g_assert_cmpstr (vitrine_error_get_server_message (error), ==, cases[i].expected);
    }
}

static void
test_error_header_message (void)
{
  g_autoptr(GError) joined = NULL;
  g_autoptr(GError) same = NULL;
  g_autoptr(GError) header_only = NULL;

  /* X-Error-Message and the body are joined, as the official clients do... */
  joined = from_body (403, NULL, "Access denied.", "application/json", "{\"error\":\"Token is read-only\"}");
  g_assert_cmpstr (joined->message, ==, "Access denied. Token is read-only");

  /* ...but never repeated. */
  same = from_body (401, NULL, "Invalid username or password.", "application/json",
                    "{\"error\":\"Invalid username or password.\"}");
  g_assert_cmpstr (same->message, ==, "Invalid username or password.");
  g_assert_error (same, VITRINE_ERROR, VITRINE_ERROR_UNAUTHORIZED);

  header_only = from_body (500, NULL, "Boom", NULL, NULL);
  g_assert_cmpstr (header_only->message, ==, "Boom");
  g_assert_error (header_only, VITRINE_ERROR, VITRINE_ERROR_SERVER);
}

static void
test_error_hostile_bodies (void)
{
  g_autoptr(GError) html = NULL;
  g_autoptr(GError) binary = NULL;
  g_autoptr(GError) long_message = NULL;
  g_autoptr(GError) not_object = NULL;
  g_autoptr(GString) body = g_string_new ("{\"error\":\"");
  g_autoptr(GBytes) bytes = NULL;
  static const char garbage[] = { '\xff', '\xfe', 'a', '\0', 'b' };

  /* An HTML error page is not shown to people; a fallback sentence is. */
  html = from_body (502, NULL, NULL, "text/html", "<html><body>Bad gateway</body></html>");
  g_assert_error (html, VITRINE_ERROR, VITRINE_ERROR_SERVER);
  g_assert_null (vitrine_error_get_server_message (html));
  g_assert_null (strstr (html->message, "<html>"));
  g_assert_cmpstr (html->message, !=, "");

  bytes = g_bytes_new (garbage, sizeof garbage);
  binary = vitrine_error_new_from_response (400, NULL, NULL, "text/plain", bytes);
  g_assert_true (g_utf8_validate (binary->message, -1, NULL));
  g_assert_null (vitrine_error_get_server_message (binary));

  /* A huge message is cut, and stays valid UTF-8. */
  for (guint i = 0; i < 2000; i++)
    g_string_append (body, "é");
  g_string_append (body, "\"}");
  long_message = from_body (400, NULL, NULL, "application/json", body->str);
  g_assert_true (g_utf8_validate (long_message->message, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (long_message->message, -1), <=, 501);
  g_assert_true (g_str_has_suffix (long_message->message, "…"));

  not_object = from_body (400, NULL, NULL, "application/json", "[1,2,3]");
  g_assert_null (vitrine_error_get_server_message (not_object));
}

static void
test_error_copy_keeps_details (void)
{
  g_autoptr(GError) error = from_body (404, "RepoNotFound", NULL, NULL, "{\"error\":\"gone\"}");
  g_autoptr(GError) copy = g_error_copy (error);
  GError *plain = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_FAILED, "x");

  g_assert_cmpuint (vitrine_error_get_status (copy), ==, 404);
  g_assert_cmpstr (vitrine_error_get_hub_code (copy), ==, "RepoNotFound");
  g_assert_cmpstr (vitrine_error_get_server_message (copy), ==, "gone");

  /* Errors from other domains have no server details. */
  g_assert_cmpuint (vitrine_error_get_status (plain), ==, 0);
  g_assert_null (vitrine_error_get_hub_code (plain));
  g_error_free (plain);
}

static GError *
hub_error (guint       status,
           const char *body)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  return vitrine_error_new_from_response (status, NULL, NULL, "application/json", bytes);
}

/* Each failure a publish can meet has its own title and a hint saying
 * what to do, in words, never the bare status. */
static void
test_error_describe (void)
{
  struct {
    GError     *error;
    const char *title;
    const char *hint_part;
  } cases[] = {
    { hub_error (401, "{\"error\": \"Invalid username or password.\"}"), "did not accept your sign-in", "Sign in again" },
    { hub_error (403, "{\"error\": \"This token is read-only: use a token with the write role.\"}"),
      "can only read", "write role" },
    { hub_error (403, "{\"error\": \"You are not a member of team\"}"), "may not publish", "pull request" },
    { hub_error (404, "{\"error\": \"Repository not found\"}"), "not found", "Check the owner" },
    { hub_error (409, "{\"error\": \"You already created this model repo\"}"), "taken", "another name" },
    { hub_error (412, "{\"error\": \"parent commit is stale\"}"), "changed during", "Try again" },
    { hub_error (413, "{\"error\": \"too large\"}"), "too large", "50 GB" },
    { hub_error (429, "{\"error\": \"slow down\"}"), "slow down", "Wait" },
    { hub_error (503, "{\"error\": \"maintenance\"}"), "had a problem", "later" },
    { g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, "refused"), "No connection", "online" },
    { g_error_new_literal (G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND, "no such host"), "No connection", "address" },
    { g_error_new_literal (G_RESOLVER_ERROR, G_RESOLVER_ERROR_TEMPORARY_FAILURE, "dns"), "No connection", "online" },
    { g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "timed out"), "No connection", "online" },
    { g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE, "full"), "disk is full", "Free some space" },
    { g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_NOSPC, "full"), "disk is full", "Free some space" },
    { g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_ACCES, "denied"), "could not be read", "permissions" },
    { g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "gone"), "disappeared", "Try again" },
    { g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped"), "stopped", "Nothing is lost" },
    { g_error_new_literal (VITRINE_ERROR, VITRINE_ERROR_CARD_CHANGED, "card"), "model card", "Compare With the Hub" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *hint = NULL;

      vitrine_error_describe_for_publish (cases[i].error, &title, &hint);
      if (strstr (title, cases[i].title) == NULL || strstr (hint, cases[i].hint_part) == NULL)
        g_error ("“%s”: title “%s”, hint “%s”", cases[i].error->message, title, hint);
      g_clear_error (&cases[i].error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/error/codes", test_error_codes);
  g_test_add_func ("/hub/error/body-shapes", test_error_body_shapes);
  g_test_add_func ("/hub/error/header-message", test_error_header_message);
  g_test_add_func ("/hub/error/hostile-bodies", test_error_hostile_bodies);
  g_test_add_func ("/hub/error/copy-keeps-details", test_error_copy_keeps_details);
  g_test_add_func ("/hub/error/describe", test_error_describe);

  return g_test_run ();
}
