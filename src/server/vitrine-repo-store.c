/* vitrine-repo-store.c — repositories as bare git repositories
 *
 * One bare repository per repo, DATA/repos/{models,datasets,spaces}/NS/NAME.git,
 * its settings in the repository's own config (section "vitrine").  A repo
 * is built complete in DATA/repos/.tmp and renamed into place, and deleted
 * by a rename out of place first, so a crash never leaves half of one.
 * Commits are built from blobs and trees, then published by a
 * compare-and-swap of the branch: concurrent commits never lose one another.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vitrine-error.h"
#include "vitrine-hash.h"
#include "vitrine-json.h"
#include "vitrine-lfs-pointer.h"
#include "vitrine-path.h"
#include "vitrine-repo-store.h"

/* How often a commit is rebuilt when others keep winning the race. */
#define MAX_COMMIT_ATTEMPTS 64

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

void
vitrine_entry_free (VitrineEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->path);
  g_free (entry->lfs_oid);
  g_free (entry);
}

void
vitrine_op_free (VitrineOp *op)
{
  if (op == NULL)
    return;
  g_free (op->path);
  g_clear_pointer (&op->content, g_bytes_unref);
  g_free (op->lfs_oid);
  g_free (op);
}

void
vitrine_commit_info_free (VitrineCommitInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->title);
  g_free (info->message);
  g_free (info->author);
  g_free (info->date);
  g_free (info);
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

static gboolean
rm_rf (const char *path)
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
      rm_rf (child);
    }
  return g_rmdir (path) == 0;
}

static git_signature *
make_signature (const char *author)
{
  git_signature *sig = NULL;
  g_autofree char *email = g_strdup_printf ("%s@users.noreply.localhost", author);

  if (git_signature_now (&sig, author, email) != 0)
    git_signature_now (&sig, "vitrine-hub", "hub@localhost");
  return sig;
}

