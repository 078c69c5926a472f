/* vitrine-repo-store.c — repositories as bare git repositories
 *
 * One bare repository per repo, DATA/repos/{models,datasets,spaces}/NS/NAME.git,
 * its settings in the repository's own config (section "vitrine").  A repo
 * is built complete in DATA/repos/.tmp and renamed into place, and deleted
 * by a rename out of place first, so a crash never leaves half of one;
 * what a crash left (those, and git's lock files) is cleaned at start.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vitrine-error.h"
#include "vitrine-json.h"
#include "vitrine-lfs-known.h"
#include "vitrine-repo-store-private.h"

/* What new repositories store as large files, as the Hub does. */
static const char default_gitattributes[] =
  "*.7z filter=lfs diff=lfs merge=lfs -text\n"
  "*.arrow filter=lfs diff=lfs merge=lfs -text\n"
  "*.bin filter=lfs diff=lfs merge=lfs -text\n"
  "*.bz2 filter=lfs diff=lfs merge=lfs -text\n"
  "*.ckpt filter=lfs diff=lfs merge=lfs -text\n"
  "*.ftz filter=lfs diff=lfs merge=lfs -text\n"
  "*.gguf filter=lfs diff=lfs merge=lfs -text\n"
  "*.gz filter=lfs diff=lfs merge=lfs -text\n"
  "*.h5 filter=lfs diff=lfs merge=lfs -text\n"
  "*.joblib filter=lfs diff=lfs merge=lfs -text\n"
  "*.lfs.* filter=lfs diff=lfs merge=lfs -text\n"
  "*.mlmodel filter=lfs diff=lfs merge=lfs -text\n"
  "*.model filter=lfs diff=lfs merge=lfs -text\n"
  "*.msgpack filter=lfs diff=lfs merge=lfs -text\n"
  "*.npy filter=lfs diff=lfs merge=lfs -text\n"
  "*.npz filter=lfs diff=lfs merge=lfs -text\n"
  "*.onnx filter=lfs diff=lfs merge=lfs -text\n"
  "*.ot filter=lfs diff=lfs merge=lfs -text\n"
  "*.parquet filter=lfs diff=lfs merge=lfs -text\n"
  "*.pb filter=lfs diff=lfs merge=lfs -text\n"
  "*.pickle filter=lfs diff=lfs merge=lfs -text\n"
  "*.pkl filter=lfs diff=lfs merge=lfs -text\n"
  "*.pt filter=lfs diff=lfs merge=lfs -text\n"
  "*.pth filter=lfs diff=lfs merge=lfs -text\n"
  "*.rar filter=lfs diff=lfs merge=lfs -text\n"
  "*.safetensors filter=lfs diff=lfs merge=lfs -text\n"
  "saved_model/**/* filter=lfs diff=lfs merge=lfs -text\n"
  "*.tar.* filter=lfs diff=lfs merge=lfs -text\n"
  "*.tar filter=lfs diff=lfs merge=lfs -text\n"
  "*.tflite filter=lfs diff=lfs merge=lfs -text\n"
  "*.tgz filter=lfs diff=lfs merge=lfs -text\n"
  "*.wasm filter=lfs diff=lfs merge=lfs -text\n"
  "*.xz filter=lfs diff=lfs merge=lfs -text\n"
  "*.zip filter=lfs diff=lfs merge=lfs -text\n"
  "*.zst filter=lfs diff=lfs merge=lfs -text\n"
  "*tfevents* filter=lfs diff=lfs merge=lfs -text\n";

