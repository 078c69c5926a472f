/* vitrine-account-store.c — the accounts the user signed in with
 *
 * A list model of VitrineAccount for the account menu and Preferences →
 * Accounts: "This Computer" (the local hub's account, given by the
 * application) always first and never removed, then one account per hub
 * signed in to.  What is kept of them, in `$XDG_CONFIG_HOME/vitrine/
 * accounts.json`, holds no secret: endpoint, kind, user name and which
 * account is the default.  Tokens go only through vitrine-credentials
 * (the keyring, else its 0600 file), always on a worker thread.
 *
 * Signing in asks the hub who the token belongs to before anything is
 * kept; signing out forgets the token wherever it was kept.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vitrine-account-private.h"
#include "vitrine-account-store-private.h"
#include "vitrine-credentials.h"
#include "vitrine-error.h"
#include "vitrine-json.h"

#define FILE_VERSION 1
/* accounts.json larger than this is not read. */
#define MAX_FILE_SIZE (1024 * 1024)


static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VitrineAccountStore, vitrine_account_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_FILE,
  PROP_LOCAL_ACCOUNT,
  PROP_DEFAULT_ACCOUNT,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return VITRINE_TYPE_ACCOUNT;
}

static guint
get_n_items (GListModel *model)
{
  return VITRINE_ACCOUNT_STORE (model)->accounts->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  VitrineAccountStore *self = VITRINE_ACCOUNT_STORE (model);

  if (position >= self->accounts->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->accounts, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
vitrine_account_store_dispose (GObject *object)
{
  VitrineAccountStore *self = VITRINE_ACCOUNT_STORE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->local);
  if (self->accounts != NULL)
    g_ptr_array_set_size (self->accounts, 0);

  G_OBJECT_CLASS (vitrine_account_store_parent_class)->dispose (object);
}

static void
vitrine_account_store_finalize (GObject *object)
{
  VitrineAccountStore *self = VITRINE_ACCOUNT_STORE (object);

  g_free (self->file);
  g_free (self->default_key);
  g_ptr_array_unref (self->accounts);
  g_mutex_clear (&self->write_lock);

  G_OBJECT_CLASS (vitrine_account_store_parent_class)->finalize (object);
}

static void
vitrine_account_store_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VitrineAccountStore *self = VITRINE_ACCOUNT_STORE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_string (value, self->file);
      break;
    case PROP_LOCAL_ACCOUNT:
      g_value_set_object (value, self->local);
      break;
    case PROP_DEFAULT_ACCOUNT:
      g_value_set_object (value, vitrine_account_store_get_default (self));
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->accounts->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_account_store_class_init (VitrineAccountStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = vitrine_account_store_dispose;
  object_class->finalize = vitrine_account_store_finalize;
  object_class->get_property = vitrine_account_store_get_property;

  /* Where the accounts are kept, without their tokens. */
  properties[PROP_FILE] = g_param_spec_string ("file", NULL, NULL, NULL, flags);
  /* "This Computer". */
  properties[PROP_LOCAL_ACCOUNT] = g_param_spec_object ("local-account", NULL, NULL, VITRINE_TYPE_ACCOUNT, flags);
  /* The account a publish goes to unless the user chooses another. */
  properties[PROP_DEFAULT_ACCOUNT] =
    g_param_spec_object ("default-account", NULL, NULL, VITRINE_TYPE_ACCOUNT, flags);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_account_store_init (VitrineAccountStore *self)
{
  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  g_mutex_init (&self->write_lock);
}

/**
 * vitrine_account_store_new:
 * @config_dir: (nullable): the folder of accounts.json; %NULL for
 *   `vitrine` in the user's configuration folder
 *
 * Returns: (transfer full): an empty store: load it with
 *   vitrine_account_store_load_async()
 */
VitrineAccountStore *
vitrine_account_store_new (const char *config_dir)
{
  VitrineAccountStore *self = g_object_new (VITRINE_TYPE_ACCOUNT_STORE, NULL);
  g_autofree char *dir = config_dir != NULL ? g_strdup (config_dir)
                                            : g_build_filename (g_get_user_config_dir (), "vitrine", NULL);

  self->file = g_build_filename (dir, "accounts.json", NULL);
  return self;
}

const char *
vitrine_account_store_get_file (VitrineAccountStore *self)
{
  g_return_val_if_fail (VITRINE_IS_ACCOUNT_STORE (self), NULL);
  return self->file;
}

char *
_vitrine_account_store_key_of (VitrineAccountStore *self,
        VitrineAccount      *account)
{
  if (account == self->local)
    return g_strdup (LOCAL_DEFAULT);
  return vitrine_credentials_endpoint_key (vitrine_account_get_endpoint (account));
}

void
_vitrine_account_store_update_defaults (VitrineAccountStore *self)
{
  VitrineAccount *current = vitrine_account_store_get_default (self);

  for (guint i = 0; i < self->accounts->len; i++)
    _vitrine_account_set_is_default (g_ptr_array_index (self->accounts, i),
                                     g_ptr_array_index (self->accounts, i) == current);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_ACCOUNT]);
}