static gboolean
add_blob (git_repository *repo,
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

static char *
commit_message (const char *summary,
                const char *description)
{
  if (description != NULL && *description != '\0')
    return g_strdup_printf ("%s\n\n%s\n", summary, description);
  return g_strdup_printf ("%s\n", summary);
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
  if (!add_blob (repo, index, ".gitattributes", default_gitattributes,
                 strlen (default_gitattributes), error))
    goto out;
  if (type == VITRINE_REPO_TYPE_SPACE)
    {
      g_autofree char *readme =
        g_strdup_printf ("---\ntitle: %s\nemoji: 🚀\ncolorFrom: blue\ncolorTo: indigo\nsdk: %s\npinned: false\n---\n\n",
                         name, sdk != NULL ? sdk : "static");
      if (!add_blob (repo, index, "README.md", readme, strlen (readme), error))
        goto out;
    }
  sig = make_signature (author);
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
    rm_rf (tmp_dir);
  return ok;

exists:
  if (tmp_dir != NULL)
    rm_rf (tmp_dir);
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
  rm_rf (trash);
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

git_repository *
vitrine_store_open_git (VitrineRepoMeta *meta,
                        GError         **error)
{
  git_repository *repo = NULL;

  vitrine_store_init ();
  if (git_repository_open_bare (&repo, meta->git_dir) != 0)
    {
      vitrine_store_set_git_error (error);
      return NULL;
    }
  return repo;
}

static gboolean
revision_not_found (GError     **error,
                    const char  *rev)
{
  g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_REVISION_NOT_FOUND,
               "Invalid rev id: %s", rev);
  return FALSE;
}

static gboolean
peel_to_commit (git_repository *repo,
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

/**
 * vitrine_store_resolve:
 *
 * Resolves a revision as the Hub does: a branch, a tag, a full ref such as
 * `refs/pr/1`, or a commit id (full or at least 7 hex digits).
 */
gboolean
vitrine_store_resolve (git_repository  *repo,
                       const char      *rev,
                       git_oid         *commit_id,
                       GError         **error)
{
  git_oid id;
  gsize len;

  if (rev == NULL || *rev == '\0' || strlen (rev) > 255)
    return revision_not_found (error, rev != NULL ? rev : "");

  /* HEAD is the default branch. */
  if (g_str_equal (rev, "HEAD"))
    rev = "main";

  if (g_str_has_prefix (rev, "refs/"))
    {
      int valid = 0;
      if (git_reference_name_is_valid (&valid, rev) == 0 && valid &&
          git_reference_name_to_id (&id, repo, rev) == 0 && peel_to_commit (repo, &id, commit_id))
        return TRUE;
      return revision_not_found (error, rev);
    }

  {
    g_autofree char *head = g_strconcat ("refs/heads/", rev, NULL);
    g_autofree char *tag = g_strconcat ("refs/tags/", rev, NULL);
    int valid = 0;

    if (git_reference_name_is_valid (&valid, head) == 0 && valid &&
        git_reference_name_to_id (&id, repo, head) == 0 && peel_to_commit (repo, &id, commit_id))
      return TRUE;
    if (git_reference_name_is_valid (&valid, tag) == 0 && valid &&
        git_reference_name_to_id (&id, repo, tag) == 0 && peel_to_commit (repo, &id, commit_id))
      return TRUE;
  }

  len = strlen (rev);
  if (len >= 7 && len <= GIT_OID_HEXSZ && vitrine_is_hex (rev, len))
    {
      g_autoptr(git_object) object = NULL;

      if (len == GIT_OID_HEXSZ)
        {
          if (git_oid_fromstr (&id, rev) == 0 && peel_to_commit (repo, &id, commit_id))
            return TRUE;
        }
      else if (git_oid_fromstrn (&id, rev, len) == 0 &&
               git_object_lookup_prefix (&object, repo, &id, len, GIT_OBJECT_COMMIT) == 0)
        {
          git_oid_cpy (commit_id, git_object_id (object));
          return TRUE;
        }
    }

  return revision_not_found (error, rev);
}

static void
fill_blob_entry (git_repository *repo,
                 VitrineEntry   *entry,
                 const git_oid  *blob_id)
{
  g_autoptr(git_blob) blob = NULL;
  git_object_size_t size;

  git_oid_tostr (entry->oid, sizeof entry->oid, blob_id);
  if (git_blob_lookup (&blob, repo, blob_id) != 0)
    return;
  size = git_blob_rawsize (blob);
  entry->size = size;
  if (size <= VITRINE_LFS_POINTER_MAX_SIZE)
    {
      char *oid = NULL;
      guint64 lfs_size = 0;

      if (vitrine_lfs_pointer_parse (git_blob_rawcontent (blob), size, &oid, &lfs_size))
        {
          entry->lfs = TRUE;
          entry->lfs_oid = oid;
          entry->pointer_size = size;
          entry->size = lfs_size;
        }
    }
}

static gboolean
entry_not_found (GError     **error,
                 const char  *path,
                 const char  *rev)
{
  g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_ENTRY_NOT_FOUND,
               "%s does not exist on \"%s\"", path, rev);
  return FALSE;
}

/**
 * vitrine_store_entry:
 * @path: a path, or "" for the root folder
 */
VitrineEntry *
vitrine_store_entry (git_repository  *repo,
                     const git_oid   *commit_id,
                     const char      *path,
                     GError         **error)
{
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) tree_entry = NULL;
  VitrineEntry *entry;
  char rev[GIT_OID_HEXSZ + 1];

  git_oid_tostr (rev, sizeof rev, commit_id);
  if (git_commit_lookup (&commit, repo, commit_id) != 0 || git_commit_tree (&tree, commit) != 0)
    {
      vitrine_store_set_git_error (error);
      return NULL;
    }

  entry = g_new0 (VitrineEntry, 1);
  entry->path = g_strdup (path);
  if (*path == '\0')
    {
      entry->is_dir = TRUE;
      git_oid_tostr (entry->oid, sizeof entry->oid, git_tree_id (tree));
      return entry;
    }

  if (git_tree_entry_bypath (&tree_entry, tree, path) != 0)
    {
      vitrine_entry_free (entry);
      entry_not_found (error, path, rev);
      return NULL;
    }

  if (git_tree_entry_type (tree_entry) == GIT_OBJECT_TREE)
    {
      entry->is_dir = TRUE;
      git_oid_tostr (entry->oid, sizeof entry->oid, git_tree_entry_id (tree_entry));
    }
  else
    fill_blob_entry (repo, entry, git_tree_entry_id (tree_entry));
  return entry;
}

typedef struct
{
  git_repository *repo;
  GPtrArray      *entries;
  const char     *prefix;
  gboolean        recursive;
} WalkData;