void
vitrine_store_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      git_libgit2_init ();
      if ((git_libgit2_features () & GIT_FEATURE_THREADS) == 0)
        g_error ("libgit2 was built without thread support");
      /* Objects are verified by their hashes as they are written.  They
       * are not synced one by one: a commit syncs them all at once, before
       * its branch moves (see sync_objects). */
      git_libgit2_opts (GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 1);
      /* Read back, an object is trusted as git trusts its own store: it
       * was verified when it came in (our writes above, git's index-pack
       * for a push).  Hashing every object again on each read made
       * walking a long history a third slower. */
      git_libgit2_opts (GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
      /* The store is the hub's alone: the user's and the system's git
       * configuration neither change it nor cost it their reading on every
       * open. */
      git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM, "");
      git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_XDG, "");
      git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL, "");
      git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_PROGRAMDATA, "");
      /* Repositories are kept open between requests (see
       * vitrine_store_open_git()); what they cache of their objects stays
       * small, whatever the number of them. */
      git_libgit2_opts (GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t) (16 * 1024 * 1024));
      g_once_init_leave (&initialized, 1);
    }
}

void
vitrine_repo_meta_free (VitrineRepoMeta *meta)
{
  if (meta == NULL)
    return;
  g_free (meta->ns);
  g_free (meta->name);
  g_free (meta->git_dir);
  g_free (meta->id);
  g_free (meta->created_at);
  g_free (meta->gated);
  g_free (meta->sdk);
  g_free (meta);
}

/* Turns libgit2's last error into a GError; always returns FALSE. */
gboolean
vitrine_store_set_git_error (GError **error)
{
  const git_error *e = git_error_last ();

  g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_SERVER,
               _("The repository store failed: %s"),
               e != NULL && e->message != NULL ? e->message : _("unknown error"));
  return FALSE;
}

static const char *
type_dir (VitrineRepoType type)
{
  switch (type)
    {
    case VITRINE_REPO_TYPE_DATASET:
      return "datasets";
    case VITRINE_REPO_TYPE_SPACE:
      return "spaces";
    case VITRINE_REPO_TYPE_MODEL:
    default:
      return "models";
    }
}

static char *
repo_git_dir (const char      *data_dir,
              VitrineRepoType  type,
              const char      *ns,
              const char      *name)
{
  g_autofree char *leaf = g_strconcat (name, ".git", NULL);

  return g_build_filename (data_dir, "repos", type_dir (type), ns, leaf, NULL);
}

char *
vitrine_lfs_object_path (const char *lfs_objects_dir,
                         const char *oid)
{
  char a[3] = { oid[0], oid[1], 0 };
  char b[3] = { oid[2], oid[3], 0 };

  return g_build_filename (lfs_objects_dir, a, b, oid, NULL);
}

static char *
config_string (git_config *config,
               const char *key)
{
  git_buf buf = GIT_BUF_INIT;
  char *value = NULL;

  if (git_config_get_string_buf (&buf, config, key) == 0)
    value = g_strdup (buf.ptr);
  git_buf_dispose (&buf);
  return value;
}