void
_vitrine_account_store_items_changed (VitrineAccountStore *self,
               guint                position,
               guint                removed,
               guint                added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * vitrine_account_store_set_local_account:
 * @account: this computer's account, once its hub runs
 *
 * Puts "This Computer" first in the list (in place of an earlier one).
 */
void
vitrine_account_store_set_local_account (VitrineAccountStore *self,
                                         VitrineAccount      *account)
{
  g_return_if_fail (VITRINE_IS_ACCOUNT_STORE (self));
  g_return_if_fail (VITRINE_IS_ACCOUNT (account));

  if (self->local == account)
    return;
  if (self->local != NULL)
    {
      g_ptr_array_index (self->accounts, 0) = g_object_ref (account);
      g_object_unref (self->local);
      g_set_object (&self->local, account);
      _vitrine_account_store_items_changed (self, 0, 1, 1);
    }
  else
    {
      g_set_object (&self->local, account);
      g_ptr_array_insert (self->accounts, 0, g_object_ref (account));
      _vitrine_account_store_items_changed (self, 0, 0, 1);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCAL_ACCOUNT]);
  _vitrine_account_store_update_defaults (self);
}

/**
 * vitrine_account_store_get_local_account:
 *
 * Returns: (transfer none) (nullable): "This Computer"
 */
VitrineAccount *
vitrine_account_store_get_local_account (VitrineAccountStore *self)
{
  g_return_val_if_fail (VITRINE_IS_ACCOUNT_STORE (self), NULL);
  return self->local;
}

int
_vitrine_account_store_find_index (VitrineAccountStore *self,
            const char          *key)
{
  for (guint i = 0; i < self->accounts->len; i++)
    {
      VitrineAccount *account = g_ptr_array_index (self->accounts, i);
      g_autofree char *other = NULL;

      if (account == self->local)
        continue;
      other = _vitrine_account_store_key_of (self, account);
      if (g_strcmp0 (other, key) == 0)
        return i;
    }
  return -1;
}

/**
 * vitrine_account_store_find:
 * @endpoint: a hub's address
 *
 * Returns: (transfer none) (nullable): the account on that hub: "This
 *   Computer" for the local hub's address, else the one signed in there
 */
VitrineAccount *
vitrine_account_store_find (VitrineAccountStore *self,
                            const char          *endpoint)
{
  g_autofree char *key = NULL;
  int i;

  g_return_val_if_fail (VITRINE_IS_ACCOUNT_STORE (self), NULL);

  key = vitrine_credentials_endpoint_key (endpoint);
  if (key == NULL)
    return NULL;
  i = _vitrine_account_store_find_index (self, key);
  if (i >= 0)
    return g_ptr_array_index (self->accounts, i);
  if (self->local != NULL)
    {
      g_autofree char *local = vitrine_credentials_endpoint_key (vitrine_account_get_endpoint (self->local));

      if (g_strcmp0 (local, key) == 0)
        return self->local;
    }
  return NULL;
}

/**
 * vitrine_account_store_get_default:
 *
 * Returns: (transfer none) (nullable): the account chosen as the default,
 *   else "This Computer"
 */
VitrineAccount *
vitrine_account_store_get_default (VitrineAccountStore *self)
{
  int i;

  g_return_val_if_fail (VITRINE_IS_ACCOUNT_STORE (self), NULL);

  if (self->default_key != NULL && !g_str_equal (self->default_key, LOCAL_DEFAULT))
    {
      i = _vitrine_account_store_find_index (self, self->default_key);
      if (i >= 0)
        return g_ptr_array_index (self->accounts, i);
    }
  return self->local;
}

