/* vitrine-card-document.c — the model card being edited: its text, the card
 * it started from, its draft and its file
 *
 * The text lives in a GtkSourceBuffer, whose history is the card's undo:
 * every change made for the user (a form edit, a merge, a discarded
 * draft) is one step of it.  Beside the text, the document knows the card
 * the edits started from (the base of a merge) and, once the Hub's card
 * was taken in, which card of which repository that was: saving tells the
 * publisher, so its guard lets the merged card replace the Hub's.
 *
 * Drafts, README.md and the record of a merge are written by the disk
 * writer (vitrine-disk-writer.c), in the order they were asked, never on
 * the main thread: a write that syncs can wait long on a busy disk.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vitrine-card.h"
#include "vitrine-card-document.h"
#include "vitrine-card-drafts.h"
#include "vitrine-card-merge.h"
#include "vitrine-card-record.h"
#include "vitrine-card-rules.h"
#include "vitrine-card-template.h"
#include "vitrine-disk-writer.h"
#include "vitrine-error.h"
#include "vitrine-hash.h"

/* How long typing may pause before the draft is written. */
#define DRAFT_DELAY_MS 400

/* A card on a hub: which repository, and the git object id of its
 * README.md, as the publisher's record keeps it. */
typedef struct
{
  char *endpoint;
  char *repo_id;
  char *oid;
} Origin;

static void
origin_free (Origin *origin)
{
  if (origin == NULL)
    return;
  g_free (origin->endpoint);
  g_free (origin->repo_id);
  g_free (origin->oid);
  g_free (origin);
}

struct _VitrineCardDocument
{
  GObject          parent_instance;

  GtkSourceBuffer *buffer;
  GFile           *folder;
  char            *folder_path;
  char            *readme_path;
  /* README.md as it is on disk, NULL when the folder has none. */
  char            *saved_text;
  /* The card the edits started from: what the Hub had, as far as we know,
   * and, when it came from the Hub, where from. */
  char            *base_text;
  Origin          *base_origin;
  /* Before the last merge (or Use the Hub's): the text and its base, so an
   * Undo back to that text brings that base back too. */
  char            *before_merge_text;
  char            *before_merge_base;
  Origin          *before_merge_origin;
  char            *status;
  guint            draft_id;

  /* Each change of the text counts; a form edit remembers its key and the
   * count it left, to tell whether the next one continues it. */
  guint            changes;
  char            *form_key;
  guint            form_changes;

  /* The hub and repository the card is compared with. */
  char            *endpoint;
  char            *repo_id;
};

G_DEFINE_FINAL_TYPE (VitrineCardDocument, vitrine_card_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_status (VitrineCardDocument *self,
            const char          *status)
{
  if (g_strcmp0 (self->status, status) == 0)
    return;
  g_free (self->status);
  self->status = g_strdup (status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
vitrine_card_document_get_status (VitrineCardDocument *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_DOCUMENT (self), NULL);
  return self->status;
}

GtkSourceBuffer *
vitrine_card_document_get_buffer (VitrineCardDocument *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_DOCUMENT (self), NULL);
  return self->buffer;
}

GFile *
vitrine_card_document_get_folder (VitrineCardDocument *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_DOCUMENT (self), NULL);
  return self->folder;
}

/* ---- Text ------------------------------------------------------------- */

char *
vitrine_card_document_get_text (VitrineCardDocument *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (VITRINE_IS_CARD_DOCUMENT (self), NULL);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, TRUE);
}

/**
 * vitrine_card_document_replace:
 *
 * Replaces only the part of the text that differs, as one step of undo,
 * so the cursor, the scroll position and the rest of the card stay.
 */
