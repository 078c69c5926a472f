/* test-ignore.c — which files of a folder stay out of a publish
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vitrine-ignore.h"

typedef struct
{
  const char *path;
  gboolean    is_dir;
  gboolean    ignored;
  const char *rule;     /* NULL: no rule decided */
} Case;

static void
check_cases (VitrineIgnore *ignore,
             const Case    *cases,
             gsize          n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      const char *rule = (const char *) 0x1;
      gboolean ignored = vitrine_ignore_match (ignore, cases[i].path, cases[i].is_dir, &rule);

      if (ignored != cases[i].ignored)
        g_error ("“%s”%s should %sbe ignored (rule: %s)", cases[i].path,
                 cases[i].is_dir ? " (folder)" : "", cases[i].ignored ? "" : "not ",
                 rule != NULL ? rule : "none");
      g_assert_cmpstr (rule, ==, cases[i].rule);

      /* The rule is optional. */
      g_assert_cmpint (vitrine_ignore_match (ignore, cases[i].path, cases[i].is_dir, NULL),
                       ==, ignored);
    }
}

static VitrineIgnore *
ignore_with (const char *gitignore)
{
  VitrineIgnore *ignore = vitrine_ignore_new ();

  vitrine_ignore_add_gitignore (ignore, gitignore);
  return ignore;
}

static void
test_ignore_defaults (void)
{
  g_autoptr(VitrineIgnore) ignore = vitrine_ignore_new ();
  const Case cases[] = {
    { "README.md", FALSE, FALSE, NULL },
    { "weights/model.safetensors", FALSE, FALSE, NULL },
    { ".git", TRUE, TRUE, "default: .git" },
    /* Submodules and worktrees have a .git file. */
    { "sub/.git", FALSE, TRUE, "default: .git" },
    { ".git/config", FALSE, TRUE, "default: .git" },
    { "sub/.git/objects/ab/cdef", FALSE, TRUE, "default: .git" },
    { ".gitattributes", FALSE, FALSE, NULL },
    { ".gitignore", FALSE, FALSE, NULL },
    { ".hg/store", FALSE, TRUE, "default: .hg/" },
    { ".svn", TRUE, TRUE, "default: .svn/" },
    { ".cache/huggingface/x", FALSE, TRUE, "default: .cache/" },
    { "src/__pycache__", TRUE, TRUE, "default: __pycache__/" },
    { "src/__pycache__/m.cpython-311.pyc", FALSE, TRUE, "default: __pycache__/" },
    { "m.pyc", FALSE, TRUE, "default: *.pyc" },
    { "a/b/m.pyc", FALSE, TRUE, "default: *.pyc" },
    { "m.py", FALSE, FALSE, NULL },
    { "nb/.ipynb_checkpoints/x.ipynb", FALSE, TRUE, "default: .ipynb_checkpoints/" },
    { ".DS_Store", FALSE, TRUE, "default: .DS_Store" },
    { "photos/.DS_Store", FALSE, TRUE, "default: .DS_Store" },
    { "photos/Thumbs.db", FALSE, TRUE, "default: Thumbs.db" },
    { "notes.txt~", FALSE, TRUE, "default: *~" },
    { ".notes.txt.swp", FALSE, TRUE, "default: *.swp" },
    { ".notes.txt.swo", FALSE, TRUE, "default: *.swo" },
    { ".#notes.txt", FALSE, TRUE, "default: .#*" },
    { ".vitrine", TRUE, TRUE, "default: .vitrine/" },
    { ".vitrine/state.json", FALSE, TRUE, "default: .vitrine/" },
    /* Folder-only defaults leave files of the same name alone. */
    { ".cache", FALSE, FALSE, NULL },
  };

  check_cases (ignore, cases, G_N_ELEMENTS (cases));
}

static void
test_ignore_defaults_stay (void)
{
  g_autoptr(VitrineIgnore) ignore = ignore_with ("!.git/\n!*.pyc\n!__pycache__/\n!.DS_Store\n");
  const Case cases[] = {
    { ".git/config", FALSE, TRUE, "default: .git" },
    { "m.pyc", FALSE, TRUE, "default: *.pyc" },
    { "__pycache__/m.pyc", FALSE, TRUE, "default: __pycache__/" },
    { ".DS_Store", FALSE, TRUE, "default: .DS_Store" },
  };

  vitrine_ignore_add_exclude (ignore, "!*.pyc");
  vitrine_ignore_add_include (ignore, "*.pyc");
  vitrine_ignore_add_include (ignore, ".DS_Store");
  check_cases (ignore, cases, G_N_ELEMENTS (cases));
}

