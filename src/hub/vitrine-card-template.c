/* vitrine-card-template.c — a new model card, pre-filled from the folder
 *
 * What the folder tells: config.json (model type, architectures) and the
 * safetensors headers (parameter count and dtypes, read without loading a
 * single weight).
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vitrine-card-template.h"
#include "vitrine-error.h"
#include "vitrine-hub-types.h"

static gboolean
bad_file (GError     **error,
          const char  *path)
{
  g_autofree char *name = g_path_get_basename (path);

  g_set_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a valid safetensors file."), name);
  return FALSE;
}

/**
 * vitrine_safetensors_count:
 * @parameters: (out): how many values the tensors hold
 * @per_dtype: (nullable): dtype name → a g_new'd guint64 count, added to
 *
 * Reads only the header: 8 bytes of length, then JSON.
 */
gboolean
vitrine_safetensors_count (const char  *path,
                           guint64     *parameters,
                           GHashTable  *per_dtype,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *header = NULL;
  guint8 prefix[8];
  guint64 len = 0, total = 0;
  JsonNode *root;
  JsonObjectIter iter;
  const char *name;
  JsonNode *tensor;
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not read “%s”: %s"), path, g_strerror (errsv));
      return FALSE;
    }
  if (read (fd, prefix, 8) != 8)
    {
      close (fd);
      return bad_file (error, path);
    }
  for (int i = 7; i >= 0; i--)
    len = (len << 8) | prefix[i];
  if (len < 2 || len > VITRINE_SAFETENSORS_MAX_HEADER)
    {
      close (fd);
      return bad_file (error, path);
    }
  header = g_malloc (len);
  if (pread (fd, header, len, 8) != (ssize_t) len)
    {
      close (fd);
      return bad_file (error, path);
    }
  close (fd);

  if (!json_parser_load_from_data (parser, header, len, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return bad_file (error, path);

  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &name, &tensor))
    {
      JsonObject *t;
      JsonArray *shape;
      const char *dtype;
      guint64 count = 1;

      if (g_str_equal (name, "__metadata__"))
        continue;
      if (!JSON_NODE_HOLDS_OBJECT (tensor))
        return bad_file (error, path);
      t = json_node_get_object (tensor);
      dtype = vitrine_json_string (t, "dtype");
      shape = vitrine_json_array (t, "shape");
      if (dtype == NULL || shape == NULL)
        return bad_file (error, path);
      for (guint i = 0; i < json_array_get_length (shape); i++)
        {
          JsonNode *dim = json_array_get_element (shape, i);
          gint64 d = JSON_NODE_HOLDS_VALUE (dim) && json_node_get_value_type (dim) == G_TYPE_INT64
                     ? json_node_get_int (dim) : -1;

          if (d < 0 || (d > 0 && count > G_MAXUINT64 / (guint64) d))
            return bad_file (error, path);
          count *= d;
        }
      /* Tensors that add up to more than 2^64 values are not a model. */
      if (count > G_MAXUINT64 - total)
        return bad_file (error, path);
      total += count;
      if (per_dtype != NULL)
        {
          guint64 *slot = g_hash_table_lookup (per_dtype, dtype);

          if (slot == NULL)
            {
              slot = g_new0 (guint64, 1);
              g_hash_table_insert (per_dtype, g_strdup (dtype), slot);
            }
          *slot += count;
        }
    }
  *parameters = total;
  return TRUE;
}

static char *
human_count (guint64 n)
{
  if (n >= G_GUINT64_CONSTANT (1000000000))
    return g_strdup_printf ("%.1fB", n / 1e9);
  if (n >= 1000000)
    return g_strdup_printf ("%.1fM", n / 1e6);
  if (n >= 1000)
    return g_strdup_printf ("%.1fK", n / 1e3);
  return g_strdup_printf ("%" G_GUINT64_FORMAT, n);
}

static void
yaml_string (GString    *out,
             const char *value)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);
  g_autofree char *text = json_to_string (node, FALSE);

  g_string_append (out, text);
}

/**
 * vitrine_card_template:
 * @folder: (nullable): the model's folder, read for config.json and
 *   safetensors headers
 * @license: (nullable): a license id
 * @languages: (nullable): language codes
 *
 * Returns: (transfer full): a README with front matter and the usual
 *   sections, ready to be completed
 */