void
vitrine_card_document_replace (VitrineCardDocument *self,
                               const char          *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autofree char *old = vitrine_card_document_get_text (self);
  gsize old_len = strlen (old);
  gsize new_len = strlen (text);
  gsize prefix = 0;
  gsize suffix = 0;
  GtkTextIter start, end;

  if (strcmp (old, text) == 0)
    return;

  while (prefix < old_len && prefix < new_len && old[prefix] == text[prefix])
    prefix++;
  while (prefix > 0 && (old[prefix] & 0xC0) == 0x80)
    prefix--;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         old[old_len - 1 - suffix] == text[new_len - 1 - suffix])
    suffix++;
  while (suffix > 0 && (old[old_len - suffix] & 0xC0) == 0x80)
    suffix--;

  /* The change always deletes and inserts at least one character (one
   * the two texts share), so the buffer's history keeps it as a group of
   * its own: never joined to the typing before it, undone in one step. */
  if (prefix > 0)
    prefix = g_utf8_prev_char (old + prefix) - old;
  else if (suffix > 0)
    suffix = old + old_len - g_utf8_next_char (old + old_len - suffix);

  gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_strlen (old, prefix));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_strlen (old, old_len - suffix));
  /* A step that Redo brought back stays open to what comes next (GTK
   * 4.8): an empty user action closes it first. */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text + prefix, new_len - suffix - prefix);
  gtk_text_buffer_end_user_action (buffer);
}

/* Sets the text as a new start: nothing to undo before it. */
static void
set_text_irreversibly (VitrineCardDocument *self,
                       const char          *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start;

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_buffer_set_modified (buffer, FALSE);
}

/**
 * vitrine_card_document_set_key:
 * @value: (nullable): the key's new value; %NULL removes the key
 *
 * Writes one key of the front matter as the form changed it, rewriting
 * only what changed.  Changes of the same key that follow one another
 * with nothing else in between (a tag typed letter by letter) are one
 * edit: one step that Undo takes back.
 */
gboolean
vitrine_card_document_set_key (VitrineCardDocument  *self,
                               const char           *key,
                               JsonNode             *value,
                               GError              **error)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autoptr(VitrineCard) card = NULL;
  g_autofree char *text = NULL;
  g_autofree char *new_text = NULL;
  gboolean ok;

  g_return_val_if_fail (VITRINE_IS_CARD_DOCUMENT (self), FALSE);

  /* The edit goes on: its last step is taken back, and made again with
   * the value as it is now. */
  if (self->form_key != NULL && g_str_equal (self->form_key, key) &&
      self->form_changes == self->changes && gtk_text_buffer_get_can_undo (buffer))
    gtk_text_buffer_undo (buffer);
  g_clear_pointer (&self->form_key, g_free);

  text = vitrine_card_document_get_text (self);
  card = vitrine_card_new_from_text (text, -1, error);
  if (card == NULL)
    return FALSE;
  if (value != NULL)
    ok = vitrine_card_set (card, key, value, error);
  else
    ok = vitrine_card_remove (card, key, error);
  if (!ok)
    return FALSE;
  new_text = vitrine_card_to_text (card);
  if (strcmp (new_text, text) == 0)
    return TRUE;
  vitrine_card_document_replace (self, new_text);
  self->form_key = g_strdup (key);
  self->form_changes = self->changes;
  return TRUE;
}

/* ---- The card it started from ---------------------------------------- */

/* The base of the text as it is now (see before_merge_text). */
static const char *
current_base (VitrineCardDocument *self)
{
  if (self->before_merge_text != NULL)
    {
      g_autofree char *text = vitrine_card_document_get_text (self);

      if (strcmp (text, self->before_merge_text) == 0)
        {
          g_free (self->base_text);
          self->base_text = g_steal_pointer (&self->before_merge_base);
          g_clear_pointer (&self->base_origin, origin_free);
          self->base_origin = g_steal_pointer (&self->before_merge_origin);
          g_clear_pointer (&self->before_merge_text, g_free);
        }
    }
  return self->base_text;
}

/**
 * vitrine_card_document_get_base_text:
 *
 * The card the edits started from: README.md as it was when the folder was
 * opened, or the Hub's card once it was compared and settled.
 *
 * Returns: (nullable): the text, %NULL when there was no card
 */
