/* guestfish: tab completion at the prompt.  The first word completes to
 * command names and aliases.  Later words complete according to what the
 * command takes there (fish_command.argkinds): guest paths, devices and
 * logical volumes, asked of the running appliance (not with
 * --no-dest-paths); local file names for arguments that are host files;
 * "name:" for optional arguments; command names after help, time, not
 * and glob, and then (but for help) that command's arguments.  Words after a "|" and
 * "!" lines complete as local file names.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <readline/readline.h>

#include "fish.h"

/* The candidate words of the current completion, sorted. */
static char **words;
static size_t nr_words, words_alloc;

static void
free_words (void)
{
  for (size_t i = 0; i < nr_words; ++i)
    free (words[i]);
  free (words);
  words = NULL;
  nr_words = words_alloc = 0;
}

static void
add_word (const char *w)
{
  char *copy;

  if (nr_words + 1 >= words_alloc) {
    size_t n = words_alloc ? 2 * words_alloc : 64;
    char **nw = realloc (words, n * sizeof (char *));
    if (nw == NULL)
      return;
    words = nw;
    words_alloc = n;
  }
  copy = strdup (w);
  if (copy)
    words[nr_words++] = copy;
}

static void
add_list (char **l)
{
  if (l == NULL)
    return;
  for (size_t i = 0; l[i]; ++i)
    add_word (l[i]);
  fish_free_strings (l);
}

