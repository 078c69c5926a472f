/* test-uploads.c — large files received as they arrive: multipart parts
 * in any order, hashed as they come, and parts sent again
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hub-fixture.h"

/* The multipart batch answer for @size bytes of @oid: the completion URL,
 * and the part URLs in order. */
static GPtrArray *
multipart_urls (Hub        *hub,
                const char *oid,
                gsize       size,
                char      **complete)
{
  g_autofree char *body =
    g_strdup_printf ("{\"operation\":\"upload\",\"transfers\":[\"basic\",\"multipart\"],"
                     "\"objects\":[{\"oid\":\"%s\",\"size\":%" G_GSIZE_FORMAT "}]}", oid, size);
  g_autoptr(Reply) reply = hub_call (hub, "POST", "/alice/parts.git/info/lfs/objects/batch", hub->alice,
                                     "application/vnd.git-lfs+json", body, -1);
  JsonObject *upload, *header;
  GPtrArray *urls = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (reply->json), "transfer"), ==, "multipart");
  upload = json_object_get_object_member (json_object_get_object_member (json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (reply->json), "objects"), 0), "actions"), "upload");
  *complete = g_strdup (json_object_get_string_member (upload, "href"));
  header = json_object_get_object_member (upload, "header");
  for (guint k = 1; ; k++)
    {
      g_autofree char *key = g_strdup_printf ("%05u", k);

      if (!json_object_has_member (header, key))
        break;
      g_ptr_array_add (urls, g_strdup (json_object_get_string_member (header, key)));
    }
  return urls;
}

static guint
complete_multipart (Hub        *hub,
                    const char *complete,
                    const char *oid,
                    guint       n_parts)
{
  GString *body = g_string_new (NULL);
  g_autoptr(Reply) reply = NULL;

  g_string_append_printf (body, "{\"oid\":\"%s\",\"parts\":[", oid);
  for (guint k = 1; k <= n_parts; k++)
    g_string_append_printf (body, "%s{\"partNumber\":%u,\"etag\":\"x\"}", k > 1 ? "," : "", k);
  g_string_append (body, "]}");
  reply = hub_call (hub, "POST", complete, NULL, "application/vnd.git-lfs+json", body->str, body->len);
  g_string_free (body, TRUE);
  return reply->status;
}

/* Parts hashed as they arrive, whatever their order: sent last to first,
 * the object completes; a part sent again with other bytes is caught,
 * and the object refused. */
static void
test_multipart_any_order (Hub           *hub,
                          gconstpointer  data)
{
  gsize size = 45 * 1024 * 1024 + 12345;
  g_autofree guint8 *bytes = g_malloc (size);
  g_autofree char *oid = NULL;
  g_autofree char *complete = NULL;
  g_autoptr(GPtrArray) urls = NULL;
  guint64 chunk;

  for (gsize i = 0; i < size; i++)
    bytes[i] = (guint8) (i * 7 + (i >> 13));
  oid = vitrine_sha256_hex (bytes, size);
  hub_create_repo (hub, hub->alice, "{\"name\":\"parts\"}");

  urls = multipart_urls (hub, oid, size, &complete);
  g_assert_cmpuint (urls->len, >=, 3);
  chunk = g_ascii_strtoull (strstr (complete, "chunk=") + 6, NULL, 10);
  for (guint k = urls->len; k > 0; k--)
    {
      gsize start = (k - 1) * chunk;
      g_autoptr(Reply) reply = hub_call (hub, "PUT", g_ptr_array_index (urls, k - 1), NULL,
                                         "application/octet-stream", bytes + start, MIN (chunk, size - start));
      g_assert_cmpuint (reply->status, ==, 200);
    }
  /* Part 2 again, the same bytes: still good. */
  {
    g_autoptr(Reply) reply = hub_call (hub, "PUT", g_ptr_array_index (urls, 1), NULL, "application/octet-stream",
                                       bytes + chunk, chunk);
    g_assert_cmpuint (reply->status, ==, 200);
  }
  g_assert_cmpuint (complete_multipart (hub, complete, oid, urls->len), ==, 200);
  {
    g_autofree char *path = g_strdup_printf ("%s/lfs/objects/%.2s/%.2s/%s", hub->data_dir, oid, oid + 2, oid);
    g_autofree char *stored = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (path, &stored, &len, NULL));
    g_assert_cmpuint (len, ==, size);
    g_assert_true (memcmp (stored, bytes, size) == 0);
  }

  /* Another object; its first part sent again with other bytes after the
   * hash went past it. */
  bytes[0] ^= 0xff;
  g_free (oid);
  oid = vitrine_sha256_hex (bytes, size);
  g_ptr_array_unref (g_steal_pointer (&urls));
  g_free (complete);
  urls = multipart_urls (hub, oid, size, &complete);
  for (guint k = 1; k <= urls->len; k++)
    {
      gsize start = (k - 1) * chunk;
      g_autoptr(Reply) reply = hub_call (hub, "PUT", g_ptr_array_index (urls, k - 1), NULL,
                                         "application/octet-stream", bytes + start, MIN (chunk, size - start));
      g_assert_cmpuint (reply->status, ==, 200);
    }
  bytes[1] ^= 0xff;
  {
    g_autoptr(Reply) reply = hub_call (hub, "PUT", g_ptr_array_index (urls, 0), NULL, "application/octet-stream",
                                       bytes, chunk);
    g_assert_cmpuint (reply->status, ==, 200);
  }
  g_assert_cmpuint (complete_multipart (hub, complete, oid, urls->len), ==, 400);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/uploads/multipart-any-order", Hub, NULL, hub_setup, test_multipart_any_order, hub_teardown);

  return g_test_run ();
}