VitrineRepoMeta *
vitrine_store_lookup (const char      *data_dir,
                      VitrineRepoType  type,
                      const char      *ns,
                      const char      *name)
{
  g_autofree char *git_dir = NULL;
  g_autofree char *config_path = NULL;
  g_autoptr(git_config) config = NULL;
  VitrineRepoMeta *meta;
  int private_ = 0;

  if (!vitrine_repo_name_check (ns, NULL) || !vitrine_repo_name_check (name, NULL))
    return NULL;

  git_dir = repo_git_dir (data_dir, type, ns, name);
  config_path = g_build_filename (git_dir, "config", NULL);
  if (!g_file_test (config_path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  if (git_config_open_ondisk (&config, config_path) != 0)
    return NULL;

  meta = g_new0 (VitrineRepoMeta, 1);
  meta->type = type;
  meta->ns = g_strdup (ns);
  meta->name = g_strdup (name);
  meta->git_dir = g_steal_pointer (&git_dir);
  meta->id = config_string (config, "vitrine.id");
  meta->created_at = config_string (config, "vitrine.createdat");
  meta->gated = config_string (config, "vitrine.gated");
  meta->sdk = config_string (config, "vitrine.sdk");
  if (git_config_get_bool (&private_, config, "vitrine.private") != 0)
    private_ = 0;
  meta->private_ = private_ != 0;
  if (meta->gated == NULL)
    meta->gated = g_strdup ("false");
  return meta;
}

/**
 * vitrine_store_lookup_redirect:
 *
 * Returns: (nullable): the id a moved repository now has
 */
char *
vitrine_store_lookup_redirect (const char      *data_dir,
                               VitrineRepoType  type,
                               const char      *ns,
                               const char      *name)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;

  if (!vitrine_repo_name_check (ns, NULL) || !vitrine_repo_name_check (name, NULL))
    return NULL;
  path = g_build_filename (data_dir, "redirects", type_dir (type), ns, name, NULL);
  if (!g_file_get_contents (path, &target, NULL, NULL))
    return NULL;
  g_strstrip (target);
  if (!vitrine_repo_id_parse (target, NULL, NULL, NULL))
    return NULL;
  return g_steal_pointer (&target);
}

static gint
compare_meta (gconstpointer a,
              gconstpointer b)
{
  const VitrineRepoMeta *ma = *(const VitrineRepoMeta **) a;
  const VitrineRepoMeta *mb = *(const VitrineRepoMeta **) b;
  int c = g_strcmp0 (ma->ns, mb->ns);

  return c != 0 ? c : g_strcmp0 (ma->name, mb->name);
}

GPtrArray *
vitrine_store_list (const char      *data_dir,
                    VitrineRepoType  type)
{
  GPtrArray *repos = g_ptr_array_new_with_free_func ((GDestroyNotify) vitrine_repo_meta_free);
  g_autofree char *root = g_build_filename (data_dir, "repos", type_dir (type), NULL);
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  const char *ns;

  while (dir != NULL && (ns = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *ns_path = g_build_filename (root, ns, NULL);
      g_autoptr(GDir) ns_dir = g_dir_open (ns_path, 0, NULL);
      const char *leaf;

      while (ns_dir != NULL && (leaf = g_dir_read_name (ns_dir)) != NULL)
        {
          g_autofree char *name = NULL;
          VitrineRepoMeta *meta;

          if (!g_str_has_suffix (leaf, ".git"))
            continue;
          name = g_strndup (leaf, strlen (leaf) - 4);
          meta = vitrine_store_lookup (data_dir, type, ns, name);
          if (meta != NULL)
            g_ptr_array_add (repos, meta);
        }
    }
  g_ptr_array_sort (repos, compare_meta);
  return repos;
}

gboolean
_vitrine_store_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return TRUE;
  if (!S_ISDIR (st.st_mode))
    return g_unlink (path) == 0;

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      _vitrine_store_rm_rf (child);
    }
  return g_rmdir (path) == 0;
}

git_signature *
_vitrine_store_signature (const char *author)
{
  git_signature *sig = NULL;
  g_autofree char *email = g_strdup_printf ("%s@users.noreply.localhost", author);

  if (git_signature_now (&sig, author, email) != 0)
    git_signature_now (&sig, "vitrine-hub", "hub@localhost");
  return sig;
}

gboolean
_vitrine_store_add_blob (git_repository *repo,
                         git_index      *index,
                         const char     *path,
                         const void     *data,
                         gsize           len,
                         GError        **error)
{
  git_index_entry entry = { 0 };

  if (git_blob_create_from_buffer (&entry.id, repo, data, len) != 0)
    return vitrine_store_set_git_error (error);
  entry.mode = GIT_FILEMODE_BLOB;
  entry.path = path;
  entry.file_size = (uint32_t) MIN (len, G_MAXUINT32);
  if (git_index_add (index, &entry) != 0)
    return vitrine_store_set_git_error (error);
  return TRUE;
}