static int
walk_cb (const char           *root,
         const git_tree_entry *tree_entry,
         void                 *user_data)
{
  WalkData *data = user_data;
  VitrineEntry *entry = g_new0 (VitrineEntry, 1);
  const char *name = git_tree_entry_name (tree_entry);

  if (*data->prefix != '\0')
    entry->path = g_strconcat (data->prefix, "/", root, name, NULL);
  else
    entry->path = g_strconcat (root, name, NULL);

  if (git_tree_entry_type (tree_entry) == GIT_OBJECT_TREE)
    {
      entry->is_dir = TRUE;
      git_oid_tostr (entry->oid, sizeof entry->oid, git_tree_entry_id (tree_entry));
    }
  else
    fill_blob_entry (data->repo, entry, git_tree_entry_id (tree_entry));

  g_ptr_array_add (data->entries, entry);

  /* 1 skips a folder's children when not recursive. */
  return entry->is_dir && !data->recursive ? 1 : 0;
}

/**
 * vitrine_store_list_tree:
 *
 * Returns: (transfer full): the entries under @path (not @path itself),
 *   folders before their contents, in git's order
 */
GPtrArray *
vitrine_store_list_tree (git_repository  *repo,
                         const git_oid   *commit_id,
                         const char      *path,
                         gboolean         recursive,
                         GError         **error)
{
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_tree) root = NULL;
  g_autoptr(git_tree) tree = NULL;
  WalkData data;
  char rev[GIT_OID_HEXSZ + 1];

  git_oid_tostr (rev, sizeof rev, commit_id);
  if (git_commit_lookup (&commit, repo, commit_id) != 0 || git_commit_tree (&root, commit) != 0)
    {
      vitrine_store_set_git_error (error);
      return NULL;
    }

  if (*path != '\0')
    {
      g_autoptr(git_tree_entry) tree_entry = NULL;

      if (git_tree_entry_bypath (&tree_entry, root, path) != 0 ||
          git_tree_entry_type (tree_entry) != GIT_OBJECT_TREE ||
          git_tree_lookup (&tree, repo, git_tree_entry_id (tree_entry)) != 0)
        {
          entry_not_found (error, path, rev);
          return NULL;
        }
    }
  else
    tree = g_steal_pointer (&root);

  data.repo = repo;
  data.entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vitrine_entry_free);
  data.prefix = path;
  data.recursive = recursive;
  git_tree_walk (tree, GIT_TREEWALK_PRE, walk_cb, &data);
  return data.entries;
}

GBytes *
vitrine_store_read_blob (git_repository  *repo,
                         const char      *oid_hex,
                         GError         **error)
{
  g_autoptr(git_blob) blob = NULL;
  git_oid id;

  if (git_oid_fromstr (&id, oid_hex) != 0 || git_blob_lookup (&blob, repo, &id) != 0)
    {
      vitrine_store_set_git_error (error);
      return NULL;
    }
  return g_bytes_new (git_blob_rawcontent (blob), git_blob_rawsize (blob));
}

/* The content of a small file at a commit, or NULL. */
GBytes *
vitrine_store_read_file (git_repository *repo,
                         const git_oid  *commit_id,
                         const char     *path)
{
  g_autoptr(VitrineEntry) entry = vitrine_store_entry (repo, commit_id, path, NULL);

  if (entry == NULL || entry->is_dir || entry->lfs)
    return NULL;
  return vitrine_store_read_blob (repo, entry->oid, NULL);
}

gint64
vitrine_store_last_modified (git_repository *repo,
                             const git_oid  *commit_id)
{
  g_autoptr(git_commit) commit = NULL;

  if (git_commit_lookup (&commit, repo, commit_id) != 0)
    return 0;
  return git_commit_time (commit);
}

static VitrineCommitInfo *
commit_info_new (git_commit *commit)
{
  VitrineCommitInfo *info = g_new0 (VitrineCommitInfo, 1);
  const char *body = git_commit_body (commit);

  info->id = g_malloc (GIT_OID_HEXSZ + 1);
  git_oid_tostr (info->id, GIT_OID_HEXSZ + 1, git_commit_id (commit));
  info->title = g_strdup (git_commit_summary (commit));
  info->message = g_strdup (body != NULL ? body : "");
  info->author = g_strdup (git_commit_author (commit)->name);
  info->date = vitrine_format_date (git_commit_author (commit)->when.time);
  return info;
}

