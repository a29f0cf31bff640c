/* Optional arguments given to a tool after its own arguments, as to
 * the guestfish command it stands for ("virt-tar-in ... compress:gzip
 * xattrs:true"): parsed into the call's optargs struct through the
 * call's table, which the generator writes (call-optargs.c).
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <stdint.h>

#include "options.h"

/* "a b  c" -> { "a", "b", "c", NULL }. */
static char **
split_words (const char *s)
{
  char **words = calloc (strlen (s) / 2 + 2, sizeof (char *));
  size_t n = 0;

  if (words == NULL) {
    perror ("calloc");
    exit (EXIT_FAILURE);
  }
  while (*s) {
    size_t len = strcspn (s, " \t\n");

    if (len > 0 && (words[n++] = strndup (s, len)) == NULL) {
      perror ("strndup");
      exit (EXIT_FAILURE);
    }
    s += len;
    s += strspn (s, " \t\n");
  }
  return words;
}

static void __attribute__((noreturn))
unknown (const char *arg, size_t len, const struct tools_optarg *table)
{
  fprintf (stderr, "%s: %.*s: unknown optional argument (", tools.program,
           (int) len, arg);
  for (size_t i = 0; table[i].name; ++i)
    fprintf (stderr, "%s%s", table[i].name,
             table[i+1].name == NULL ? ")\n" :
             table[i+2].name == NULL ? " or " : ", ");
  exit (EXIT_FAILURE);
}

/* An integer VALUE of optional argument ARG within [MIN, MAX]. */
static int64_t
parse_int (const char *arg, const char *value, int64_t min, int64_t max)
{
  char *end;
  long long v;

  errno = 0;
  v = strtoll (value, &end, 0);
  if (end == value || *end != '\0') {
    tools_error ("%s: ‘%s’ is not an integer", arg, value);
    exit (EXIT_FAILURE);
  }
  if (errno == ERANGE || v < min || v > max) {
    tools_error ("%s: ‘%s’ is out of range", arg, value);
    exit (EXIT_FAILURE);
  }
  return v;
}

void
tools_parse_optarg (const char *arg, const struct tools_optarg *table,
                    void *argv)
{
  const char *value = strchr (arg, ':');
  const struct tools_optarg *o;
  size_t len;
  char *field;
  int b;

  if (value == NULL) {
    tools_error ("%s: unexpected argument (optional arguments are "
                 "name:value, see %s(1))", arg, tools.program);
    exit (EXIT_FAILURE);
  }
  len = value++ - arg;
  for (o = table; o->name; ++o)
    if (strlen (o->name) == len && strncmp (arg, o->name, len) == 0)
      break;
  if (o->name == NULL)
    unknown (arg, len, table);

  field = (char *) argv + o->offset;
  switch (o->kind) {
  case TOOLS_OPTARG_STRING:
    *(const char **) field = value;
    break;
  case TOOLS_OPTARG_BOOL:
    b = tools_parse_bool (value);
    if (b == -1) {
      tools_error ("%s: ‘%s’ is not a boolean (true or false)", arg, value);
      exit (EXIT_FAILURE);
    }
    *(int *) field = b;
    break;
  case TOOLS_OPTARG_INT:
    *(int *) field = parse_int (arg, value, INT32_MIN, INT32_MAX);
    break;
  case TOOLS_OPTARG_INT64:
    *(int64_t *) field = parse_int (arg, value, INT64_MIN, INT64_MAX);
    break;
  case TOOLS_OPTARG_WORDS:
    tools_free_strings (*(char ***) field);   /* given twice: the last wins */
    *(char ***) field = split_words (value);
    break;
  }
  *(uint64_t *) argv |= o->bit;
}

void
tools_free_optargs (const struct tools_optarg *table, void *argv)
{
  for (const struct tools_optarg *o = table; o->name; ++o)
    if (o->kind == TOOLS_OPTARG_WORDS) {
      char ***field = (char ***) ((char *) argv + o->offset);

      tools_free_strings (*field);
      *field = NULL;
    }
}