static void
test_ignore_syntax (void)
{
  g_autoptr(VitrineIgnore) ignore = ignore_with ("# a comment\n"
                                                 "\n"
                                                 "   \n"
                                                 "\\#hash\n"
                                                 "trailing   \n"
                                                 "space\\ \n"
                                                 "\\!bang\n"
                                                 "crlf\r\n"
                                                 "a+b(c)[x].txt\n"
                                                 "no-newline-at-end");
  const Case cases[] = {
    { "# a comment", FALSE, FALSE, NULL },
    { "#hash", FALSE, TRUE, "\\#hash" },
    { "trailing", FALSE, TRUE, "trailing" },
    { "trailing   ", FALSE, FALSE, NULL },
    { "space ", FALSE, TRUE, "space\\ " },
    { "space", FALSE, FALSE, NULL },
    { "!bang", FALSE, TRUE, "\\!bang" },
    { "bang", FALSE, FALSE, NULL },
    { "crlf", FALSE, TRUE, "crlf" },
    /* Regular-expression characters are nothing special; [x] is a class. */
    { "a+b(c)x.txt", FALSE, TRUE, "a+b(c)[x].txt" },
    { "aab(c)x.txt", FALSE, FALSE, NULL },
    { "a+b(c)[x].txt", FALSE, FALSE, NULL },
    { "no-newline-at-end", FALSE, TRUE, "no-newline-at-end" },
  };

  check_cases (ignore, cases, G_N_ELEMENTS (cases));
}

static void
test_ignore_wildcards (void)
{
  g_autoptr(VitrineIgnore) ignore = ignore_with ("*.log\n"
                                                 "/top*\n"
                                                 "file?.bin\n"
                                                 "ckpt-[0-9][!a-c].pt\n"
                                                 "run[[:digit:]]\n"
                                                 "tmp[\n"
                                                 "caf?.txt\n"
                                                 "**\\*literal\n");
  const Case cases[] = {
    { "train.log", FALSE, TRUE, "*.log" },
    { "logs/deep/train.log", FALSE, TRUE, "*.log" },
    { ".log", FALSE, TRUE, "*.log" },
    { "train.log.gz", FALSE, FALSE, NULL },
    /* `*` does not cross a slash. */
    { "top-level.txt", FALSE, TRUE, "/top*" },
    { "top/inner.txt", FALSE, TRUE, "/top*" },
    { "x/top-level.txt", FALSE, FALSE, NULL },
    { "file1.bin", FALSE, TRUE, "file?.bin" },
    { "file12.bin", FALSE, FALSE, NULL },
    { "file.bin", FALSE, FALSE, NULL },
    { "ckpt-3x.pt", FALSE, TRUE, "ckpt-[0-9][!a-c].pt" },
    { "ckpt-3b.pt", FALSE, FALSE, NULL },
    { "ckpt-xx.pt", FALSE, FALSE, NULL },
    { "run7", TRUE, TRUE, "run[[:digit:]]" },
    { "runx", TRUE, FALSE, NULL },
    /* An unclosed bracket is a plain character. */
    { "tmp[", FALSE, TRUE, "tmp[" },
    /* `?` is one character, not one byte. */
    { "café.txt", FALSE, TRUE, "caf?.txt" },
    { "*literal", FALSE, TRUE, "**\\*literal" },
    { "xliteral", FALSE, FALSE, NULL },
  };

  check_cases (ignore, cases, G_N_ELEMENTS (cases));
}

static void
test_ignore_negation (void)
{
  g_autoptr(VitrineIgnore) ignore = ignore_with ("*.bin\n"
                                                 "!keep.bin\n"
                                                 "*.tmp\n"
                                                 "!important.tmp\n"
                                                 "important.tmp\n");
  const Case cases[] = {
    { "a.bin", FALSE, TRUE, "*.bin" },
    { "keep.bin", FALSE, FALSE, "!keep.bin" },
    { "sub/keep.bin", FALSE, FALSE, "!keep.bin" },
    /* The last matching rule wins. */
    { "important.tmp", FALSE, TRUE, "important.tmp" },
    { "other.tmp", FALSE, TRUE, "*.tmp" },
  };

  check_cases (ignore, cases, G_N_ELEMENTS (cases));
}