const char *
vitrine_card_document_get_base_text (VitrineCardDocument *self)
{
  g_return_val_if_fail (VITRINE_IS_CARD_DOCUMENT (self), NULL);
  return current_base (self);
}

static void
forget_merge (VitrineCardDocument *self)
{
  g_clear_pointer (&self->before_merge_text, g_free);
  g_clear_pointer (&self->before_merge_base, g_free);
  g_clear_pointer (&self->before_merge_origin, origin_free);
}

/* Where the Hub's card @theirs came from: the repository compared with. */
static Origin *
hub_origin (VitrineCardDocument *self,
            const char          *theirs)
{
  Origin *origin;

  if (self->endpoint == NULL || self->repo_id == NULL)
    return NULL;
  origin = g_new0 (Origin, 1);
  origin->endpoint = g_strdup (self->endpoint);
  origin->repo_id = g_strdup (self->repo_id);
  origin->oid = vitrine_git_blob_sha1 (theirs, strlen (theirs));
  return origin;
}

/* The Hub's card is now part of this one; @before is the text it was
 * taken into. */
static void
set_base_from_hub (VitrineCardDocument *self,
                   const char          *before,
                   const char          *theirs)
{
  forget_merge (self);
  self->before_merge_text = g_strdup (before);
  self->before_merge_base = g_steal_pointer (&self->base_text);
  self->before_merge_origin = g_steal_pointer (&self->base_origin);
  self->base_text = g_strdup (theirs);
  self->base_origin = hub_origin (self, theirs);
}

/* ---- Drafts ----------------------------------------------------------- */

/* What the disk writer does for a document that may be gone by then. */
typedef struct
{
  char             *folder;
  VitrineCardDraft *draft;   /* NULL: remove the folder's draft */
} DraftJob;

static void
draft_job_free (DraftJob *job)
{
  g_free (job->folder);
  g_clear_pointer (&job->draft, vitrine_card_draft_free);
  g_free (job);
}

static gboolean
draft_job_run (gpointer   data,
               GError   **error)
{
  DraftJob *job = data;

  if (job->draft == NULL)
    return vitrine_card_draft_delete (job->folder, error);
  return vitrine_card_draft_write (job->folder, job->draft, error);
}

static GWeakRef *
weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

/* Returns: (transfer full) (nullable): the object, if it is still there */
static gpointer
weak_ref_take (GWeakRef *ref)
{
  gpointer object = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  return object;
}

static void
draft_deleted_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!vitrine_disk_writer_run_finish (result, &error))
    g_warning ("%s", error->message);
}

static void
delete_draft (VitrineCardDocument *self)
{
  DraftJob *job;

  if (self->folder_path == NULL)
    return;
  job = g_new0 (DraftJob, 1);
  job->folder = g_strdup (self->folder_path);
  vitrine_disk_writer_run_async (draft_job_run, job, (GDestroyNotify) draft_job_free, draft_deleted_cb, NULL);
}

static void
draft_written_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VitrineCardDocument) self = weak_ref_take (user_data);
  g_autoptr(GError) error = NULL;

  if (!vitrine_disk_writer_run_finish (result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Your changes could not be kept as a draft: %s"),
                                                  error->message);

      if (self != NULL)
        set_status (self, message);
      else
        g_warning ("%s", message);
    }
  else if (self != NULL && self->buffer != NULL && gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->buffer)))
    set_status (self, _("Draft kept. Save to write README.md."));
}

