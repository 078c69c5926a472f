/* vitrine-error-describe.c — a publishing failure in words, with what to
 * do about it
 *
 * One place that turns what went wrong during a publish (an answer of
 * the hub, a network failure, a disk error) into a title and a hint the
 * user can act on, for the window and for vitrine-cli alike.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <gio/gio.h>

#include "vitrine-error.h"
#include "vitrine-error-describe.h"

static gboolean
mentions_read_only (const GError *error)
{
  const char *server = vitrine_error_get_server_message (error);
  g_autofree char *text = g_ascii_strdown (server != NULL ? server : error->message, -1);

  return strstr (text, "read-only") != NULL || strstr (text, "read only") != NULL ||
         strstr (text, "read access") != NULL || strstr (text, "write role") != NULL;
}

static void
describe_hub (const GError  *error,
              const char   **title,
              const char   **hint)
{
  switch ((VitrineErrorCode) error->code)
    {
    case VITRINE_ERROR_UNAUTHORIZED:
      *title = _("The hub did not accept your sign-in");
      *hint = _("Your access token was refused: it may have expired or been deleted. "
                "Sign in again with a new token.");
      break;
    case VITRINE_ERROR_FORBIDDEN:
      if (mentions_read_only (error))
        {
          *title = _("Your access token can only read");
          *hint = _("Publishing needs a token with the write role. Make one in your account’s settings "
                    "on the hub (Access Tokens), then sign in again with it.");
        }
      else
        {
          *title = _("You may not publish to this repository");
          *hint = _("Your account cannot write here. Choose an owner you may write to, "
                    "or open a pull request instead.");
        }
      break;
    case VITRINE_ERROR_NOT_FOUND:
    case VITRINE_ERROR_REPO_NOT_FOUND:
      *title = _("The repository was not found");
      *hint = _("It may have been deleted or renamed, or this account cannot see it. "
                "Check the owner and the name, and which account you are signed in with.");
      break;
    case VITRINE_ERROR_REVISION_NOT_FOUND:
      *title = _("The branch was not found");
      *hint = _("The repository has no such branch. Publish to its main branch, or create the branch first.");
      break;
    case VITRINE_ERROR_CONFLICT:
      *title = _("The name is taken, or another publish is under way");
      *hint = _("A repository with this name may exist already, or the hub is busy with another change to it. "
                "Choose another name, or wait a moment and try again.");
      break;
    case VITRINE_ERROR_PRECONDITION_FAILED:
      *title = _("The repository changed during the publish");
      *hint = _("Someone else published to it at the same time. Try again: "
                "only what the hub does not have yet is sent.");
      break;
    case VITRINE_ERROR_TOO_LARGE:
      *title = _("A file is too large for the hub");
      *hint = _("The hub takes at most 50 GB in one file. Leave the file out (add it to .gitignore) "
                "or split it into smaller files, then try again.");
      break;
    case VITRINE_ERROR_RATE_LIMITED:
      *title = _("The hub asks Vitrine to slow down");
      *hint = _("Too many requests were sent in a short time. Wait a few minutes, then try again: "
                "what was sent already is kept.");
      break;
    case VITRINE_ERROR_SERVER:
      *title = _("The hub had a problem");
      *hint = _("The fault is on the server’s side. Try again later: what was sent already is kept.");
      break;
    case VITRINE_ERROR_CARD_CHANGED:
      *title = _("The model card was changed on the hub");
      *hint = _("Open the folder in Vitrine, use Compare With the Hub… to merge the two cards and save, then publish again.");
      break;
    case VITRINE_ERROR_INVALID_REPO_ID:
      *title = _("The repository name is not valid");
      *hint = _("Use letters, digits, “-”, “_” and “.”, starting and ending with a letter or a digit.");
      break;
    case VITRINE_ERROR_INVALID_PATH:
      *title = _("A file name is not accepted by the hub");
      *hint = _("Rename the file or leave it out, then try again.");
      break;
    case VITRINE_ERROR_GATED:
      *title = _("The repository is gated");
      *hint = _("Accept its conditions on the hub’s web page first, then try again.");
      break;
    case VITRINE_ERROR_ENTRY_NOT_FOUND:
    case VITRINE_ERROR_INVALID_ARGUMENT:
    case VITRINE_ERROR_PROTOCOL:
    case VITRINE_ERROR_FAILED:
    default:
      *title = _("The hub refused the publish");
      *hint = _("Try again. If it keeps failing, the hub may not support what Vitrine asked of it.");
      break;
    }
}

static gboolean
is_network (const GError *error)
{
  if (error->domain == G_RESOLVER_ERROR || error->domain == G_TLS_ERROR)
    return TRUE;
  if (error->domain != G_IO_ERROR)
    return FALSE;
  switch (error->code)
    {
    case G_IO_ERROR_HOST_NOT_FOUND:
    case G_IO_ERROR_HOST_UNREACHABLE:
    case G_IO_ERROR_NETWORK_UNREACHABLE:
    case G_IO_ERROR_CONNECTION_REFUSED:
    case G_IO_ERROR_CONNECTION_CLOSED:
    case G_IO_ERROR_TIMED_OUT:
    case G_IO_ERROR_PROXY_FAILED:
    case G_IO_ERROR_PROXY_AUTH_FAILED:
    case G_IO_ERROR_PROXY_NOT_ALLOWED:
    case G_IO_ERROR_PROXY_NEED_AUTH:
    case G_IO_ERROR_NOT_CONNECTED:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
describe_disk (const GError  *error,
               const char   **title,
               const char   **hint)
{
  gboolean no_space = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE) ||
                      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  gboolean denied = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
                    g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
                    g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_PERM);
  gboolean gone = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
                  g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

  if (no_space)
    {
      *title = _("The disk is full");
      *hint = _("Free some space on this computer’s disk, then try again.");
    }
  else if (denied)
    {
      *title = _("A file could not be read");
      *hint = _("Vitrine is not allowed to read a file of the folder. Change its permissions or leave it out, "
                "then try again.");
    }
  else if (gone)
    {
      *title = _("A file disappeared during the publish");
      *hint = _("A file of the folder was moved or deleted while Vitrine read it. Try again.");
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY) ||
           g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
    {
      *title = _("The folder is missing");
      *hint = _("The folder was moved or deleted. Choose it again where it is now.");
    }
  else
    {
      *title = _("A file could not be read or written");
      *hint = _("Check the disk and the folder, then try again.");
    }
}

/**
 * vitrine_error_describe_for_publish:
 * @error: what a publish failed with
 * @title: (out) (transfer full): what happened, in a few words
 * @hint: (out) (transfer full): what the user can do about it
 *
 * Describes a publishing failure for people: 401, 403 (also a read-only
 * token), 404, 409, 412, 413, 429, the server's own faults, no network,
 * disk errors, a stop.
 */
void
vitrine_error_describe_for_publish (const GError  *error,
                                    char         **title,
                                    char         **hint)
{
  const char *t = NULL;
  const char *h = NULL;

  g_return_if_fail (error != NULL);

  if (error->domain == VITRINE_ERROR)
    describe_hub (error, &t, &h);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      t = _("The publish was stopped");
      h = _("Nothing is lost: publish again to send what the hub does not have yet.");
    }
  else if (is_network (error))
    {
      t = _("No connection to the hub");
      h = _("Check that this computer is online and that the hub’s address is right, then try again: "
            "what was sent already is kept.");
    }
  else if (error->domain == G_IO_ERROR || error->domain == G_FILE_ERROR)
    describe_disk (error, &t, &h);
  else
    {
      t = _("The publish failed");
      h = _("Try again. If it keeps failing, the message above says more.");
    }

  if (title != NULL)
    *title = g_strdup (t);
  if (hint != NULL)
    *hint = g_strdup (h);
}