/* ---- The file ---------------------------------------------------------- */

typedef struct
{
  guint64  generation;
  char    *path;
  char    *data;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_free (snapshot->path);
  g_free (snapshot->data);
  g_free (snapshot);
}

/* What is kept of the accounts: never a token. */
static Snapshot *
take_snapshot (VitrineAccountStore *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FILE_VERSION);
  json_builder_set_member_name (builder, "default");
  if (self->default_key != NULL)
    json_builder_add_string_value (builder, self->default_key);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->accounts->len; i++)
    {
      VitrineAccount *account = g_ptr_array_index (self->accounts, i);
      GEnumClass *kinds = g_type_class_peek (VITRINE_TYPE_ACCOUNT_KIND);
      GEnumValue *kind = g_enum_get_value (kinds, vitrine_account_get_kind (account));

      if (account == self->local)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "endpoint");
      json_builder_add_string_value (builder, vitrine_account_get_endpoint (account));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kind->value_nick);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, vitrine_account_get_name (account));
      json_builder_set_member_name (builder, "fullname");
      json_builder_add_string_value (builder, vitrine_account_get_fullname (account));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  snapshot->data = json_generator_to_data (generator, NULL);
  snapshot->path = g_strdup (self->file);
  snapshot->generation = ++self->generation;
  return snapshot;
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  VitrineAccountStore *self = source;
  Snapshot *snapshot = task_data;
  g_autofree char *dir = g_path_get_dirname (snapshot->path);
  GError *error = NULL;
  gboolean ok = TRUE;

  g_mutex_lock (&self->write_lock);
  /* A newer snapshot was written already: this one is out of date. */
  if (snapshot->generation > self->written)
    {
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not create the folder %s: %s"), dir, g_strerror (saved));
          ok = FALSE;
        }
      else
        ok = g_file_set_contents_full (snapshot->path, snapshot->data, -1,
                                       G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
      if (ok)
        self->written = snapshot->generation;
    }
  g_mutex_unlock (&self->write_lock);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * vitrine_account_store_save_async:
 *
 * Writes the accounts (never their tokens) as they are now.  Every change
 * through the store saves them already; this waits for it.
 */
void
vitrine_account_store_save_async (VitrineAccountStore *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VITRINE_IS_ACCOUNT_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitrine_account_store_save_async);
  g_task_set_name (task, "vitrine_account_store_save");
  g_task_set_task_data (task, take_snapshot (self), (GDestroyNotify) snapshot_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
vitrine_account_store_save_finish (VitrineAccountStore  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!vitrine_account_store_save_finish (VITRINE_ACCOUNT_STORE (source), result, &error))
    g_warning ("Could not keep the list of accounts: %s", error->message);
}

/* Saves in the background; a failure is only logged. */
static void
save_soon (VitrineAccountStore *self)
{
  vitrine_account_store_save_async (self, NULL, saved_cb, NULL);
}

/**
 * vitrine_account_store_set_default:
 * @account: an account of the store
 *
 * Makes @account the one a publish goes to unless the user chooses
 * another, and keeps that choice.
 */
void
vitrine_account_store_set_default (VitrineAccountStore *self,
                                   VitrineAccount      *account)
{
  g_return_if_fail (VITRINE_IS_ACCOUNT_STORE (self));
  g_return_if_fail (VITRINE_IS_ACCOUNT (account));

  g_free (self->default_key);
  self->default_key = _vitrine_account_store_key_of (self, account);
  _vitrine_account_store_update_defaults (self);
  save_soon (self);
}

/* ---- Loading ----------------------------------------------------------- */

typedef struct
{
  char               *endpoint;
  VitrineAccountKind  kind;
  char               *name;
  char               *fullname;
  char               *token;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_free (loaded->endpoint);
  g_free (loaded->name);
  g_free (loaded->fullname);
  g_free (loaded->token);
  g_free (loaded);
}