static void
write_draft (VitrineCardDocument *self)
{
  DraftJob *job;
  g_autofree char *text = NULL;

  if (self->folder_path == NULL)
    return;

  /* Nothing differs from the file: nothing to keep. */
  text = vitrine_card_document_get_text (self);
  if (self->saved_text != NULL && strcmp (text, self->saved_text) == 0)
    {
      delete_draft (self);
      return;
    }

  job = g_new0 (DraftJob, 1);
  job->folder = g_strdup (self->folder_path);
  job->draft = vitrine_card_draft_new ();
  job->draft->text = g_steal_pointer (&text);
  job->draft->base = g_strdup (current_base (self));
  if (self->base_origin != NULL)
    {
      job->draft->base_endpoint = g_strdup (self->base_origin->endpoint);
      job->draft->base_repo_id = g_strdup (self->base_origin->repo_id);
      job->draft->base_oid = g_strdup (self->base_origin->oid);
    }
  vitrine_disk_writer_run_async (draft_job_run, job, (GDestroyNotify) draft_job_free, draft_written_cb,
                                 weak_ref_new (self));
}

static gboolean
save_draft_cb (gpointer data)
{
  VitrineCardDocument *self = data;

  self->draft_id = 0;
  write_draft (self);
  return G_SOURCE_REMOVE;
}

/**
 * vitrine_card_document_keep_draft:
 *
 * Writes the draft now if typing left one pending.
 */
void
vitrine_card_document_keep_draft (VitrineCardDocument *self)
{
  g_return_if_fail (VITRINE_IS_CARD_DOCUMENT (self));

  if (self->draft_id != 0)
    {
      g_clear_handle_id (&self->draft_id, g_source_remove);
      save_draft_cb (self);
    }
}

/**
 * vitrine_card_document_discard_draft:
 *
 * Goes back to README.md (or the new card) as one step that Undo takes
 * back, so the draft can still come back.
 */
gboolean
vitrine_card_document_discard_draft (VitrineCardDocument  *self,
                                     GError              **error)
{
  g_autofree char *original = NULL;

  g_return_val_if_fail (VITRINE_IS_CARD_DOCUMENT (self), FALSE);

  if (self->folder_path == NULL)
    return TRUE;
  original = self->saved_text != NULL ? g_strdup (self->saved_text)
                                      : vitrine_card_template (self->folder_path, NULL, NULL, error);
  if (original == NULL)
    return FALSE;
  vitrine_card_document_replace (self, original);
  g_free (self->base_text);
  self->base_text = g_strdup (self->saved_text);
  g_clear_pointer (&self->base_origin, origin_free);
  forget_merge (self);
  g_clear_handle_id (&self->draft_id, g_source_remove);
  delete_draft (self);
  set_status (self, _("Restored changes discarded. Undo brings them back."));
  return TRUE;
}

static void
on_changed_cb (VitrineCardDocument *self)
{
  self->changes++;
  if (self->folder == NULL)
    return;
  g_clear_handle_id (&self->draft_id, g_source_remove);
  self->draft_id = g_timeout_add (DRAFT_DELAY_MS, save_draft_cb, self);
  set_status (self, _("Edited"));
}

/* ---- Loading and saving ----------------------------------------------- */

/**
 * vitrine_card_document_load_folder:
 * @restored: (out) (optional) (nullable): a sentence saying that a draft
 *   was restored, %NULL when none was
 *
 * Opens the folder's README.md, or a new card made from what the folder
 * holds.  A draft left from an earlier session (or a crash) is restored.
 */