/**
 * vitrine_store_commits:
 * @total: (out): how many commits the history has in all
 *
 * Returns: (transfer full): commits newest first, @skip of them skipped
 */
GPtrArray *
vitrine_store_commits (git_repository  *repo,
                       const git_oid   *commit_id,
                       guint            skip,
                       guint            limit,
                       guint           *total,
                       GError         **error)
{
  g_autoptr(git_revwalk) walk = NULL;
  GPtrArray *commits;
  git_oid id;
  guint n = 0;

  if (git_revwalk_new (&walk, repo) != 0 ||
      git_revwalk_sorting (walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME) != 0 ||
      git_revwalk_push (walk, commit_id) != 0)
    {
      vitrine_store_set_git_error (error);
      return NULL;
    }

  commits = g_ptr_array_new_with_free_func ((GDestroyNotify) vitrine_commit_info_free);
  while (git_revwalk_next (&id, walk) == 0)
    {
      if (n >= skip && commits->len < limit)
        {
          g_autoptr(git_commit) commit = NULL;

          if (git_commit_lookup (&commit, repo, &id) != 0)
            continue;
          g_ptr_array_add (commits, commit_info_new (commit));
        }
      n++;
    }
  *total = n;
  return commits;
}

static void
add_ref (JsonBuilder    *builder,
         git_repository *repo,
         git_reference  *ref,
         const char     *shorthand)
{
  git_oid commit_id;
  char hex[GIT_OID_HEXSZ + 1];
  git_oid target;

  if (git_reference_name_to_id (&target, repo, git_reference_name (ref)) != 0 ||
      !peel_to_commit (repo, &target, &commit_id))
    return;
  git_oid_tostr (hex, sizeof hex, &commit_id);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, shorthand);
  json_builder_set_member_name (builder, "ref");
  json_builder_add_string_value (builder, git_reference_name (ref));
  json_builder_set_member_name (builder, "targetCommit");
  json_builder_add_string_value (builder, hex);
  json_builder_end_object (builder);
}

static void
add_refs_with_prefix (JsonBuilder    *builder,
                      git_repository *repo,
                      const char     *glob,
                      const char     *prefix)
{
  git_reference_iterator *iter = NULL;
  git_reference *ref = NULL;

  if (git_reference_iterator_glob_new (&iter, repo, glob) != 0)
    return;
  while (git_reference_next (&ref, iter) == 0)
    {
      add_ref (builder, repo, ref, git_reference_name (ref) + strlen (prefix));
      git_reference_free (ref);
    }
  git_reference_iterator_free (iter);
}

/**
 * vitrine_store_refs:
 *
 * Returns: (transfer full): `{branches, tags, converts, pullRequests?}`
 */
