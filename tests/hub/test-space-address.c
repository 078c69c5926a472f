/* test-space-address.c — where a hub runs a Space's app: the address its
 * info gives, or none
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vitrine-space-address.h"

static char *
address_for (const char *json,
             const char *endpoint,
             gboolean    dark)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);
  g_autoptr(VitrineRepoInfo) info = NULL;

  g_assert_no_error (error);
  info = vitrine_repo_info_new_from_json (json_node_get_object (node), VITRINE_REPO_TYPE_SPACE);
  return vitrine_space_hosted_address (info, endpoint, dark);
}

/* What huggingface.co says of a Space: its host, with the theme asked. */
static void
test_hugging_face (void)
{
  static const char info[] = "{\"id\": \"wzshiming/hello_world\", \"sdk\": \"gradio\","
                             " \"subdomain\": \"wzshiming-hello-world\","
                             " \"host\": \"https://wzshiming-hello-world.hf.space\"}";
  g_autofree char *dark = address_for (info, "https://huggingface.co", TRUE);
  g_autofree char *light = address_for (info, "https://huggingface.co", FALSE);
  g_autofree char *renamed = NULL;

  g_assert_cmpstr (dark, ==, "https://wzshiming-hello-world.hf.space/?__theme=dark");
  g_assert_cmpstr (light, ==, "https://wzshiming-hello-world.hf.space/?__theme=light");

  /* Taken from the info, never made from the id: a Space whose host is
   * not what its id would give keeps its host. */
  renamed = address_for ("{\"id\": \"alice/new-name\", \"subdomain\": \"alice-old-name\","
                         " \"host\": \"https://alice-old-name.hf.space\"}",
                         "https://huggingface.co", TRUE);
  g_assert_cmpstr (renamed, ==, "https://alice-old-name.hf.space/?__theme=dark");
}

/* A hub that hosts no apps: nothing to show there. */
static void
test_not_hosted (void)
{
  static const struct {
    const char *json;
    const char *endpoint;
  } cases[] = {
    /* This computer's hub names a page of its own, on its own origin. */
    { "{\"id\": \"alice/demo\", \"subdomain\": \"alice-demo\","
      " \"host\": \"http://127.0.0.1:4321/spaces/alice/demo\"}", "http://127.0.0.1:4321" },
    /* No host, or no subdomain. */
    { "{\"id\": \"alice/demo\", \"subdomain\": \"alice-demo\"}", "https://huggingface.co" },
    { "{\"id\": \"alice/demo\", \"host\": \"https://alice-demo.hf.space\"}", "https://huggingface.co" },
    /* Not a web address, or with credentials. */
    { "{\"id\": \"alice/demo\", \"subdomain\": \"alice-demo\", \"host\": \"file:///etc/passwd\"}",
      "https://huggingface.co" },
    { "{\"id\": \"alice/demo\", \"subdomain\": \"alice-demo\", \"host\": \"javascript:alert(1)\"}",
      "https://huggingface.co" },
    { "{\"id\": \"alice/demo\", \"subdomain\": \"alice-demo\", \"host\": \"https://u:p@alice-demo.hf.space\"}",
      "https://huggingface.co" },
    /* A host that is not the Space's own. */
    { "{\"id\": \"alice/demo\", \"subdomain\": \"alice-demo\", \"host\": \"https://evil.example\"}",
      "https://huggingface.co" },
    { "{\"id\": \"alice/demo\", \"subdomain\": \"alice-demo\", \"host\": \"https://alice-demo-x.hf.space\"}",
      "https://huggingface.co" },
    { "{\"id\": \"alice/demo\", \"subdomain\": \"alice-demo\", \"host\": \"https://alice-demo.hf.space\"}",
      "https://alice-demo.hf.space" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *address = address_for (cases[i].json, cases[i].endpoint, FALSE);

      if (address != NULL)
        g_error ("case %u: %s", i, address);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/space-address/hugging-face", test_hugging_face);
  g_test_add_func ("/hub/space-address/not-hosted", test_not_hosted);
  return g_test_run ();
}