static void
test_ignore_anchoring (void)
{
  g_autoptr(VitrineIgnore) ignore = ignore_with ("/build\n"
                                                 "doc/*.txt\n"
                                                 "dist\n"
                                                 "/only/here/\n");
  const Case cases[] = {
    { "build", TRUE, TRUE, "/build" },
    { "build", FALSE, TRUE, "/build" },
    { "build/out.o", FALSE, TRUE, "/build" },
    { "src/build", TRUE, FALSE, NULL },
    { "src/build/out.o", FALSE, FALSE, NULL },
    { "doc/a.txt", FALSE, TRUE, "doc/*.txt" },
    { "x/doc/a.txt", FALSE, FALSE, NULL },
    { "doc/sub/a.txt", FALSE, FALSE, NULL },
    /* No slash: any depth. */
    { "dist", FALSE, TRUE, "dist" },
    { "pkg/dist", TRUE, TRUE, "dist" },
    { "pkg/dist/wheel.whl", FALSE, TRUE, "dist" },
    { "only/here", TRUE, TRUE, "/only/here/" },
    { "only/here/x", FALSE, TRUE, "/only/here/" },
    { "only/here", FALSE, FALSE, NULL },
    { "x/only/here", TRUE, FALSE, NULL },
  };

  check_cases (ignore, cases, G_N_ELEMENTS (cases));
}

static void
test_ignore_dir_only (void)
{
  g_autoptr(VitrineIgnore) ignore = ignore_with ("logs/\nruns/*/\n");
  const Case cases[] = {
    { "logs", TRUE, TRUE, "logs/" },
    { "logs", FALSE, FALSE, NULL },
    { "logs/today.txt", FALSE, TRUE, "logs/" },
    { "a/b/logs", TRUE, TRUE, "logs/" },
    { "a/b/logs/x/y.txt", FALSE, TRUE, "logs/" },
    { "runs/1", TRUE, TRUE, "runs/*/" },
    { "runs/1/events", FALSE, TRUE, "runs/*/" },
    { "runs/summary.txt", FALSE, FALSE, NULL },
  };

  check_cases (ignore, cases, G_N_ELEMENTS (cases));
}

static void
test_ignore_double_star (void)
{
  g_autoptr(VitrineIgnore) ignore = ignore_with ("**/foo\n"
                                                 "**/bar/baz\n"
                                                 "abc/**\n"
                                                 "a/**/b\n"
                                                 "x/**/y/**/z.txt\n"
                                                 "/**/*.ckpt\n"
                                                 "w**d\n"
                                                 "***/deep\n"
                                                 "tree/***\n");
  const Case cases[] = {
    { "foo", FALSE, TRUE, "**/foo" },
    { "a/foo", TRUE, TRUE, "**/foo" },
    { "q/r/s/foo", FALSE, TRUE, "**/foo" },
    { "a/foo/in.txt", FALSE, TRUE, "**/foo" },
    { "afoo", FALSE, FALSE, NULL },
    { "bar/baz", FALSE, TRUE, "**/bar/baz" },
    { "x/bar/baz", FALSE, TRUE, "**/bar/baz" },
    { "x/bar/q/baz", FALSE, FALSE, NULL },
    /* Everything inside, not the folder itself. */
    { "abc", TRUE, FALSE, NULL },
    { "abc/x", FALSE, TRUE, "abc/**" },
    { "abc/x/y/z", FALSE, TRUE, "abc/**" },
    { "q/abc/x", FALSE, FALSE, NULL },
    /* Zero or more folders between. */
    { "a/b", FALSE, TRUE, "a/**/b" },
    { "a/x/b", FALSE, TRUE, "a/**/b" },
    { "a/x/y/b", FALSE, TRUE, "a/**/b" },
    { "xa/b", FALSE, FALSE, NULL },
    { "a/bb", FALSE, FALSE, NULL },
    { "x/y/z.txt", FALSE, TRUE, "x/**/y/**/z.txt" },
    { "x/1/2/y/3/z.txt", FALSE, TRUE, "x/**/y/**/z.txt" },
    { "x/1/2/y/3/w.txt", FALSE, FALSE, NULL },
    { "m.ckpt", FALSE, TRUE, "/**/*.ckpt" },
    { "d/e/m.ckpt", FALSE, TRUE, "/**/*.ckpt" },
    /* More stars alone in a component are `**` too. */
    { "deep", FALSE, TRUE, "***/deep" },
    { "p/q/deep", FALSE, TRUE, "***/deep" },
    { "tree", TRUE, FALSE, NULL },
    { "tree/p/q", FALSE, TRUE, "tree/***" },
    /* Elsewhere, `**` is a plain star. */
    { "wood", FALSE, TRUE, "w**d" },
    { "w/d", FALSE, FALSE, NULL },
  };

  check_cases (ignore, cases, G_N_ELEMENTS (cases));
}