JsonNode *
vitrine_store_refs (git_repository *repo,
                    gboolean        include_prs)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "branches");
  json_builder_begin_array (builder);
  add_refs_with_prefix (builder, repo, "refs/heads/*", "refs/heads/");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  add_refs_with_prefix (builder, repo, "refs/tags/*", "refs/tags/");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "converts");
  json_builder_begin_array (builder);
  add_refs_with_prefix (builder, repo, "refs/convert/*", "refs/convert/");
  json_builder_end_array (builder);
  if (include_prs)
    {
      json_builder_set_member_name (builder, "pullRequests");
      json_builder_begin_array (builder);
      add_refs_with_prefix (builder, repo, "refs/pr/*", "refs/pr/");
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Whether a .gitattributes text sends @path to large-file storage. */
static gboolean
attributes_match_lfs (const char *attributes,
                      const char *path)
{
  g_auto(GStrv) lines = NULL;
  const char *base = strrchr (path, '/');

  if (attributes == NULL)
    return FALSE;
  base = base != NULL ? base + 1 : path;
  lines = g_strsplit (attributes, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " \t", -1);
      g_autofree char *pattern = NULL;

      if (words[0] == NULL || *words[0] == '\0' || *words[0] == '#')
        continue;
      if (!g_strv_contains ((const char * const *) words, "filter=lfs"))
        continue;
      /* Spaces in paths are written [[:space:]]. */
      pattern = g_strdup (words[0]);
      if (strchr (pattern, '/') != NULL)
        {
          const char *p = pattern[0] == '/' ? pattern + 1 : pattern;
          if (fnmatch (p, path, 0) == 0)
            return TRUE;
        }
      else if (fnmatch (pattern, base, 0) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
vitrine_store_attributes_match_lfs (const char *attributes,
                                    const char *path)
{
  return attributes_match_lfs (attributes, path);
}

static char *
escape_attribute_path (const char *path)
{
  GString *out = g_string_new (NULL);

  for (const char *p = path; *p; p++)
    {
      if (*p == ' ')
        g_string_append (out, "[[:space:]]");
      else if (strchr ("*?[]!#\\", *p) != NULL)
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
apply_ops (git_repository  *repo,
           git_index       *index,
           const char      *lfs_objects_dir,
           GPtrArray       *ops,
           const char      *rev,
           GError         **error)
{
  g_autoptr(GPtrArray) lfs_paths = g_ptr_array_new ();
  const git_index_entry *attr_entry;
  g_autofree char *attributes = NULL;
  GString *extra = NULL;

  for (guint i = 0; i < ops->len; i++)
    {
      VitrineOp *op = g_ptr_array_index (ops, i);

      switch (op->kind)
        {
        case VITRINE_OP_FILE:
          {
            gsize len;
            const void *data = g_bytes_get_data (op->content, &len);

            if (!add_blob (repo, index, op->path, data, len, error))
              return FALSE;
          }
          break;

        case VITRINE_OP_LFS_FILE:
          {
            g_autofree char *object = vitrine_lfs_object_path (lfs_objects_dir, op->lfs_oid);
            g_autofree char *pointer = NULL;
            GStatBuf st;

            if (g_stat (object, &st) != 0 || (op->lfs_size != G_MAXUINT64 && (guint64) st.st_size != op->lfs_size))
              {
                g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                             "The large file %s (sha256 %s) was not uploaded: upload it before the commit",
                             op->path, op->lfs_oid);
                return FALSE;
              }
            pointer = vitrine_lfs_pointer_format (op->lfs_oid, st.st_size);
            if (!add_blob (repo, index, op->path, pointer, strlen (pointer), error))
              return FALSE;
            g_ptr_array_add (lfs_paths, op->path);
          }
          break;

        case VITRINE_OP_DELETE_FILE:
          if (git_index_get_bypath (index, op->path, 0) == NULL)
            return entry_not_found (error, op->path, rev);
          if (git_index_remove_bypath (index, op->path) != 0)
            return vitrine_store_set_git_error (error);
          break;

        case VITRINE_OP_DELETE_FOLDER:
          {
            g_autofree char *prefix = g_strconcat (op->path, "/", NULL);
            size_t at = 0;
            const git_index_entry *e;

            git_index_find_prefix (&at, index, prefix);
            e = git_index_get_byindex (index, at);
            if (e == NULL || !g_str_has_prefix (e->path, prefix))
              return entry_not_found (error, op->path, rev);
            if (git_index_remove_directory (index, op->path, 0) != 0)
              return vitrine_store_set_git_error (error);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (lfs_paths->len == 0)
    return TRUE;

  /* Large files not covered by a rule get one, as the Hub does. */
  attr_entry = git_index_get_bypath (index, ".gitattributes", 0);
  if (attr_entry != NULL)
    {
      g_autoptr(git_blob) blob = NULL;

      if (git_blob_lookup (&blob, repo, &attr_entry->id) == 0)
        attributes = g_strndup (git_blob_rawcontent (blob), git_blob_rawsize (blob));
    }
  for (guint i = 0; i < lfs_paths->len; i++)
    {
      const char *path = g_ptr_array_index (lfs_paths, i);

      if (!attributes_match_lfs (attributes, path) &&
          !(extra != NULL && attributes_match_lfs (extra->str, path)))
        {
          g_autofree char *escaped = escape_attribute_path (path);

          if (extra == NULL)
            extra = g_string_new (NULL);
          g_string_append_printf (extra, "%s filter=lfs diff=lfs merge=lfs -text\n", escaped);
        }
    }
  if (extra != NULL)
    {
      g_autoptr(GString) text = g_string_new (attributes != NULL ? attributes : "");
      gboolean ok;

      if (text->len > 0 && text->str[text->len - 1] != '\n')
        g_string_append_c (text, '\n');
      g_string_append (text, extra->str);
      g_string_free (extra, TRUE);
      ok = add_blob (repo, index, ".gitattributes", text->str, text->len, error);
      return ok;
    }
  return TRUE;
}

/* Makes every object written so far durable with one syncfs() of the
 * repository's file system, so a branch never points at an object a power
 * cut could lose.  (A killed process loses nothing libgit2 wrote: objects
 * are renamed into place whole.) */
static void
sync_objects (git_repository *repo)
{
  int fd = open (git_repository_path (repo), O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      syncfs (fd);
      close (fd);
    }
}

static guint
next_pr_number (git_repository *repo)
{
  git_reference_iterator *iter = NULL;
  git_reference *ref = NULL;
  guint max = 0;

  if (git_reference_iterator_glob_new (&iter, repo, "refs/pr/*") != 0)
    return 1;
  while (git_reference_next (&ref, iter) == 0)
    {
      guint64 n = g_ascii_strtoull (git_reference_name (ref) + strlen ("refs/pr/"), NULL, 10);
      max = MAX (max, (guint) MIN (n, G_MAXUINT - 1));
      git_reference_free (ref);
    }
  git_reference_iterator_free (iter);
  return max + 1;
}

/**
 * vitrine_store_commit:
 * @branch: the branch (or `refs/pr/N`) to commit to
 * @parent_commit: (nullable): the head the client based its changes on
 * @commit_id: (out): the new commit
 * @pr_ref: (out) (optional): with @create_pr, the new `refs/pr/N`
 *
 * Builds the commit completely, then publishes it by a compare-and-swap
 * of the branch.  When another commit won the race and no @parent_commit
 * was given, the operations are applied again on the new head; with
 * @parent_commit, the commit is refused (%VITRINE_ERROR_PRECONDITION_FAILED)
 * and nothing is written to the branch.
 */
gboolean
vitrine_store_commit (VitrineRepoMeta  *meta,
                      const char       *lfs_objects_dir,
                      const char       *branch,
                      const char       *parent_commit,
                      gboolean          create_pr,
                      GPtrArray        *ops,
                      const char       *summary,
                      const char       *description,
                      const char       *author,
                      char            **commit_id,
                      char            **pr_ref,
                      GError          **error)
{
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, error);
  g_autoptr(git_signature) sig = NULL;
  g_autofree char *refname = NULL;
  g_autofree char *message = commit_message (summary, description);
  int valid = 0;

  if (repo == NULL)
    return FALSE;

  refname = g_str_has_prefix (branch, "refs/pr/") ? g_strdup (branch)
                                                   : g_strconcat ("refs/heads/", branch, NULL);
  if (git_reference_name_is_valid (&valid, refname) != 0 || !valid)
    return revision_not_found (error, branch);

  sig = make_signature (author);

  for (guint attempt = 0; attempt < MAX_COMMIT_ATTEMPTS; attempt++)
    {
      g_autoptr(git_commit) head = NULL;
      g_autoptr(git_tree) tree = NULL;
      g_autoptr(git_tree) new_tree = NULL;
      g_autoptr(git_index) index = NULL;
      g_autoptr(git_reference) ref = NULL;
      const git_commit *parents[1];
      git_oid head_id, tree_id, new_id;
      int rc;

      if (git_reference_name_to_id (&head_id, repo, refname) != 0)
        return revision_not_found (error, branch);

      if (parent_commit != NULL)
        {
          g_autoptr(git_object) parent = NULL;

          if (git_revparse_single (&parent, repo, parent_commit) != 0 ||
              !git_oid_equal (git_object_id (parent), &head_id))
            {
              g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_PRECONDITION_FAILED,
                                   "A commit has happened since. Please refresh and try again.");
              return FALSE;
            }
        }

      if (git_commit_lookup (&head, repo, &head_id) != 0 ||
          git_commit_tree (&tree, head) != 0 ||
          git_index_new (&index) != 0 ||
          git_index_read_tree (index, tree) != 0)
        return vitrine_store_set_git_error (error);

      if (!apply_ops (repo, index, lfs_objects_dir, ops, branch, error))
        return FALSE;

      parents[0] = head;
      if (git_index_write_tree_to (&tree_id, index, repo) != 0 ||
          git_tree_lookup (&new_tree, repo, &tree_id) != 0 ||
          git_commit_create (&new_id, repo, NULL, sig, sig, "UTF-8", message,
                             new_tree, 1, parents) != 0)
        return vitrine_store_set_git_error (error);

      sync_objects (repo);

      if (create_pr)
        {
          guint n = next_pr_number (repo);
          g_autofree char *pr = g_strdup_printf ("refs/pr/%u", n);

          rc = git_reference_create (&ref, repo, pr, &new_id, 0, "pull request");
          if (rc == GIT_EEXISTS || rc == GIT_ELOCKED)
            continue;
          if (rc != 0)
            return vitrine_store_set_git_error (error);
          if (pr_ref != NULL)
            *pr_ref = g_steal_pointer (&pr);
        }
      else
        {
          rc = git_reference_create_matching (&ref, repo, refname, &new_id, 1, &head_id, "commit");
          if (rc == GIT_EMODIFIED || rc == GIT_ELOCKED)
            {
              /* Another commit won: try again on top of it. */
              if (parent_commit != NULL && rc == GIT_EMODIFIED)
                {
                  g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_PRECONDITION_FAILED,
                                       "A commit has happened since. Please refresh and try again.");
                  return FALSE;
                }
              g_usleep (g_random_int_range (1000, 10000) * (attempt < 8 ? 1 : 4));
              continue;
            }
          if (rc != 0)
            return vitrine_store_set_git_error (error);
        }

      *commit_id = g_malloc (GIT_OID_HEXSZ + 1);
      git_oid_tostr (*commit_id, GIT_OID_HEXSZ + 1, &new_id);
      return TRUE;
    }

  g_set_error_literal (error, VITRINE_ERROR, VITRINE_ERROR_CONFLICT,
                       "Cannot commit: too many commits are happening at the same time. Try again.");
  return FALSE;
}

gboolean
vitrine_store_create_tag (VitrineRepoMeta *meta,
                          const char      *rev,
                          const char      *tag,
                          const char      *message,
                          const char      *author,
                          GError         **error)
{
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, error);
  g_autoptr(git_object) target = NULL;
  g_autofree char *refname = NULL;
  git_oid commit_id, tag_id;
  int valid = 0;
  int rc;

  if (repo == NULL)
    return FALSE;
  if (!vitrine_store_resolve (repo, rev, &commit_id, error))
    return FALSE;

  refname = g_strconcat ("refs/tags/", tag, NULL);
  if (git_reference_name_is_valid (&valid, refname) != 0 || !valid || strchr (tag, '/') != NULL)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                   "Invalid tag name: %s", tag);
      return FALSE;
    }
  if (git_object_lookup (&target, repo, &commit_id, GIT_OBJECT_COMMIT) != 0)
    return vitrine_store_set_git_error (error);

  if (message != NULL && *message != '\0')
    {
      g_autoptr(git_signature) sig = make_signature (author);
      rc = git_tag_create (&tag_id, repo, tag, target, sig, message, 0);
    }
  else
    rc = git_tag_create_lightweight (&tag_id, repo, tag, target, 0);

  if (rc == GIT_EEXISTS)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_CONFLICT,
                   "Tag %s already exists", tag);
      return FALSE;
    }
  if (rc != 0)
    return vitrine_store_set_git_error (error);
  return TRUE;
}

