/* vitrine-ignore.c — which files of a folder stay out of a publish
 *
 * Rules follow the .gitignore syntax.  Each pattern is split at its
 * slashes into components, matched one by one against the components of a
 * path: `**` as a whole component stands for any number of folders, and
 * inside a component `*`, `?` and `[...]` never cross a slash.  Both levels
 * use the classic backtracking wildcard loop, which only ever returns to the
 * last star, so matching stays polynomial whatever the pattern.
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
  VitrineIgnoreRule info; /* what vitrine_ignore_match_rule() reports */
  char     *pattern;
  char     *text;       /* what vitrine_ignore_match() reports */
  char    **parts;      /* components of the pattern, "**" for any folders */
  guint     n_parts;
  gboolean  negated;
  gboolean  dir_only;
  gboolean  anchored;   /* otherwise one component, matched at any depth */
} Rule;

struct _VitrineIgnore
{
  GPtrArray *defaults;
  GPtrArray *gitignore;
  GPtrArray *excludes;
  GPtrArray *includes;
};

/* Left out of every publish; a .gitignore cannot bring them back. */
static const char * const default_patterns[] = {
  /* A folder, or the file submodules and worktrees put in its place. */
  ".git",
  ".hg/",
  ".svn/",
  ".cache/",
  "__pycache__/",
  "*.pyc",
  ".ipynb_checkpoints/",
  ".DS_Store",
  "Thumbs.db",
  "*~",
  "*.swp",
  "*.swo",
  ".#*",
  ".vitrine/",
};

static const char not_included[] = "not in --include";
static const VitrineIgnoreRule not_included_rule = { VITRINE_IGNORE_SOURCE_INCLUDE, 0, NULL, FALSE };

static void
rule_free (gpointer data)
{
  Rule *rule = data;

  g_free (rule->text);
  g_free (rule->pattern);
  g_strfreev (rule->parts);
  g_free (rule);
}

/* Reads the character at @s: a UTF-8 sequence, or a single byte of
 * anything else, given a code above the Unicode range so that no valid
 * character equals it.  Returns its length in bytes. */
static gsize
char_at (const char *s,
         gunichar   *c)
{
  gunichar u = g_utf8_get_char_validated (s, -1);

  if (u == (gunichar) -1 || u == (gunichar) -2)
    {
      *c = 0x110000 + (guchar) *s;
      return 1;
    }
  *c = u;
  return g_utf8_next_char (s) - s;
}

static gboolean
class_has (const char *name,
           gsize       len,
           gunichar    c,
           gboolean   *known)
{
  *known = TRUE;

#define IS(n) (len == strlen (n) && strncmp (name, n, len) == 0)
  if (IS ("alnum"))
    return g_unichar_isalnum (c);
  if (IS ("alpha"))
    return g_unichar_isalpha (c);
  if (IS ("blank"))
    return c == ' ' || c == '\t';
  if (IS ("cntrl"))
    return g_unichar_iscntrl (c);
  if (IS ("digit"))
    return c < 128 && g_ascii_isdigit (c);
  if (IS ("graph"))
    return g_unichar_isgraph (c);
  if (IS ("lower"))
    return g_unichar_islower (c);
  if (IS ("print"))
    return g_unichar_isprint (c);
  if (IS ("punct"))
    return g_unichar_ispunct (c);
  if (IS ("space"))
    return g_unichar_isspace (c);
  if (IS ("upper"))
    return g_unichar_isupper (c);
  if (IS ("xdigit"))
    return c < 128 && g_ascii_isxdigit (c);
#undef IS

  *known = FALSE;
  return FALSE;
}

/* Matches @c against the bracket expression at @p (which starts with '[').
 * Returns FALSE when there is no closing ']': the '[' is then literal. */