static void
test_ignore_inside_ignored_folder (void)
{
  g_autoptr(VitrineIgnore) ignore = ignore_with ("build/\n"
                                                 "!build/keep.txt\n"
                                                 "out/*\n"
                                                 "!out/keep.txt\n"
                                                 "cache\n"
                                                 "!cache/*.json\n");
  const Case cases[] = {
    /* A file cannot come back from inside an ignored folder. */
    { "build/keep.txt", FALSE, TRUE, "build/" },
    { "build/deep/er/file", FALSE, TRUE, "build/" },
    { "out", TRUE, FALSE, NULL },
    { "out/other.txt", FALSE, TRUE, "out/*" },
    { "out/keep.txt", FALSE, FALSE, "!out/keep.txt" },
    { "cache/a.json", FALSE, TRUE, "cache" },
  };

  check_cases (ignore, cases, G_N_ELEMENTS (cases));
}

static void
test_ignore_excludes (void)
{
  g_autoptr(VitrineIgnore) ignore = vitrine_ignore_new ();
  const Case cases[] = {
    { "a.tmp", FALSE, TRUE, "--exclude *.tmp" },
    { "d/a.tmp", FALSE, TRUE, "--exclude *.tmp" },
    /* Excludes win over .gitignore, even one added after them. */
    { "keep.bin", FALSE, TRUE, "--exclude keep.bin" },
    { "other.bin", FALSE, TRUE, "*.bin" },
    { "logs", TRUE, FALSE, "--exclude !logs/" },
    { "logs/x", FALSE, FALSE, NULL },
    { "scratch", TRUE, TRUE, "--exclude /scratch/" },
    { "scratch/x", FALSE, TRUE, "--exclude /scratch/" },
    { "#notes", FALSE, TRUE, "--exclude #notes" },
    { "README.md", FALSE, FALSE, NULL },
  };

  vitrine_ignore_add_exclude (ignore, "*.tmp");
  vitrine_ignore_add_exclude (ignore, "keep.bin");
  vitrine_ignore_add_exclude (ignore, "!logs/");
  vitrine_ignore_add_exclude (ignore, "/scratch/");
  vitrine_ignore_add_exclude (ignore, "#notes");
  vitrine_ignore_add_gitignore (ignore, "*.bin\n!keep.bin\nlogs/\n");
  check_cases (ignore, cases, G_N_ELEMENTS (cases));
}

static void
test_ignore_includes (void)
{
  g_autoptr(VitrineIgnore) ignore = ignore_with ("big.safetensors\n");
  const Case cases[] = {
    { "model.safetensors", FALSE, FALSE, NULL },
    { "sub/model.safetensors", FALSE, FALSE, NULL },
    { "config.json", FALSE, FALSE, NULL },
    { "sub/config.json", FALSE, TRUE, "not in --include" },
    { "README.md", FALSE, TRUE, "not in --include" },
    { "tokenizer/vocab.txt", FALSE, FALSE, NULL },
    { "tokenizer/deep/merges.txt", FALSE, FALSE, NULL },
    /* Folders stay, so that a walk goes on into them. */
    { "sub", TRUE, FALSE, NULL },
    { "other", TRUE, FALSE, NULL },
    /* Includes bring back neither ignored files nor defaults. */
    { "big.safetensors", FALSE, TRUE, "big.safetensors" },
    { "m.pyc", FALSE, TRUE, "default: *.pyc" },
    { "x.tmp", FALSE, TRUE, "--exclude *.tmp" },
  };

  vitrine_ignore_add_include (ignore, "*.safetensors");
  vitrine_ignore_add_include (ignore, "/config.json");
  vitrine_ignore_add_include (ignore, "tokenizer/");
  vitrine_ignore_add_include (ignore, "*.pyc");
  vitrine_ignore_add_include (ignore, "*.tmp");
  vitrine_ignore_add_exclude (ignore, "*.tmp");
  check_cases (ignore, cases, G_N_ELEMENTS (cases));
}