gboolean
vitrine_store_delete_ref (VitrineRepoMeta *meta,
                          const char      *refname,
                          GError         **error)
{
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, error);
  g_autoptr(git_reference) ref = NULL;
  int valid = 0;

  if (repo == NULL)
    return FALSE;
  if (git_reference_name_is_valid (&valid, refname) != 0 || !valid ||
      git_reference_lookup (&ref, repo, refname) != 0)
    return revision_not_found (error, refname);
  if (git_reference_delete (ref) != 0)
    return vitrine_store_set_git_error (error);
  return TRUE;
}

gboolean
vitrine_store_create_branch (VitrineRepoMeta *meta,
                             const char      *branch,
                             const char      *starting_point,
                             gboolean         empty,
                             gboolean         overwrite,
                             const char      *author,
                             GError         **error)
{
  g_autoptr(git_repository) repo = vitrine_store_open_git (meta, error);
  g_autoptr(git_reference) ref = NULL;
  g_autofree char *refname = NULL;
  git_oid commit_id;
  int valid = 0;
  int rc;

  if (repo == NULL)
    return FALSE;

  refname = g_strconcat ("refs/heads/", branch, NULL);
  if (git_reference_name_is_valid (&valid, refname) != 0 || !valid)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
                   "Invalid branch name: %s", branch);
      return FALSE;
    }

  if (empty)
    {
      g_autoptr(git_index) index = NULL;
      g_autoptr(git_tree) tree = NULL;
      g_autoptr(git_signature) sig = make_signature (author);
      git_oid tree_id;

      if (git_index_new (&index) != 0 ||
          git_index_write_tree_to (&tree_id, index, repo) != 0 ||
          git_tree_lookup (&tree, repo, &tree_id) != 0 ||
          git_commit_create (&commit_id, repo, NULL, sig, sig, "UTF-8", "empty branch\n", tree, 0, NULL) != 0)
        return vitrine_store_set_git_error (error);
    }
  else if (!vitrine_store_resolve (repo, starting_point != NULL ? starting_point : "main", &commit_id, error))
    return FALSE;

  rc = git_reference_create (&ref, repo, refname, &commit_id, overwrite, "branch");
  if (rc == GIT_EEXISTS)
    {
      g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_CONFLICT,
                   "Reference already exists: %s", refname);
      return FALSE;
    }
  if (rc != 0)
    return vitrine_store_set_git_error (error);
  return TRUE;
}