gboolean
vitrine_store_create (const char      *data_dir,
                      VitrineRepoType  type,
                      const char      *ns,
                      const char      *name,
                      gboolean         private_,
                      const char      *sdk,
                      const char      *author,
                      GError         **error)
{
  g_autofree char *final_dir = repo_git_dir (data_dir, type, ns, name);
  g_autofree char *parent = g_path_get_dirname (final_dir);
  g_autofree char *tmp_root = g_build_filename (data_dir, "repos", ".tmp", NULL);
  g_autofree char *tmp_dir = NULL;
  g_autofree char *tmp_git = NULL;
  g_autofree char *created = vitrine_format_date (g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *id = NULL;
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_config) config = NULL;
  g_autoptr(git_index) index = NULL;
  g_autoptr(git_signature) sig = NULL;
  g_autoptr(git_tree) tree = NULL;
  git_repository_init_options opts = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  git_oid tree_id, commit_id;
  gboolean ok = FALSE;

  vitrine_store_init ();

  if (g_mkdir_with_parents (tmp_root, 0700) != 0 || g_mkdir_with_parents (parent, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the repository: %s"), g_strerror (errsv));
      return FALSE;
    }
  if (g_file_test (final_dir, G_FILE_TEST_EXISTS))
    goto exists;

  tmp_dir = g_build_filename (tmp_root, "create-XXXXXX", NULL);
  if (g_mkdtemp_full (tmp_dir, 0700) == NULL)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the repository: %s"), g_strerror (errsv));
      return FALSE;
    }
  tmp_git = g_build_filename (tmp_dir, "repo.git", NULL);

  opts.flags = GIT_REPOSITORY_INIT_BARE | GIT_REPOSITORY_INIT_MKPATH;
  opts.initial_head = "main";
  if (git_repository_init_ext (&repo, tmp_git, &opts) != 0 ||
      git_repository_config (&config, repo) != 0)
    {
      vitrine_store_set_git_error (error);
      goto out;
    }

  id = g_compute_checksum_for_string (G_CHECKSUM_SHA1, tmp_dir, -1);
  id[24] = '\0';
  if (git_config_set_string (config, "vitrine.id", id) != 0 ||
      git_config_set_string (config, "vitrine.createdat", created) != 0 ||
      git_config_set_bool (config, "vitrine.private", private_) != 0 ||
      git_config_set_string (config, "vitrine.gated", "false") != 0 ||
      (sdk != NULL && git_config_set_string (config, "vitrine.sdk", sdk) != 0))
    {
      vitrine_store_set_git_error (error);
      goto out;
    }

  /* The first commit holds .gitattributes, and a README for Spaces. */
  if (git_index_new (&index) != 0)
    {
      vitrine_store_set_git_error (error);
      goto out;
    }
  if (!_vitrine_store_add_blob (repo, index, ".gitattributes", default_gitattributes,
                 strlen (default_gitattributes), error))
    goto out;
  if (type == VITRINE_REPO_TYPE_SPACE)
    {
      g_autofree char *readme =
        g_strdup_printf ("---\ntitle: %s\nemoji: 🚀\ncolorFrom: blue\ncolorTo: indigo\nsdk: %s\npinned: false\n---\n\n",
                         name, sdk != NULL ? sdk : "static");
      if (!_vitrine_store_add_blob (repo, index, "README.md", readme, strlen (readme), error))
        goto out;
    }
  sig = _vitrine_store_signature (author);
  if (git_index_write_tree_to (&tree_id, index, repo) != 0 ||
      git_tree_lookup (&tree, repo, &tree_id) != 0 ||
      git_commit_create (&commit_id, repo, "refs/heads/main", sig, sig, "UTF-8",
                         "initial commit\n", tree, 0, NULL) != 0)
    {
      vitrine_store_set_git_error (error);
      goto out;
    }

  g_clear_pointer (&repo, git_repository_free);
  g_clear_pointer (&config, git_config_free);
  /* A new repository knows no large file yet (vitrine-lfs-known.c). */
  vitrine_lfs_known_init (tmp_git);

  /* Publish: rename() refuses to replace a repository that exists. */
  if (g_rename (tmp_git, final_dir) != 0)
    {
      if (errno == EEXIST || errno == ENOTEMPTY)
        goto exists;
      {
        int errsv = errno;
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                     _("Could not create the repository: %s"), g_strerror (errsv));
      }
      goto out;
    }
  ok = TRUE;

