/* test-card-merge.c — merging the user's card with the one on the Hub
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-card-merge.h"
#include "vitrine-error.h"

static const char *base_card =
  "---\n"
  "# Kept as written\n"
  "license: mit\n"
  "pipeline_tag: text-classification\n"
  "tags:\n"
  "- a\n"
  "---\n"
  "# Model\n"
  "\n"
  "Text.\n";

/* Merges, expecting success, and checks the conflicts (NULL-terminated). */
static char *
merge (const char  *base,
       const char  *mine,
       const char  *theirs,
       const char **expected_conflicts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  char *merged = vitrine_card_merge (base, mine, theirs, &conflicts, &error);

  g_assert_no_error (error);
  g_assert_nonnull (merged);
  g_assert_nonnull (conflicts);
  g_assert_cmpuint (conflicts->len, ==,
                    expected_conflicts != NULL ? g_strv_length ((char **) expected_conflicts) : 0);
  for (guint i = 0; i < conflicts->len; i++)
    g_assert_cmpstr (g_ptr_array_index (conflicts, i), ==, expected_conflicts[i]);
  return merged;
}

static void
test_merge_both_kept (void)
{
  const char *mine =
    "---\n# Kept as written\nlicense: mit\n"
    "pipeline_tag: text-classification\ntags:\n- a\n- b\n---\n"
    "# Model\n\nText.\n";
  const char *theirs =
    "---\n# Kept as written\nlicense: apache-2.0\n"
    "pipeline_tag: text-classification\ntags:\n- a\n---\n"
    "# Model\n\nText.\n";
  g_autofree char *merged = merge (base_card, mine, theirs, NULL);

  /* Their license, my tags, my comment and body. */
  g_assert_cmpstr (merged, ==,
                   "---\n# Kept as written\nlicense: apache-2.0\n"
                   "pipeline_tag: text-classification\ntags:\n- a\n- b\n---\n"
                   "# Model\n\nText.\n");
}

static void
test_merge_conflict (void)
{
  const char *mine =
    "---\n# Kept as written\nlicense: gpl-3.0\n"
    "pipeline_tag: text-classification\ntags:\n- a\n---\n"
    "# Model\n\nText.\n";
  const char *theirs =
    "---\n# Kept as written\nlicense: apache-2.0\n"
    "pipeline_tag: text-classification\ntags:\n- a\n---\n"
    "# Model\n\nText.\n";
  const char *same_change =
    "---\n# Kept as written\nlicense: gpl-3.0\n"
    "pipeline_tag: text-classification\ntags:\n- a\n---\n"
    "# Model\n\nText.\n";
  const char *conflicts[] = { "license", NULL };
  g_autofree char *merged = merge (base_card, mine, theirs, conflicts);
  g_autofree char *agreed = merge (base_card, mine, same_change, NULL);

  g_assert_cmpstr (merged, ==, mine);
  /* The same change on both sides is no conflict. */
  g_assert_cmpstr (agreed, ==, mine);
}

static void
test_merge_body (void)
{
  const char *mine =
    "---\n# Kept as written\nlicense: mit\n"
    "pipeline_tag: text-classification\ntags:\n- a\n- mine\n---\n"
    "# Model\n\nText.\n";
  const char *theirs =
    "---\n# Kept as written\nlicense: mit\n"
    "pipeline_tag: text-classification\ntags:\n- a\n---\n"
    "# Model\n\nBetter text, written on the Hub.\n";
  const char *mine_body =
    "---\n# Kept as written\nlicense: mit\n"
    "pipeline_tag: text-classification\ntags:\n- a\n---\n"
    "# Model\n\nMy text.\n";
  const char *conflicts[] = { "body", NULL };
  g_autofree char *merged = merge (base_card, mine, theirs, NULL);
  g_autofree char *both = merge (base_card, mine_body, theirs, conflicts);
  g_autofree char *mine_only = merge (base_card, mine_body, base_card, NULL);

  g_assert_cmpstr (merged, ==,
                   "---\n# Kept as written\nlicense: mit\n"
                   "pipeline_tag: text-classification\ntags:\n- a\n- mine\n---\n"
                   "# Model\n\nBetter text, written on the Hub.\n");
  g_assert_cmpstr (both, ==, mine_body);
  g_assert_cmpstr (mine_only, ==, mine_body);
}

static void
test_merge_without_base (void)
{
  const char *mine = "---\nlicense: mit\n---\nMine.\n";
  const char *theirs = "---\nlicense: mit\ndatasets:\n- imdb\n---\nTheirs.\n";
  const char *theirs_license = "---\nlicense: apache-2.0\n---\n";
  const char *conflicts[] = { "body", NULL };
  const char *license_conflict[] = { "license", NULL };
  g_autofree char *merged = merge (NULL, mine, theirs, conflicts);
  g_autofree char *nothing_there = merge (NULL, mine, NULL, NULL);
  g_autofree char *empty_body = merge (NULL, "---\nlicense: mit\n---\n", "# From the Hub\n", NULL);
  g_autofree char *both_added = merge (NULL, mine, theirs_license, license_conflict);

  /* With no card then, what both have and differ on is a conflict, and
   * what only the Hub has is added. */
  g_assert_cmpstr (merged, ==, "---\nlicense: mit\ndatasets:\n- imdb\n---\nMine.\n");
  g_assert_cmpstr (nothing_there, ==, mine);
  g_assert_cmpstr (empty_body, ==, "---\nlicense: mit\n---\n# From the Hub\n");
  g_assert_cmpstr (both_added, ==, mine);
}