/* The id of what @path is in @commit (blob or tree), or FALSE when absent. */
static gboolean
path_id (git_commit *commit,
         const char *path,
         git_oid    *id)
{
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) entry = NULL;

  if (git_commit_tree (&tree, commit) != 0)
    return FALSE;
  if (*path == '\0')
    {
      git_oid_cpy (id, git_tree_id (tree));
      return TRUE;
    }
  if (git_tree_entry_bypath (&entry, tree, path) != 0)
    return FALSE;
  git_oid_cpy (id, git_tree_entry_id (entry));
  return TRUE;
}

/**
 * vitrine_store_last_commit:
 *
 * Finds the last commit, up to @commit_id, that changed @path: the newest
 * one where the path has its current content and its first parent had
 * another (or none).
 *
 * Returns: (transfer full) (nullable): that commit
 */
VitrineCommitInfo *
vitrine_store_last_commit (git_repository *repo,
                           const git_oid  *commit_id,
                           const char     *path)
{
  g_autoptr(git_revwalk) walk = NULL;
  g_autoptr(git_commit) head = NULL;
  git_oid target, id;

  if (git_commit_lookup (&head, repo, commit_id) != 0 || !path_id (head, path, &target))
    return NULL;
  if (git_revwalk_new (&walk, repo) != 0 ||
      git_revwalk_sorting (walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME) != 0 ||
      git_revwalk_simplify_first_parent (walk) != 0 ||
      git_revwalk_push (walk, commit_id) != 0)
    return NULL;

  while (git_revwalk_next (&id, walk) == 0)
    {
      g_autoptr(git_commit) commit = NULL;
      g_autoptr(git_commit) parent = NULL;
      git_oid here, before;

      if (git_commit_lookup (&commit, repo, &id) != 0)
        return NULL;
      if (!path_id (commit, path, &here) || !git_oid_equal (&here, &target))
        continue;
      if (git_commit_parentcount (commit) > 0 &&
          git_commit_parent (&parent, commit, 0) == 0 &&
          path_id (parent, path, &before) && git_oid_equal (&before, &target))
        continue;

      return commit_info_new (commit);
    }
  return NULL;
}

static void
remove_locks (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_locks (path);
      else if (g_str_has_suffix (name, ".lock"))
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
 * deleted (never visible, they are outside the store's names) and git
 * lock files.  Only call this while holding the data folder's lock, when
 * no other process can be writing.
 */
void
vitrine_store_recover (const char *data_dir)
{
  const char *types[] = { "models", "datasets", "spaces" };
  g_autofree char *tmp = g_build_filename (data_dir, "repos", ".tmp", NULL);
  g_autofree char *trash = g_build_filename (data_dir, "repos", ".trash", NULL);

  rm_rf (tmp);
  rm_rf (trash);

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