char *
vitrine_card_template (const char          *folder,
                       const char          *license,
                       const char * const  *languages,
                       GError             **error)
{
  g_autoptr(GString) out = g_string_new ("---\n");
  g_autoptr(JsonParser) config_parser = json_parser_new ();
  g_autoptr(GHashTable) per_dtype = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *config_path = folder != NULL ? g_build_filename (folder, "config.json", NULL) : NULL;
  JsonObject *config = NULL;
  const char *model_type = NULL;
  JsonArray *architectures = NULL;
  guint64 parameters = 0;
  guint n_safetensors = 0;

  if (config_path != NULL && json_parser_load_from_file (config_parser, config_path, NULL) &&
      json_parser_get_root (config_parser) != NULL && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (config_parser)))
    {
      config = json_node_get_object (json_parser_get_root (config_parser));
      model_type = vitrine_json_string (config, "model_type");
      architectures = vitrine_json_array (config, "architectures");
    }

  if (folder != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = NULL;
          guint64 count = 0;

          if (!g_str_has_suffix (name, ".safetensors"))
            continue;
          path = g_build_filename (folder, name, NULL);
          if (!vitrine_safetensors_count (path, &count, per_dtype, error))
            return NULL;
          parameters += count;
          n_safetensors++;
        }
    }

  /* Front matter: the keys the Hub reads. */
  if (license != NULL)
    {
      g_string_append (out, "license: ");
      yaml_string (out, license);
      g_string_append_c (out, '\n');
    }
  if (languages != NULL && languages[0] != NULL)
    {
      g_string_append (out, "language:\n");
      for (guint i = 0; languages[i] != NULL; i++)
        {
          g_string_append (out, "- ");
          yaml_string (out, languages[i]);
          g_string_append_c (out, '\n');
        }
    }
  if (architectures != NULL)
    g_string_append (out, "library_name: \"transformers\"\n");
  g_string_append (out, "tags: []\n---\n\n");

  /* The body: the usual sections, with what is known. */
  g_string_append (out, "# Model Card\n\n");
  g_string_append (out, "## Model Details\n\n");
  if (model_type != NULL)
    g_string_append_printf (out, "- **Model type:** %s\n", model_type);
  for (guint i = 0; architectures != NULL && i < json_array_get_length (architectures); i++)
    {
      JsonNode *a = json_array_get_element (architectures, i);
      if (JSON_NODE_HOLDS_VALUE (a) && json_node_get_value_type (a) == G_TYPE_STRING)
        g_string_append_printf (out, "- **Architecture:** %s\n", json_node_get_string (a));
    }
  if (n_safetensors > 0)
    {
      g_autofree char *count = human_count (parameters);
      g_autoptr(GList) dtypes = g_hash_table_get_keys (per_dtype);

      g_string_append_printf (out, "- **Parameters:** %s (%" G_GUINT64_FORMAT ")\n", count, parameters);
      dtypes = g_list_sort (dtypes, (GCompareFunc) g_strcmp0);
      g_string_append (out, "- **Tensor types:**");
      for (GList *l = dtypes; l != NULL; l = l->next)
        g_string_append_printf (out, " %s%s", (const char *) l->data, l->next != NULL ? "," : "");
      g_string_append_c (out, '\n');
    }
  if (license != NULL)
    g_string_append_printf (out, "- **License:** %s\n", license);
  g_string_append (out, "\nDescribe what the model does, who made it and from what.\n\n");
  g_string_append (out, "## Uses\n\nWhat the model is meant for, and what it is not meant for.\n\n");
  g_string_append (out, "## Bias, Risks and Limitations\n\nWhere the model fails, and who could be harmed.\n\n");
  g_string_append (out, "## How to Get Started\n\nA few lines of code that load the model and use it.\n\n");
  g_string_append (out, "## Training\n\nThe data, the procedure and the settings used to train it.\n\n");
  g_string_append (out, "## Evaluation\n\nHow it was tested, on what, and the results.\n\n");
  g_string_append (out, "## Environmental Impact\n\nThe hardware, the hours of training and, if known, the emissions.\n\n");
  g_string_append (out, "## Citation\n\nHow to cite this model.\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