static gboolean
match_class (const char *p,
             gunichar    c,
             gboolean   *matched,
             gsize      *consumed)
{
  const char *q = p + 1;
  gboolean negate = FALSE;
  gboolean found = FALSE;
  gboolean first = TRUE;

  if (*q == '!' || *q == '^')
    {
      negate = TRUE;
      q++;
    }

  for (;;)
    {
      gunichar lo, hi;

      if (*q == '\0')
        return FALSE;
      if (*q == ']' && !first)
        break;
      first = FALSE;

      if (q[0] == '[' && q[1] == ':')
        {
          const char *end = strstr (q + 2, ":]");

          if (end != NULL)
            {
              gboolean known;
              gboolean has = class_has (q + 2, end - (q + 2), c, &known);

              if (known)
                {
                  found |= has;
                  q = end + 2;
                  continue;
                }
            }
        }

      if (q[0] == '\\' && q[1] != '\0')
        q++;
      q += char_at (q, &lo);
      hi = lo;
      if (q[0] == '-' && q[1] != ']' && q[1] != '\0')
        {
          q++;
          if (q[0] == '\\' && q[1] != '\0')
            q++;
          q += char_at (q, &hi);
        }
      if (lo <= c && c <= hi)
        found = TRUE;
    }

  *matched = found != negate;
  *consumed = q + 1 - p;
  return TRUE;
}

/* Matches one character of @s against the pattern item at @p, which is not
 * a star.  Sets how far each side moves on. */
static gboolean
match_one (const char *p,
           const char *s,
           gsize      *p_len,
           gsize      *s_len)
{
  gunichar sc, pc;
  gboolean matched;

  *s_len = char_at (s, &sc);

  if (*p == '?')
    {
      *p_len = 1;
      return TRUE;
    }
  if (*p == '[' && match_class (p, sc, &matched, p_len))
    return matched;
  if (p[0] == '\\' && p[1] != '\0')
    {
      *p_len = 1 + char_at (p + 1, &pc);
      return pc == sc;
    }
  *p_len = char_at (p, &pc);
  return pc == sc;
}

/* Matches one path component against one pattern component. */
static gboolean
match_segment (const char *pattern,
               const char *name)
{
  const char *p = pattern;
  const char *s = name;
  const char *star_p = NULL;
  const char *star_s = NULL;

  while (*s != '\0')
    {
      gsize p_len, s_len;

      if (*p == '*')
        {
          while (*p == '*')
            p++;
          star_p = p;
          star_s = s;
          continue;
        }
      if (*p != '\0' && match_one (p, s, &p_len, &s_len))
        {
          p += p_len;
          s += s_len;
          continue;
        }
      if (star_p == NULL)
        return FALSE;

      /* Let the last star take one more character, and try again. */
      {
        gunichar ignored;

        star_s += char_at (star_s, &ignored);
      }
      p = star_p;
      s = star_s;
    }

  while (*p == '*')
    p++;
  return *p == '\0';
}

/* A component of two or more stars alone: any number of folders. */
static gboolean
is_any_dirs (const char *part)
{
  return part[0] == '*' && part[1] == '*' && part[strspn (part, "*")] == '\0';
}

/* The same loop as match_segment(), one level up: `**` components are the
 * stars, every other component matches exactly one path component. */
static gboolean
match_parts (char  **parts,
             guint   n_parts,
             char  **comps,
             guint   n_comps)
{
  guint p = 0;
  guint c = 0;
  gboolean starred = FALSE;
  guint star_p = 0;
  guint star_c = 0;

  while (c < n_comps)
    {
      if (p < n_parts && is_any_dirs (parts[p]))
        {
          starred = TRUE;
          star_p = ++p;
          star_c = c;
          continue;
        }
      if (p < n_parts && match_segment (parts[p], comps[c]))
        {
          p++;
          c++;
          continue;
        }
      if (!starred)
        return FALSE;
      p = star_p;
      c = ++star_c;
    }

  while (p < n_parts && is_any_dirs (parts[p]))
    p++;
  return p == n_parts;
}

static gboolean
rule_matches (const Rule  *rule,
              char       **comps,
              guint        n_comps,
              gboolean     is_dir)
{
  if (rule->dir_only && !is_dir)
    return FALSE;
  if (!rule->anchored)
    return match_segment (rule->parts[0], comps[n_comps - 1]);
  return match_parts (rule->parts, rule->n_parts, comps, n_comps);
}