out:
  if (tmp_dir != NULL)
    _vitrine_store_rm_rf (tmp_dir);
  return ok;

exists:
  if (tmp_dir != NULL)
    _vitrine_store_rm_rf (tmp_dir);
  g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_CONFLICT,
               _("You already created this %s repo"), vitrine_repo_type_to_string (type));
  return FALSE;
}

gboolean
vitrine_store_delete (const char      *data_dir,
                      VitrineRepoMeta *meta,
                      GError         **error)
{
  g_autofree char *trash_root = g_build_filename (data_dir, "repos", ".trash", NULL);
  g_autofree char *trash = NULL;

  g_mkdir_with_parents (trash_root, 0700);
  trash = g_build_filename (trash_root, "delete-XXXXXX", NULL);
  if (g_mkdtemp_full (trash, 0700) == NULL)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not delete the repository: %s"), g_strerror (errsv));
      return FALSE;
    }

  {
    g_autofree char *target = g_build_filename (trash, "repo.git", NULL);

    if (g_rename (meta->git_dir, target) != 0)
      {
        int errsv = errno;
        g_rmdir (trash);
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                     _("Could not delete the repository: %s"), g_strerror (errsv));
        return FALSE;
      }
  }
  vitrine_store_forget_git (meta->git_dir);
  _vitrine_store_rm_rf (trash);
  return TRUE;
}

gboolean
vitrine_store_move (const char      *data_dir,
                    VitrineRepoMeta *meta,
                    const char      *to_ns,
                    const char      *to_name,
                    GError         **error)
{
  g_autofree char *target = repo_git_dir (data_dir, meta->type, to_ns, to_name);
  g_autofree char *parent = g_path_get_dirname (target);
  g_autofree char *redirect_dir = g_build_filename (data_dir, "redirects", type_dir (meta->type), meta->ns, NULL);
  g_autofree char *redirect = g_build_filename (redirect_dir, meta->name, NULL);
  g_autofree char *new_id = g_strdup_printf ("%s/%s\n", to_ns, to_name);

  if (g_file_test (target, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_CONFLICT,
                   _("A repository named %s/%s already exists."), to_ns, to_name);
      return FALSE;
    }
  g_mkdir_with_parents (parent, 0700);
  if (g_rename (meta->git_dir, target) != 0)
    {
      int errsv = errno;
      if (errsv == EEXIST || errsv == ENOTEMPTY)
        g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_CONFLICT,
                     _("A repository named %s/%s already exists."), to_ns, to_name);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                     _("Could not move the repository: %s"), g_strerror (errsv));
      return FALSE;
    }

  vitrine_store_forget_git (meta->git_dir);
  /* Old URLs keep working: they redirect to the new id. */
  g_mkdir_with_parents (redirect_dir, 0700);
  g_file_set_contents (redirect, new_id, -1, NULL);
  return TRUE;
}

gboolean
vitrine_store_set_settings (VitrineRepoMeta *meta,
                            int              private_,
                            const char      *gated,
                            GError         **error)
{
  g_autofree char *config_path = g_build_filename (meta->git_dir, "config", NULL);
  g_autoptr(git_config) config = NULL;

  if (git_config_open_ondisk (&config, config_path) != 0)
    return vitrine_store_set_git_error (error);
  if (private_ >= 0 && git_config_set_bool (config, "vitrine.private", private_) != 0)
    return vitrine_store_set_git_error (error);
  if (gated != NULL && git_config_set_string (config, "vitrine.gated", gated) != 0)
    return vitrine_store_set_git_error (error);
  if (private_ >= 0)
    meta->private_ = private_;
  if (gated != NULL)
    {
      g_free (meta->gated);
      meta->gated = g_strdup (gated);
    }
  return TRUE;
}