typedef struct
{
  char      *default_key;
  GPtrArray *accounts;   /* Loaded */
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_free (result->default_key);
  g_ptr_array_unref (result->accounts);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL;
  gsize len = 0;
  GError *error = NULL;
  LoadResult *result = g_new0 (LoadResult, 1);
  JsonObject *root;
  JsonArray *accounts;
  GEnumClass *kinds = g_type_class_ref (VITRINE_TYPE_ACCOUNT_KIND);

  result->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) loaded_free);
  if (!g_file_get_contents (path, &data, &len, &error))
    {
      g_type_class_unref (kinds);
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_clear_error (&error);
          g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
          return;
        }
      load_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  if (len > MAX_FILE_SIZE || !json_parser_load_from_data (parser, data, len, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      /* Not worth failing the start for: the user signs in again. */
      g_warning ("Ignoring %s: it is not a list of accounts", path);
      g_type_class_unref (kinds);
      g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
      return;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  result->default_key = g_strdup (vitrine_json_string (root, "default"));
  accounts = vitrine_json_array (root, "accounts");
  for (guint i = 0; accounts != NULL && i < json_array_get_length (accounts); i++)
    {
      JsonNode *node = json_array_get_element (accounts, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *endpoint = vitrine_json_string (object, "endpoint");
      GEnumValue *kind = g_enum_get_value_by_nick (kinds, vitrine_json_string (object, "kind") ?: "other");
      Loaded *loaded;

      if (endpoint == NULL || g_cancellable_is_cancelled (cancellable))
        continue;
      loaded = g_new0 (Loaded, 1);
      loaded->endpoint = g_strdup (endpoint);
      loaded->kind = kind != NULL && kind->value != VITRINE_ACCOUNT_KIND_LOCAL ? kind->value
                                                                               : VITRINE_ACCOUNT_KIND_OTHER;
      loaded->name = g_strdup (vitrine_json_string (object, "name"));
      loaded->fullname = g_strdup (vitrine_json_string (object, "fullname"));
      /* The keyring may take its time: this is a worker thread. */
      loaded->token = vitrine_credentials_lookup_stored_token (endpoint);
      g_ptr_array_add (result->accounts, loaded);
    }
  g_type_class_unref (kinds);
  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static void
refreshed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!vitrine_account_refresh_finish (VITRINE_ACCOUNT (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not ask %s who its token belongs to: %s",
             vitrine_account_get_endpoint (VITRINE_ACCOUNT (source)), error->message);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VitrineAccountStore *self = g_task_get_source_object (task);
  GError *error = NULL;
  LoadResult *loaded = g_task_propagate_pointer (G_TASK (result), &error);
  guint first, removed;

  if (loaded == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* What was loaded replaces what the store held, "This Computer" aside. */
  first = self->local != NULL ? 1 : 0;
  removed = self->accounts->len - first;
  g_ptr_array_remove_range (self->accounts, first, removed);
  for (guint i = 0; i < loaded->accounts->len; i++)
    {
      Loaded *l = g_ptr_array_index (loaded->accounts, i);
      g_autoptr(VitrineClient) client = vitrine_client_new (l->endpoint, l->token);
      VitrineAccount *account = vitrine_account_new (l->kind, client, l->name);

      _vitrine_account_set_fullname (account, l->fullname);
      g_ptr_array_add (self->accounts, account);
      if (l->token != NULL)
        vitrine_account_refresh_async (account, self->cancellable, refreshed_cb, NULL);
    }
  g_free (self->default_key);
  self->default_key = g_steal_pointer (&loaded->default_key);
  _vitrine_account_store_items_changed (self, first, removed, loaded->accounts->len);
  _vitrine_account_store_update_defaults (self);
  load_result_free (loaded);
  g_task_return_boolean (task, TRUE);
}

/**
 * vitrine_account_store_load_async:
 *
 * Reads the accounts kept, and their tokens from the keyring or the
 * token file, off the main thread.  Each account then asks its hub who
 * it is, in the background, and its properties change when the answer
 * comes.
 */
void
vitrine_account_store_load_async (VitrineAccountStore *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  g_autoptr(GTask) worker = NULL;

  g_return_if_fail (VITRINE_IS_ACCOUNT_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitrine_account_store_load_async);
  worker = g_task_new (self, cancellable, load_done_cb, task);
  g_task_set_name (worker, "vitrine_account_store_load");
  g_task_set_task_data (worker, g_strdup (self->file), g_free);
  g_task_run_in_thread (worker, load_thread);
}

gboolean
vitrine_account_store_load_finish (VitrineAccountStore  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