static const Rule *
first_match (GPtrArray  *rules,
             char      **comps,
             guint       n_comps,
             gboolean    is_dir)
{
  for (guint i = 0; i < rules->len; i++)
    if (rule_matches (g_ptr_array_index (rules, i), comps, n_comps, is_dir))
      return g_ptr_array_index (rules, i);
  return NULL;
}

static const Rule *
last_match (GPtrArray  *rules,
            char      **comps,
            guint       n_comps,
            gboolean    is_dir)
{
  for (guint i = rules->len; i-- > 0;)
    if (rule_matches (g_ptr_array_index (rules, i), comps, n_comps, is_dir))
      return g_ptr_array_index (rules, i);
  return NULL;
}

/* Parses one pattern of @len bytes at @line.  @shown_prefix goes before the
 * pattern in the rule's text.  Returns NULL for blank lines, comments (when
 * @comments) and patterns that are too long or match nothing. */
static Rule *
rule_parse (const char *line,
            gsize       len,
            const char *shown_prefix,
            gboolean    comments)
{
  g_autofree char *body = NULL;
  g_auto(GStrv) split = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  Rule *rule;
  char *p;
  gsize n;

  if (len > 0 && line[len - 1] == '\r')
    len--;

  /* Trailing spaces go, unless the last one is escaped by a backslash. */
  while (len > 0 && line[len - 1] == ' ')
    {
      gsize backslashes = 0;

      while (backslashes < len - 1 && line[len - 2 - backslashes] == '\\')
        backslashes++;
      if (backslashes % 2 == 1)
        break;
      len--;
    }

  if (len == 0 || len > VITRINE_IGNORE_MAX_PATTERN_LENGTH)
    return NULL;
  if (comments && line[0] == '#')
    return NULL;
  if (memchr (line, '\0', len) != NULL)
    return NULL;

  rule = g_new0 (Rule, 1);
  body = g_strndup (line, len);
  rule->text = g_strconcat (shown_prefix, body, NULL);
  rule->pattern = g_strdup (body);
  rule->info.pattern = rule->pattern;

  p = body;
  if (*p == '!')
    {
      rule->negated = TRUE;
      rule->info.negated = TRUE;
      p++;
    }

  n = strlen (p);
  while (n > 0 && p[n - 1] == '/')
    {
      rule->dir_only = TRUE;
      p[--n] = '\0';
    }
  if (*p == '/')
    {
      rule->anchored = TRUE;
      while (*p == '/')
        p++;
    }
  if (strchr (p, '/') != NULL)
    rule->anchored = TRUE;

  parts = g_ptr_array_new_with_free_func (g_free);
  split = g_strsplit (p, "/", -1);
  for (guint i = 0; split[i] != NULL; i++)
    {
      if (split[i][0] == '\0')
        continue;
      /* Several `**` in a row say no more than one. */
      if (is_any_dirs (split[i]) && parts->len > 0
          && is_any_dirs (g_ptr_array_index (parts, parts->len - 1)))
        continue;
      g_ptr_array_add (parts, g_strdup (split[i]));
    }

  if (parts->len == 0)
    {
      rule_free (rule);
      return NULL;
    }

  /* A trailing `**` component is everything inside, not the folder itself:
   * it needs at least one more component. */
  if (rule->anchored && is_any_dirs (g_ptr_array_index (parts, parts->len - 1)))
    g_ptr_array_insert (parts, parts->len - 1, g_strdup ("*"));

  rule->n_parts = parts->len;
  g_ptr_array_add (parts, NULL);
  rule->parts = (char **) g_ptr_array_free (g_steal_pointer (&parts), FALSE);
  return rule;
}

/* Returns FALSE once @rules is full. */
static gboolean
add_rule (GPtrArray           *rules,
          const char          *line,
          gsize                len,
          const char          *shown_prefix,
          gboolean             comments,
          VitrineIgnoreSource  source,
          guint                line_number)
{
  Rule *rule;

  if (rules->len >= VITRINE_IGNORE_MAX_RULES)
    {
      g_debug ("More than %d ignore rules, skipping the rest", VITRINE_IGNORE_MAX_RULES);
      return FALSE;
    }

  rule = rule_parse (line, len, shown_prefix, comments);
  if (rule != NULL)
    {
      rule->info.source = source;
      rule->info.line = line_number;
      g_ptr_array_add (rules, rule);
    }
  return TRUE;
}