gboolean
vitrine_card_document_load_folder (VitrineCardDocument  *self,
                                   GFile                *folder,
                                   char                **restored,
                                   GError              **error)
{
  g_autofree char *path = NULL;
  g_autofree char *readme = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *initial = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(VitrineCardDraft) draft = NULL;
  gsize len = 0;

  g_return_val_if_fail (VITRINE_IS_CARD_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  if (restored != NULL)
    *restored = NULL;
  path = g_file_get_path (folder);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” is not a folder on this computer."), g_file_peek_path (folder) ? g_file_peek_path (folder) : "?");
      return FALSE;
    }

  readme = g_build_filename (path, "README.md", NULL);
  if (g_file_get_contents (readme, &contents, &len, &read_error))
    {
      if (len > VITRINE_CARD_MAX_SIZE)
        {
          g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_TOO_LARGE,
                       _("README.md is larger than 4 MB: Vitrine will not open it as a model card."));
          return FALSE;
        }
      if (!g_utf8_validate_len (contents, len, NULL) || memchr (contents, '\0', len) != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("README.md is not UTF-8 text. Save it as UTF-8, then open the folder again."));
          return FALSE;
        }
      initial = g_strdup (contents);
    }
  else if (g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_clear_pointer (&contents, g_free);
      initial = vitrine_card_template (path, NULL, NULL, error);
      if (initial == NULL)
        return FALSE;
    }
  else
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }

  vitrine_card_document_keep_draft (self);
  g_set_object (&self->folder, folder);
  g_free (self->folder_path);
  self->folder_path = g_strdup (path);
  g_free (self->readme_path);
  self->readme_path = g_steal_pointer (&readme);
  g_free (self->saved_text);
  self->saved_text = g_steal_pointer (&contents);
  g_free (self->base_text);
  self->base_text = g_strdup (self->saved_text);
  g_clear_pointer (&self->base_origin, origin_free);
  forget_merge (self);

  draft = vitrine_card_draft_read (path, NULL);
  if (draft != NULL && strcmp (draft->text, initial) != 0)
    {
      g_autoptr(GDateTime) local = draft->saved != NULL ? g_date_time_to_local (draft->saved) : NULL;
      g_autofree char *time = local != NULL ? g_date_time_format (local, "%x %X") : NULL;

      if (restored != NULL && time != NULL)
        /* Translators: %s is a date and time. */
        *restored = g_strdup_printf (_("Vitrine restored changes you had not saved (last kept %s)."), time);
      else if (restored != NULL)
        *restored = g_strdup (_("Vitrine restored changes you had not saved."));
      g_free (self->base_text);
      self->base_text = g_steal_pointer (&draft->base);
      if (self->base_text != NULL && draft->base_oid != NULL)
        {
          self->base_origin = g_new0 (Origin, 1);
          self->base_origin->endpoint = g_steal_pointer (&draft->base_endpoint);
          self->base_origin->repo_id = g_steal_pointer (&draft->base_repo_id);
          self->base_origin->oid = g_steal_pointer (&draft->base_oid);
        }
      set_text_irreversibly (self, draft->text);
      gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), TRUE);
      set_status (self, _("Restored from a draft. Save to write README.md."));
    }
  else
    {
      set_text_irreversibly (self, initial);
      if (self->saved_text != NULL)
        {
          g_autofree char *name = g_file_get_basename (folder);
          g_autofree char *where = g_build_filename (name, "README.md", NULL);

          set_status (self, where);
        }
      else
        set_status (self, _("A new card, made from what the folder holds. Save to write README.md."));
    }

  /* Setting the text scheduled a draft: there is nothing new to keep. */
  g_clear_handle_id (&self->draft_id, g_source_remove);
  g_clear_pointer (&self->form_key, g_free);
  return TRUE;
}

typedef struct
{
  char *path;
  char *text;
} ReadmeJob;

static void
readme_job_free (ReadmeJob *job)
{
  g_free (job->path);
  g_free (job->text);
  g_free (job);
}

static gboolean
readme_job_run (gpointer   data,
                GError   **error)
{
  ReadmeJob *job = data;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (job->path, job->text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save README.md: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char    *endpoint;
  char    *repo_id;
  char    *oid;
} RecordJob;

static void
record_job_free (RecordJob *job)
{
  g_free (job->endpoint);
  g_free (job->repo_id);
  g_free (job->oid);
  g_free (job);
}

static gboolean
record_job_run (gpointer   data,
                GError   **error)
{
  RecordJob *job = data;

  return vitrine_card_record_write (NULL, job->endpoint, VITRINE_REPO_TYPE_MODEL, job->repo_id, "main",
                                    job->oid, error);
}

static void
record_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!vitrine_disk_writer_run_finish (result, &error))
    g_warning ("Could not record the Hub's card as merged: %s", error->message);
}