static void
test_ignore_odd_input (void)
{
  g_autoptr(VitrineIgnore) ignore = vitrine_ignore_new ();
  g_autofree char *huge = g_strnfill (VITRINE_IGNORE_MAX_PATTERN_LENGTH + 1, 'x');
  g_autofree char *longest = g_strnfill (VITRINE_IGNORE_MAX_PATTERN_LENGTH, 'y');
  g_autoptr(GString) stars = g_string_new (NULL);
  g_autofree char *name = g_strnfill (4000, 'a');
  g_autoptr(GString) many = g_string_new (NULL);
  const char *rule = NULL;

  /* Patterns that match nothing, or are too long, are skipped. */
  vitrine_ignore_add_gitignore (ignore, "!\n/\n//\n!/\n");
  vitrine_ignore_add_exclude (ignore, "");
  vitrine_ignore_add_exclude (ignore, huge);
  vitrine_ignore_add_exclude (ignore, longest);
  g_assert_false (vitrine_ignore_match (ignore, huge, FALSE, &rule));
  g_assert_null (rule);
  g_assert_true (vitrine_ignore_match (ignore, longest, FALSE, NULL));

  /* Paths with empty components, or none. */
  g_assert_false (vitrine_ignore_match (ignore, "", FALSE, NULL));
  g_assert_false (vitrine_ignore_match (ignore, "/", TRUE, NULL));
  g_assert_true (vitrine_ignore_match (ignore, "a//.git/config", FALSE, NULL));

  /* Invalid UTF-8 in names and patterns. */
  vitrine_ignore_add_gitignore (ignore, "\xff\xfe?\n");
  g_assert_true (vitrine_ignore_match (ignore, "\xff\xfe\xc3", FALSE, NULL));
  g_assert_false (vitrine_ignore_match (ignore, "\xff\xfe", FALSE, NULL));

  /* Many stars against a long name that just fails stay quick. */
  for (guint i = 0; i < 200; i++)
    g_string_append (stars, "*a");
  g_string_append (stars, "*b");
  vitrine_ignore_add_exclude (ignore, stars->str);
  g_assert_false (vitrine_ignore_match (ignore, name, FALSE, NULL));

  /* Rules beyond the limit are skipped, not kept. */
  for (guint i = 0; i < VITRINE_IGNORE_MAX_RULES + 5; i++)
    g_string_append_printf (many, "r%u\n", i);
  vitrine_ignore_add_gitignore (ignore, many->str);
  g_assert_true (vitrine_ignore_match (ignore, "r0", FALSE, NULL));
  g_assert_false (vitrine_ignore_match (ignore, "r10004", FALSE, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub/ignore/defaults", test_ignore_defaults);
  g_test_add_func ("/hub/ignore/defaults-stay", test_ignore_defaults_stay);
  g_test_add_func ("/hub/ignore/syntax", test_ignore_syntax);
  g_test_add_func ("/hub/ignore/wildcards", test_ignore_wildcards);
  g_test_add_func ("/hub/ignore/negation", test_ignore_negation);
  g_test_add_func ("/hub/ignore/anchoring", test_ignore_anchoring);
  g_test_add_func ("/hub/ignore/dir-only", test_ignore_dir_only);
  g_test_add_func ("/hub/ignore/double-star", test_ignore_double_star);
  g_test_add_func ("/hub/ignore/inside-ignored-folder", test_ignore_inside_ignored_folder);
  g_test_add_func ("/hub/ignore/excludes", test_ignore_excludes);
  g_test_add_func ("/hub/ignore/includes", test_ignore_includes);
  g_test_add_func ("/hub/ignore/odd-input", test_ignore_odd_input);

  return g_test_run ();
}