/**
 * vitrine_ignore_new:
 *
 * Creates a set of ignore rules holding the defaults: version control and
 * editor droppings, Python caches, `.cache/` and `.vitrine/`.
 *
 * Returns: (transfer full): the rules, free with vitrine_ignore_free()
 */
VitrineIgnore *
vitrine_ignore_new (void)
{
  VitrineIgnore *self = g_new0 (VitrineIgnore, 1);

  self->defaults = g_ptr_array_new_with_free_func (rule_free);
  self->gitignore = g_ptr_array_new_with_free_func (rule_free);
  self->excludes = g_ptr_array_new_with_free_func (rule_free);
  self->includes = g_ptr_array_new_with_free_func (rule_free);

  for (guint i = 0; i < G_N_ELEMENTS (default_patterns); i++)
    add_rule (self->defaults, default_patterns[i], strlen (default_patterns[i]),
              "default: ", FALSE, VITRINE_IGNORE_SOURCE_DEFAULT, 0);

  return self;
}

/**
 * vitrine_ignore_add_gitignore:
 * @self: the rules
 * @text: the content of a `.gitignore` at the root of the folder
 *
 * Adds every rule of @text, after those already added.  Blank lines and
 * lines starting with `#` are skipped, as are lines longer than
 * %VITRINE_IGNORE_MAX_PATTERN_LENGTH.
 */
void
vitrine_ignore_add_gitignore (VitrineIgnore *self,
                              const char    *text)
{
  const char *line;
  guint number = 1;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  line = text;
  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');
      gsize len = end != NULL ? (gsize) (end - line) : strlen (line);

      if (!add_rule (self->gitignore, line, len, "", TRUE, VITRINE_IGNORE_SOURCE_GITIGNORE, number) ||
          end == NULL)
        break;
      line = end + 1;
      number++;
    }
}

/**
 * vitrine_ignore_add_exclude:
 * @self: the rules
 * @pattern: a pattern in the .gitignore syntax, as given to `--exclude`
 *
 * Adds a rule that comes after every .gitignore rule, even those added
 * later, so it wins over them.  A leading `#` is part of the pattern here.
 */
void
vitrine_ignore_add_exclude (VitrineIgnore *self,
                            const char    *pattern)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (pattern != NULL);

  add_rule (self->excludes, pattern, strlen (pattern), "--exclude ", FALSE,
            VITRINE_IGNORE_SOURCE_EXCLUDE, 0);
}

/**
 * vitrine_ignore_add_include:
 * @self: the rules
 * @pattern: a pattern in the .gitignore syntax, as given to `--include`
 *
 * Once any include is given, a file is kept only when it, or a folder it is
 * in, matches one of them (and nothing else ignores it).  Folders themselves
 * are never left out by includes, so a walk still goes through them.
 */
void
vitrine_ignore_add_include (VitrineIgnore *self,
                            const char    *pattern)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (pattern != NULL);

  add_rule (self->includes, pattern, strlen (pattern), "--include ", FALSE,
            VITRINE_IGNORE_SOURCE_INCLUDE, 0);
}

/**
 * vitrine_ignore_match:
 * @self: the rules
 * @path: a path relative to the folder, with `/` between components
 * @is_dir: whether @path is a folder
 * @rule: (out) (optional) (transfer none): the rule that decided, such as
 *   `__pycache__/`, `default: .git/`, `--exclude *.tmp` or
 *   `not in --include`; a `!` rule when one brought the path back; %NULL
 *   when no rule matched.  Valid as long as @self.
 *
 * Decides whether @path stays out.  Defaults come first and cannot be
 * undone; then the last matching `--exclude`, or failing that the last
 * matching .gitignore rule, decides.  Everything inside an ignored folder is
 * ignored as well, whatever later rules say, so a file is also checked
 * through each of the folders above it.
 *
 * Returns: %TRUE when @path is ignored
 */
/* The decision and the rule behind it: a Rule, &not_included_rule
 * (returned as NULL with *@not_in_includes set), or NULL. */