typedef struct
{
  char      *text;      /* what is being written */
  guint      changes;   /* the document's changes when it was asked */
  RecordJob *record;    /* the Hub's card it took in, to record once written */
  char      *origin_oid;
} SaveState;

static void
save_state_free (SaveState *state)
{
  g_free (state->text);
  g_clear_pointer (&state->record, record_job_free);
  g_free (state->origin_oid);
  g_free (state);
}

static void
readme_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VitrineCardDocument *self = g_task_get_source_object (task);
  SaveState *state = g_task_get_task_data (task);
  GError *error = NULL;

  if (!vitrine_disk_writer_run_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The card on the repository's main branch, the one compared with, is
   * in this one now: publishing it replaces nothing the user has not
   * seen.  Recorded once; after that the publisher keeps the record. */
  if (state->record != NULL)
    vitrine_disk_writer_run_async (record_job_run, g_steal_pointer (&state->record),
                                   (GDestroyNotify) record_job_free, record_written_cb, NULL);
  /* A document closed meanwhile has nothing more to know. */
  if (self->buffer != NULL)
    {
      g_free (self->saved_text);
      self->saved_text = g_strdup (state->text);
      /* Typed meanwhile: the buffer still differs from the file, and its
       * draft (written after this) is the one to keep. */
      if (self->changes == state->changes)
        {
          gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), FALSE);
          delete_draft (self);
        }
      if (state->origin_oid != NULL && self->base_origin != NULL &&
          g_strcmp0 (self->base_origin->oid, state->origin_oid) == 0)
        g_clear_pointer (&self->base_origin, origin_free);
      forget_merge (self);
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * vitrine_card_document_save_async:
 *
 * Writes the card to README.md in the folder (replacing it whole, never
 * half-written) and drops the draft, off the main thread.  When the card
 * took in the Hub's card, the publisher then knows the user has seen that
 * card, and lets this one replace it.
 */