static void
test_merge_removed (void)
{
  const char *mine =
    "---\n# Kept as written\nlicense: mit\n"
    "pipeline_tag: text-classification\ntags:\n- a\n- b\n---\n"
    "# Model\n\nText.\n";
  const char *theirs =
    "---\n# Kept as written\nlicense: mit\ntags:\n- a\n---\n"
    "# Model\n\nText.\n";
  const char *mine_removed_tags =
    "---\n# Kept as written\nlicense: mit\n"
    "pipeline_tag: text-classification\n---\n"
    "# Model\n\nText.\n";
  const char *theirs_changed_tags =
    "---\n# Kept as written\nlicense: mit\n"
    "pipeline_tag: text-classification\ntags:\n- z\n---\n"
    "# Model\n\nText.\n";
  const char *conflicts[] = { "tags", NULL };
  g_autofree char *merged = merge (base_card, mine, theirs, NULL);
  g_autofree char *both = merge (base_card, mine_removed_tags, theirs_changed_tags, conflicts);
  g_autofree char *both_removed = merge (base_card, mine_removed_tags, mine_removed_tags, NULL);

  /* Removed on the Hub, untouched here: removed. */
  g_assert_cmpstr (merged, ==,
                   "---\n# Kept as written\nlicense: mit\ntags:\n- a\n- b\n---\n"
                   "# Model\n\nText.\n");
  /* Removed here, changed there: a conflict, and it stays removed. */
  g_assert_cmpstr (both, ==, mine_removed_tags);
  g_assert_cmpstr (both_removed, ==, mine_removed_tags);
}

static void
test_merge_added_and_order (void)
{
  const char *base = "---\nlicense: mit\ntags:\n- a\n---\nBody\n";
  const char *mine = "---\nlicense: mit\ntags:\n- a\nlanguage:\n- en\n---\nBody\n";
  /* The Hub reordered its keys, changed one and added two. */
  const char *theirs =
    "---\nthumbnail: t.png\ntags:\n- b\nlicense: mit\nmetrics:\n  runs: 3\n---\nBody\n";
  g_autofree char *merged = merge (base, mine, theirs, NULL);

  /* My order; the keys only the Hub has go where such keys usually sit
   * (metrics before tags), others at the end, written as the Hub wrote
   * them. */
  g_assert_cmpstr (merged, ==,
                   "---\nlicense: mit\nmetrics:\n  runs: 3\ntags:\n- b\nlanguage:\n- en\n"
                   "thumbnail: t.png\n---\nBody\n");
}

/* Their lines come over as written, unless they lean on an anchor that
 * only their card has. */
static void
test_merge_keeps_their_formatting (void)
{
  const char *base = "---\nlicense: mit\ntags: [a]\n---\nBody\n";
  const char *mine = "---\nlicense: apache-2.0\ntags: [a]\n---\nBody\n";
  const char *theirs = "---\nlicense: mit\ncommon: &c [x, y]\ntags: [a, b]  # two now\nextra: *c\n---\nBody\n";
  g_autofree char *merged = merge (base, mine, theirs, NULL);

  g_assert_cmpstr (merged, ==,
                   "---\nlicense: apache-2.0\ntags: [a, b]  # two now\ncommon: &c [x, y]\nextra: *c\n---\nBody\n");
}

static void
test_merge_without_front_matter (void)
{
  const char *base = "# Model\n";
  const char *theirs = "---\nlicense: mit\n---\n# Model\n";
  g_autofree char *merged = merge (base, "# My model\n", theirs, NULL);

  g_assert_cmpstr (merged, ==, "---\nlicense: mit\n---\n# My model\n");
}

static void
test_merge_refused (void)
{
  const char *good = "---\nlicense: mit\n---\nBody\n";
  const char *broken = "---\nlicense: [mit\n---\nBody\n";
  const char *cases[][3] = {
    { broken, good, good },
    { good, broken, good },
    { good, good, broken },
    { good, good, "---\nlicense: \xff\n---\n" },
    { good, good, "---\n- a list\n- not a mapping\n---\nBody\n" },
    /* Mine must be edited, and its front matter is on one line. */
    { good, "---\n{license: mit}\n---\nBody\n", "---\nlicense: apache-2.0\n---\nBody\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) before = g_ptr_array_new ();
      GPtrArray *conflicts = before;
      char *merged = vitrine_card_merge (cases[i][0], cases[i][1], cases[i][2], &conflicts, &error);

      g_assert_null (merged);
      g_assert_error (error, VITRINE_ERROR, VITRINE_ERROR_INVALID_ARGUMENT);
      g_assert_null (conflicts);
    }

  /* The YAML error says where. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (vitrine_card_merge (good, good, broken, NULL, &error));
    g_assert_nonnull (strstr (error->message, "line"));
  }
}

static void
test_merge_no_conflicts_wanted (void)
{
  g_autofree char *merged = vitrine_card_merge (base_card, base_card, base_card, NULL, NULL);

  g_assert_cmpstr (merged, ==, base_card);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/card-merge/keeps-their-formatting", test_merge_keeps_their_formatting);
  g_test_add_func ("/hub/card-merge/both-kept", test_merge_both_kept);
  g_test_add_func ("/hub/card-merge/conflict", test_merge_conflict);
  g_test_add_func ("/hub/card-merge/body", test_merge_body);
  g_test_add_func ("/hub/card-merge/without-base", test_merge_without_base);
  g_test_add_func ("/hub/card-merge/removed", test_merge_removed);
  g_test_add_func ("/hub/card-merge/added-and-order", test_merge_added_and_order);
  g_test_add_func ("/hub/card-merge/without-front-matter", test_merge_without_front_matter);
  g_test_add_func ("/hub/card-merge/refused", test_merge_refused);
  g_test_add_func ("/hub/card-merge/no-conflicts-wanted", test_merge_no_conflicts_wanted);

  return g_test_run ();
}