static gboolean
match_core (VitrineIgnore  *self,
            const char     *path,
            gboolean        is_dir,
            const Rule    **decided_out,
            gboolean       *not_in_includes)
{
  g_auto(GStrv) split = NULL;
  g_autofree char **comps = NULL;
  const Rule *decided = NULL;
  guint n = 0;

  *decided_out = NULL;
  *not_in_includes = FALSE;

  split = g_strsplit (path, "/", -1);
  comps = g_new (char *, g_strv_length (split) + 1);
  for (guint i = 0; split[i] != NULL; i++)
    if (split[i][0] != '\0')
      comps[n++] = split[i];
  comps[n] = NULL;

  if (n == 0)
    return FALSE;

  for (guint k = 1; k <= n; k++)
    {
      gboolean dir = k < n || is_dir;
      const Rule *r;

      r = first_match (self->defaults, comps, k, dir);
      if (r == NULL)
        r = last_match (self->excludes, comps, k, dir);
      if (r == NULL)
        r = last_match (self->gitignore, comps, k, dir);

      if (r != NULL && !r->negated)
        {
          *decided_out = r;
          return TRUE;
        }
      decided = r;
    }

  if (!is_dir && self->includes->len > 0)
    {
      gboolean kept = FALSE;

      for (guint k = 1; k <= n && !kept; k++)
        {
          const Rule *r = last_match (self->includes, comps, k, k < n);

          kept = r != NULL && !r->negated;
        }

      if (!kept)
        {
          *not_in_includes = TRUE;
          return TRUE;
        }
    }

  *decided_out = decided;
  return FALSE;
}

/**
 * vitrine_ignore_match:
 * @self: the rules
 * @path: a path relative to the folder, with `/` between components
 * @is_dir: whether @path is a folder
 * @rule: (out) (optional) (transfer none): the rule that decided, such as
 *   `__pycache__/`, `default: .git/`, `--exclude *.tmp` or
 *   `not in --include`; a `!` rule when one brought the path back; %NULL
 *   when no rule matched.  Valid as long as @self.
 *
 * Decides whether @path stays out.  Defaults come first and cannot be
 * undone; then the last matching `--exclude`, or failing that the last
 * matching .gitignore rule, decides.  Everything inside an ignored folder is
 * ignored as well, whatever later rules say, so a file is also checked
 * through each of the folders above it.
 *
 * Returns: %TRUE when @path is ignored
 */
gboolean
vitrine_ignore_match (VitrineIgnore  *self,
                      const char     *path,
                      gboolean        is_dir,
                      const char    **rule)
{
  const Rule *decided = NULL;
  gboolean not_in_includes = FALSE;
  gboolean ignored;

  if (rule != NULL)
    *rule = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ignored = match_core (self, path, is_dir, &decided, &not_in_includes);
  if (rule != NULL)
    *rule = not_in_includes ? not_included : decided != NULL ? decided->text : NULL;
  return ignored;
}

/**
 * vitrine_ignore_match_rule:
 * @rule: (out) (optional) (transfer none): the rule that decided, with
 *   where it came from, or %NULL when no rule matched; valid as long as
 *   @self
 *
 * The same decision as vitrine_ignore_match(), with the rule told in
 * parts, so that it can be shown in words.
 *
 * Returns: %TRUE when @path is ignored
 */
gboolean
vitrine_ignore_match_rule (VitrineIgnore            *self,
                           const char               *path,
                           gboolean                  is_dir,
                           const VitrineIgnoreRule **rule)
{
  const Rule *decided = NULL;
  gboolean not_in_includes = FALSE;
  gboolean ignored;

  if (rule != NULL)
    *rule = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ignored = match_core (self, path, is_dir, &decided, &not_in_includes);
  if (rule != NULL)
    *rule = not_in_includes ? &not_included_rule : decided != NULL ? &decided->info : NULL;
  return ignored;
}

void
vitrine_ignore_free (VitrineIgnore *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->defaults);
  g_ptr_array_unref (self->gitignore);
  g_ptr_array_unref (self->excludes);
  g_ptr_array_unref (self->includes);
  g_free (self);
}