void
vitrine_card_document_save_async (VitrineCardDocument *self,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveState *state;
  ReadmeJob *job;

  g_return_if_fail (VITRINE_IS_CARD_DOCUMENT (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, vitrine_card_document_save_async);
  if (self->readme_path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No folder is open."));
      return;
    }

  state = g_new0 (SaveState, 1);
  state->text = vitrine_card_document_get_text (self);
  state->changes = self->changes;
  current_base (self);
  if (self->base_origin != NULL)
    {
      state->origin_oid = g_strdup (self->base_origin->oid);
      state->record = g_new0 (RecordJob, 1);
      state->record->endpoint = g_strdup (self->base_origin->endpoint);
      state->record->repo_id = g_strdup (self->base_origin->repo_id);
      state->record->oid = g_strdup (self->base_origin->oid);
    }
  g_task_set_task_data (task, state, (GDestroyNotify) save_state_free);
  job = g_new0 (ReadmeJob, 1);
  job->path = g_strdup (self->readme_path);
  job->text = g_strdup (state->text);
  /* A draft due now would be removed again at once. */
  g_clear_handle_id (&self->draft_id, g_source_remove);
  vitrine_disk_writer_run_async (readme_job_run, job, (GDestroyNotify) readme_job_free, readme_written_cb,
                                 g_steal_pointer (&task));
}

gboolean
vitrine_card_document_save_finish (VitrineCardDocument  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- The Hub's card --------------------------------------------------- */

/**
 * vitrine_card_document_set_hub:
 * @endpoint: (nullable): the hub the card is compared with
 * @repo_id: (nullable): the repository it goes to there
 *
 * Where the Hub's cards given to vitrine_card_document_merge() and the
 * like come from.
 */
void
vitrine_card_document_set_hub (VitrineCardDocument *self,
                               const char          *endpoint,
                               const char          *repo_id)
{
  g_return_if_fail (VITRINE_IS_CARD_DOCUMENT (self));

  g_free (self->endpoint);
  self->endpoint = g_strdup (endpoint);
  g_free (self->repo_id);
  self->repo_id = g_strdup (repo_id);
}

/**
 * vitrine_card_document_merge:
 * @theirs: the card on the Hub now
 * @conflicts: (out) (optional) (element-type utf8): what both sides changed
 *   differently, where this card's version was kept
 *
 * Takes into this card what changed on the Hub since the edits started,
 * key by key and for the body, as one step that Undo takes back.
 */
gboolean
vitrine_card_document_merge (VitrineCardDocument  *self,
                             const char           *theirs,
                             GPtrArray           **conflicts,
                             GError              **error)
{
  g_autofree char *mine = NULL;
  g_autofree char *merged = NULL;

  g_return_val_if_fail (VITRINE_IS_CARD_DOCUMENT (self), FALSE);

  mine = vitrine_card_document_get_text (self);
  merged = vitrine_card_merge (current_base (self), mine, theirs, conflicts, error);
  if (merged == NULL)
    return FALSE;
  vitrine_card_document_replace (self, merged);
  set_base_from_hub (self, mine, theirs);
  return TRUE;
}

/**
 * vitrine_card_document_take_theirs:
 *
 * Replaces this card with the Hub's, as one step that Undo takes back.
 */
void
vitrine_card_document_take_theirs (VitrineCardDocument *self,
                                   const char          *theirs)
{
  g_autofree char *mine = NULL;

  g_return_if_fail (VITRINE_IS_CARD_DOCUMENT (self));

  mine = vitrine_card_document_get_text (self);
  vitrine_card_document_replace (self, theirs);
  set_base_from_hub (self, mine, theirs);
}

/**
 * vitrine_card_document_keep_mine:
 *
 * Records that the Hub's card was seen and this one is meant to replace
 * it (once saved).
 */
void
vitrine_card_document_keep_mine (VitrineCardDocument *self,
                                 const char          *theirs)
{
  g_return_if_fail (VITRINE_IS_CARD_DOCUMENT (self));

  forget_merge (self);
  g_free (self->base_text);
  self->base_text = g_strdup (theirs);
  g_clear_pointer (&self->base_origin, origin_free);
  self->base_origin = hub_origin (self, theirs);
  if (self->folder_path != NULL)
    {
      g_clear_handle_id (&self->draft_id, g_source_remove);
      save_draft_cb (self);
    }
}

/* ---- Object ----------------------------------------------------------- */

VitrineCardDocument *
vitrine_card_document_new (void)
{
  return g_object_new (VITRINE_TYPE_CARD_DOCUMENT, NULL);
}

static void
vitrine_card_document_dispose (GObject *object)
{
  VitrineCardDocument *self = VITRINE_CARD_DOCUMENT (object);

  /* Nothing typed is lost: a pending draft is written now. */
  vitrine_card_document_keep_draft (self);
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  g_clear_object (&self->buffer);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (vitrine_card_document_parent_class)->dispose (object);
}

static void
vitrine_card_document_finalize (GObject *object)
{
  VitrineCardDocument *self = VITRINE_CARD_DOCUMENT (object);

  g_free (self->folder_path);
  g_free (self->readme_path);
  g_free (self->saved_text);
  g_free (self->base_text);
  origin_free (self->base_origin);
  forget_merge (self);
  g_free (self->status);
  g_free (self->form_key);
  g_free (self->endpoint);
  g_free (self->repo_id);

  G_OBJECT_CLASS (vitrine_card_document_parent_class)->finalize (object);
}

static void
vitrine_card_document_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VitrineCardDocument *self = VITRINE_CARD_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_card_document_class_init (VitrineCardDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vitrine_card_document_dispose;
  object_class->finalize = vitrine_card_document_finalize;
  object_class->get_property = vitrine_card_document_get_property;

  /**
   * VitrineCardDocument:status:
   *
   * What last happened to the card, in a sentence: edited, kept as a
   * draft, restored.
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_card_document_init (VitrineCardDocument *self)
{
  self->buffer = gtk_source_buffer_new (NULL);
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, FALSE);
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (on_changed_cb), self);
}