static int
compare_words (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static int
ignore_case (void)
{
  const char *v = rl_variable_value ("completion-ignore-case");
  return v == NULL || STRNEQ (v, "off");
}

static char *
words_generator (const char *text, int state)
{
  static size_t index;
  size_t len = strlen (text);

  if (state == 0)
    index = 0;
  while (index < nr_words) {
    const char *w = words[index++];

    if (ignore_case () ? strncasecmp (w, text, len) == 0
        : strncmp (w, text, len) == 0)
      return strdup (w);
  }
  return NULL;
}

static void
add_command (const char *prefix, const char *name)
{
  char *w;

  if (asprintf (&w, "%s%s", prefix, name) != -1) {
    add_word (w);
    free (w);
  }
}

static void
add_commands (const char *prefix, const struct fish_command *table, size_t n)
{
  for (size_t i = 0; i < n; ++i) {
    add_command (prefix, table[i].name);
    if (table[i].aliases)
      for (size_t j = 0; table[i].aliases[j]; ++j)
        add_command (prefix, table[i].aliases[j]);
  }
}

/* Command names, after the '-' (ignore errors) the user typed, if any. */
static void
command_words (const char *text)
{
  char prefix[8];
  size_t n = strspn (text, "-");

  snprintf (prefix, sizeof prefix, "%.*s", (int) (n < 7 ? n : 7), text);
  add_commands (prefix, fish_builtin_commands, fish_nr_builtin_commands);
  add_commands (prefix, fish_api_commands, fish_nr_api_commands);
}

/* Devices, partitions, LVs and guest paths for text; the appliance's
 * errors are not shown under the prompt.
 */
static void
guest_words (const char *text)
{
  const char *slash;
  char *dir;
  struct guestfs_dirent_list *dl;

  guestfs_push_error_handler (g, NULL, NULL);

  if (*text == '\0' || STRPREFIX (text, "/dev/") ||
      STRPREFIX ("/dev/", text)) {
    add_list (guestfs_list_devices (g));
    add_list (guestfs_list_partitions (g));
#ifdef GUESTFS_HAVE_LVS
    add_list (guestfs_lvs (g));
#endif
#ifdef GUESTFS_HAVE_LIST_DM_DEVICES
    add_list (guestfs_list_dm_devices (g));
#endif
  }

  if (*text == '\0' || *text == '/') {
    slash = strrchr (text, '/');
    dir = slash && slash > text ? strndup (text, slash - text) : strdup ("/");
    dl = dir ? guestfs_readdir (g, dir) : NULL;
    for (uint32_t i = 0; dl && i < dl->len; ++i) {
      const char *name = dl->val[i].name;
      char *w;

      if (STREQ (name, ".") || STREQ (name, ".."))
        continue;
      if (asprintf (&w, "%s/%s%s", STREQ (dir, "/") ? "" : dir, name,
                    dl->val[i].ftyp == 'd' ? "/" : "") == -1)
        continue;
      add_word (w);
      free (w);
    }
    if (dl)
      guestfs_free_dirent_list (dl);
    free (dir);
  }

  guestfs_pop_error_handler (g);
}

static void
optarg_words (const struct fish_command *c)
{
  const char *p = c->optargs;

  while (p && *p) {
    size_t len = strcspn (p, " ");
    char *w;

    if (asprintf (&w, "%.*s:", (int) len, p) != -1) {
      add_word (w);
      free (w);
    }
    p += len;
    p += strspn (p, " ");
  }
}

/* The kind of the index'th argument of c, per fish_command.argkinds. */
static char
arg_kind (const struct fish_command *c, size_t index)
{
  const char *k = c->argkinds;
  size_t n;

  if (k == NULL)
    return '?';
  n = strlen (k);
  if (index < n && k[index] != '*')
    return k[index];
  if (n >= 2 && k[n-1] == '*')
    return k[n-2];
  return c->optargs && *c->optargs ? 'o' : '-';
}

/* Split the line before the word being completed into words (quotes are
 * honoured roughly: enough to count arguments).  Returns the number.
 */
static size_t
split_words (const char *line, int end, char **w, size_t max)
{
  size_t n = 0;
  int i = 0;

  while (i < end && n < max) {
    int start;
    char q = 0;

    while (i < end && (line[i] == ' ' || line[i] == '\t'))
      i++;
    if (i >= end)
      break;
    start = i;
    if (line[i] == '"' || line[i] == '\'')
      q = line[i++];
    while (i < end && (q ? line[i] != q : line[i] != ' ' && line[i] != '\t'))
      i++;
    if (q && i < end)
      i++;
    w[n++] = strndup (line + start, i - start);
  }
  return n;
}

/* Fill words for the argument at index of command name; returns 1 if
 * readline's own (local file name) completion should be used instead.
 */
static int
argument_words (const char *name, size_t index, const char *text)
{
  const struct fish_command *c = fish_lookup_command (name);
  char kind;

  if (c == NULL)
    return 1;
  kind = arg_kind (c, index);

  switch (kind) {
  case 'C': case 'c':               /* time CMD ARGS..., help CMD */
    if (index == 0)
      command_words (text);
    return 0;
  case 'L': case 'O':
    return 1;
  case 'A':
    if (*text != '/' || !fish_complete_dest_paths || guestfs_is_ready (g) <= 0)
      return 1;
    /* fallthrough */
  case 'P':
    if (fish_complete_dest_paths && guestfs_is_ready (g) > 0)
      guest_words (text);
    return 0;
  case 'o':
    optarg_words (c);
    return 0;
  case '?':
    /* Nothing known: guest paths if it looks like one, else local. */
    if (*text == '/' && fish_complete_dest_paths && guestfs_is_ready (g) > 0) {
      guest_words (text);
      return 0;
    }
    return 1;
  default:
    return 0;
  }
}

static char **
complete (const char *text, int start, int end)
{
  char *w[FISH_MAX_ARGS + 2];
  size_t n, first = 0, nested = 0;
  int local = 0;
  char **matches = NULL;
  const char *line = rl_line_buffer;

  free_words ();
  rl_completion_append_character = ' ';

  /* Host command lines and pipes complete as the shell would. */
  {
    int i = 0;
    while (i < start && (line[i] == ' ' || line[i] == '\t' || line[i] == '-'))
      i++;
    if (line[i] == '!' || (line[i] == '<' && line[i+1] == '!'))
      return NULL;
    for (int j = 0; j < start; ++j)
      if (line[j] == '|' && j > 0 && (line[j-1] == ' ' || line[j-1] == '\t'))
        return NULL;
  }

  n = split_words (line, start, w, FISH_MAX_ARGS + 1);
  /* A leading '-' (ignore errors) is not part of the command name. */
  while (first < n && w[first][0] == '-' && w[first][1] == '\0')
    first++;
  if (first < n && w[first][0] == '-')
    memmove (w[first], w[first] + 1, strlen (w[first]));

  if (first >= n)
    command_words (text);
  else {
    /* Follow help/time/not/glob to the command they run. */
    const char *cmd = w[first];
    size_t index = n - first - 1;

    for (;;) {
      const struct fish_command *c = fish_lookup_command (cmd);

      if (c && c->argkinds && c->argkinds[0] == 'C' && index >= 1 &&
          nested < 8) {
        cmd = w[n - index];
        index--;
        nested++;
        continue;
      }
      break;
    }
    local = argument_words (cmd, index, text);
  }
  for (size_t i = 0; i < n; ++i)
    free (w[i]);

  if (local)
    return NULL;
  rl_attempted_completion_over = 1;
  if (nr_words > 0)             /* words is NULL when nothing matched */
    qsort (words, nr_words, sizeof (char *), compare_words);
  matches = rl_completion_matches (text, words_generator);
  /* Carry on typing inside a directory or after "name:". */
  if (matches && matches[1] == NULL) {
    size_t len = strlen (matches[0]);
    if (len > 0 && (matches[0][len-1] == '/' || matches[0][len-1] == ':'))
      rl_completion_append_character = '\0';
  }
  return matches;
}

void
fish_completion_init (void)
{
  rl_attempted_completion_function = complete;
}

void
fish_completion_cleanup (void)
{
  free_words ();
}