/* ---- Open repositories, kept between requests ------------------------ *
 *
 * Opening a repository costs a request more than most of what it asks:
 * reading its configuration, listing and mapping its packs.  So an opened
 * repository is kept when its request is done, for the next one, idle
 * (no two threads ever use one at once).  It is known by its folder and
 * that folder's inode: a repository deleted and made again under the same
 * name is another one.  What a kept repository knows stays true: refs are
 * read from disk on every lookup, and packs that arrived since (a push) are
 * found when an object is not. */

#define KEPT_REPOS 16

typedef struct
{
  char           *git_dir;
  dev_t           dev;
  ino_t           ino;
  git_repository *repo;
} KeptRepo;

static GMutex      kept_lock;
static GQueue      kept_idle = G_QUEUE_INIT;   /* KeptRepo, the last used first */
static GHashTable *kept_busy;                  /* git_repository * -> KeptRepo */

static void
kept_repo_free (KeptRepo *kept)
{
  g_free (kept->git_dir);
  git_repository_free (kept->repo);
  g_free (kept);
}

git_repository *
vitrine_store_open_git (VitrineRepoMeta *meta,
                        GError         **error)
{
  KeptRepo *kept = NULL;
  struct stat st;

  vitrine_store_init ();
  if (stat (meta->git_dir, &st) == 0)
    {
      g_mutex_lock (&kept_lock);
      for (GList *l = kept_idle.head; l != NULL; l = l->next)
        {
          KeptRepo *k = l->data;

          if (k->dev == st.st_dev && k->ino == st.st_ino && g_str_equal (k->git_dir, meta->git_dir))
            {
              kept = k;
              g_queue_delete_link (&kept_idle, l);
              break;
            }
        }
      g_mutex_unlock (&kept_lock);
    }
  else
    memset (&st, 0, sizeof st);

  if (kept == NULL)
    {
      git_repository *repo = NULL;

      if (git_repository_open_bare (&repo, meta->git_dir) != 0)
        {
          vitrine_store_set_git_error (error);
          return NULL;
        }
      kept = g_new0 (KeptRepo, 1);
      kept->git_dir = g_strdup (meta->git_dir);
      kept->dev = st.st_dev;
      kept->ino = st.st_ino;
      kept->repo = repo;
    }
  g_mutex_lock (&kept_lock);
  if (kept_busy == NULL)
    kept_busy = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (kept_busy, kept->repo, kept);
  g_mutex_unlock (&kept_lock);
  return kept->repo;
}

/**
 * vitrine_store_release_git:
 *
 * Done with @repo: one vitrine_store_open_git() gave is kept for the next
 * request; any other is freed.
 */
void
vitrine_store_release_git (git_repository *repo)
{
  KeptRepo *kept = NULL;
  KeptRepo *dropped = NULL;
  gboolean ours;

  if (repo == NULL)
    return;
  g_mutex_lock (&kept_lock);
  ours = kept_busy != NULL && g_hash_table_steal_extended (kept_busy, repo, NULL, (gpointer *) &kept);
  if (ours && kept->ino != 0)
    {
      g_queue_push_head (&kept_idle, kept);
      if (kept_idle.length > KEPT_REPOS)
        dropped = g_queue_pop_tail (&kept_idle);
      kept = NULL;
    }
  g_mutex_unlock (&kept_lock);
  if (!ours)
    git_repository_free (repo);
  else if (kept != NULL)
    kept_repo_free (kept);   /* its folder could not be looked at: not kept */
  if (dropped != NULL)
    kept_repo_free (dropped);
}

/**
 * vitrine_store_forget_git:
 *
 * Frees the kept repositories of @git_dir (deleted or moved).
 */
void
vitrine_store_forget_git (const char *git_dir)
{
  GQueue gone = G_QUEUE_INIT;

  g_mutex_lock (&kept_lock);
  for (GList *l = kept_idle.head; l != NULL; )
    {
      GList *next = l->next;

      if (g_str_equal (((KeptRepo *) l->data)->git_dir, git_dir))
        {
          g_queue_push_tail (&gone, l->data);
          g_queue_delete_link (&kept_idle, l);
        }
      l = next;
    }
  g_mutex_unlock (&kept_lock);
  g_queue_clear_full (&gone, (GDestroyNotify) kept_repo_free);
}

/* ---- Shared with the tree, history and commit builder files ---------- */

gboolean
_vitrine_store_revision_not_found (GError     **error,
                                   const char  *rev)
{
  g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_REVISION_NOT_FOUND,
               "Invalid rev id: %s", rev);
  return FALSE;
}

gboolean
_vitrine_store_peel_to_commit (git_repository *repo,
                               const git_oid  *id,
                               git_oid        *commit_id)
{
  g_autoptr(git_object) object = NULL;
  g_autoptr(git_object) peeled = NULL;

  if (git_object_lookup (&object, repo, id, GIT_OBJECT_ANY) != 0)
    return FALSE;
  if (git_object_peel (&peeled, object, GIT_OBJECT_COMMIT) != 0)
    return FALSE;
  git_oid_cpy (commit_id, git_object_id (peeled));
  return TRUE;
}

gboolean
_vitrine_store_entry_not_found (GError     **error,
                                const char  *path,
                                const char  *rev)
{
  g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_ENTRY_NOT_FOUND,
               "%s does not exist on \"%s\"", path, rev);
  return FALSE;
}

/* What libgit2 and git leave when they stop while writing an object or a
 * pack: temporary files that nothing refers to. */
static gboolean
is_leftover (const char *name)
{
  return g_str_has_suffix (name, ".lock") ||
         g_str_has_prefix (name, "tmp_object_git2_") ||
         g_str_has_prefix (name, "tmp_pack_") ||
         g_str_has_prefix (name, "tmp_idx_") ||
         g_str_has_prefix (name, "tmp_rev_") ||
         g_str_has_prefix (name, "tmp_obj_");
}

static void
remove_locks (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      /* What git receive-pack kept of a push that never ended. */
      if (g_str_has_prefix (name, "tmp_objdir-") && g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_message ("Removing %s, left by a push that stopped", path);
          _vitrine_store_rm_rf (path);
        }
      else if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_locks (path);
      else if (is_leftover (name))
        {
          g_message ("Removing %s, left by a process that stopped while writing", path);
          g_unlink (path);
        }
    }
}

/**
 * vitrine_store_recover:
 *
 * Cleans what a crash may have left: repositories half created or half
 * deleted (never visible, they are outside the store's names), git lock
 * files, and the temporary files of objects and packs being written.  Only call this while holding the data folder's lock, when
 * no other process can be writing.
 */
void
vitrine_store_recover (const char *data_dir)
{
  const char *types[] = { "models", "datasets", "spaces" };
  g_autofree char *tmp = g_build_filename (data_dir, "repos", ".tmp", NULL);
  g_autofree char *trash = g_build_filename (data_dir, "repos", ".trash", NULL);

  _vitrine_store_rm_rf (tmp);
  _vitrine_store_rm_rf (trash);

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autofree char *root = g_build_filename (data_dir, "repos", types[t], NULL);
      g_autoptr(GDir) namespaces = g_dir_open (root, 0, NULL);
      const char *ns;

      while (namespaces != NULL && (ns = g_dir_read_name (namespaces)) != NULL)
        {
          g_autofree char *ns_dir = g_build_filename (root, ns, NULL);
          g_autoptr(GDir) repos = g_dir_open (ns_dir, 0, NULL);
          const char *leaf;

          while (repos != NULL && (leaf = g_dir_read_name (repos)) != NULL)
            {
              g_autofree char *git_dir = g_build_filename (ns_dir, leaf, NULL);
              remove_locks (git_dir);
            }
        }
    }
}
