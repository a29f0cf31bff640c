/* guestfish: helpers the generated command table (cmds.c) calls to turn
 * words into API arguments and API results into output.
 *
 * Numbers follow libguestfs's guestfish, which uses gnulib's xstrtoll with
 * the suffixes "0kKMGTPEZY": C radix rules (0x hex, leading 0 octal), then
 * an optional multiplier where k/K/M/G/T/P/E/Z/Y alone or followed by "iB"
 * are powers of 1024 and followed by "B" powers of 1000.  Error messages
 * keep libguestfs's wording (including the xstrtol error number) because
 * scripts and people grep for them.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <unistd.h>

#include "fish.h"

/* gnulib's strtol_error values, printed in error messages. */
enum {
  LONGINT_OK = 0,
  LONGINT_OVERFLOW = 1,
  LONGINT_INVALID_SUFFIX_CHAR = 2,
  LONGINT_INVALID = 4,
};

static const char valid_suffixes[] = "0kKMGTPEZY";

/* Multiply *x by base^power, saturating.  Returns LONGINT_OVERFLOW if it
 * did not fit.
 */
static int
scale_signed (long long *x, int base, int power)
{
  int err = LONGINT_OK;

  while (power-- > 0) {
    if (*x > LLONG_MAX / base) {
      *x = LLONG_MAX;
      err = LONGINT_OVERFLOW;
    }
    else if (*x < LLONG_MIN / base) {
      *x = LLONG_MIN;
      err = LONGINT_OVERFLOW;
    }
    else
      *x *= base;
  }
  return err;
}

static int
scale_unsigned (unsigned long long *x, int base, int power)
{
  int err = LONGINT_OK;

  while (power-- > 0) {
    if (*x > ULLONG_MAX / base) {
      *x = ULLONG_MAX;
      err = LONGINT_OVERFLOW;
    }
    else
      *x *= base;
  }
  return err;
}

/* Work out the multiplier of the suffix at *p.  Returns 0 and sets
 * base/power and the suffix length, or LONGINT_INVALID_SUFFIX_CHAR.
 */
static int
parse_suffix (const char *p, int *base, int *power, size_t *len)
{
  static const char letters[] = "kKMGTPEZY";
  static const int powers[] = { 1, 1, 2, 3, 4, 5, 6, 7, 8 };
  const char *l;

  if (*p == '\0' || (l = strchr (letters, *p)) == NULL ||
      strchr (valid_suffixes, *p) == NULL)
    return LONGINT_INVALID_SUFFIX_CHAR;

  *base = 1024;
  *len = 1;
  if (p[1] == 'i' && p[2] == 'B')
    *len = 3;
  else if (p[1] == 'B' || p[1] == 'D') {
    *base = 1000;
    *len = 2;
  }
  *power = powers[l - letters];
  return LONGINT_OK;
}

int
fish_xstrtoll (const char *s, long long *r)
{
  char *end;
  long long v;
  int err = LONGINT_OK, base, power;
  size_t len;

  errno = 0;
  v = strtoll (s, &end, 0);
  if (end == s) {
    /* Like gnulib, a bare suffix ("k") means one of that unit. */
    if (*s && strchr (valid_suffixes, *s) && *s != '0')
      v = 1;
    else
      return LONGINT_INVALID;
  }
  else if (errno == ERANGE)
    err = LONGINT_OVERFLOW;
  else if (errno != 0)
    return LONGINT_INVALID;

  if (*end) {
    if (parse_suffix (end, &base, &power, &len) != LONGINT_OK) {
      *r = v;
      return err | LONGINT_INVALID_SUFFIX_CHAR;
    }
    err |= scale_signed (&v, base, power);
    end += len;
    if (*end)
      err |= LONGINT_INVALID_SUFFIX_CHAR;
  }
  *r = v;
  return err;
}

int
fish_xstrtoull (const char *s, unsigned long long *r)
{
  const char *q = s;
  char *end;
  unsigned long long v;
  int err = LONGINT_OK, base, power;
  size_t len;

  /* strtoull silently negates "-1"; gnulib refuses it for unsigned types. */
  while (isspace ((unsigned char) *q))
    q++;
  if (*q == '-')
    return LONGINT_INVALID;

  errno = 0;
  v = strtoull (s, &end, 0);
  if (end == s) {
    if (*s && strchr (valid_suffixes, *s) && *s != '0')
      v = 1;
    else
      return LONGINT_INVALID;
  }
  else if (errno == ERANGE)
    err = LONGINT_OVERFLOW;
  else if (errno != 0)
    return LONGINT_INVALID;

  if (*end) {
    if (parse_suffix (end, &base, &power, &len) != LONGINT_OK) {
      *r = v;
      return err | LONGINT_INVALID_SUFFIX_CHAR;
    }
    err |= scale_unsigned (&v, base, power);
    end += len;
    if (*end)
      err |= LONGINT_INVALID_SUFFIX_CHAR;
  }
  *r = v;
  return err;
}

int
fish_parse_size (const char *s, int64_t *r)
{
  unsigned long long v;
  int err = fish_xstrtoull (s, &v);

  if (err != LONGINT_OK) {
    fprintf (stderr, "parse_size: invalid integer parameter (%s returned %d)\n",
             "xstrtoull", err);
    return -1;
  }
  if (v > INT64_MAX) {
    fprintf (stderr, "parse_size: %s: size too large\n", s);
    return -1;
  }
  *r = (int64_t) v;
  return 0;
}

int
fish_parse_int64 (const char *cmd, const char *argname, const char *s,
                  int64_t *r)
{
  long long v;
  int err = fish_xstrtoll (s, &v);

  if (err != LONGINT_OK) {
    fprintf (stderr, "%s: %s: invalid integer parameter (%s returned %u)\n",
             cmd, argname, "xstrtoll", (unsigned) err);
    return -1;
  }
  *r = v;
  return 0;
}

int
fish_parse_int (const char *cmd, const char *argname, const char *s, int *r)
{
  int64_t v;

  if (fish_parse_int64 (cmd, argname, s, &v) == -1)
    return -1;
  /* The API's Int is a signed 32 bit integer. */
  if (v < INT32_MIN || v > INT32_MAX) {
    fprintf (stderr, "%s: %s: integer out of range\n", cmd, argname);
    return -1;
  }
  *r = (int) v;
  return 0;
}

int
fish_is_true (const char *s)
{
  static const char *const yes[] = { "1", "true", "t", "yes", "y", "on" };
  static const char *const no[] = { "0", "false", "f", "no", "n", "off" };

  for (size_t i = 0; i < sizeof yes / sizeof yes[0]; ++i) {
    if (strcasecmp (s, yes[i]) == 0)
      return 1;
    if (strcasecmp (s, no[i]) == 0)
      return 0;
  }
  return -1;
}

int
fish_parse_bool (const char *cmd, const char *argname, const char *s, int *r)
{
  int b = fish_is_true (s);

  if (b == -1) {
    fprintf (stderr,
             "guestfish: '%s': invalid boolean value, use 'true' or 'false'\n",
             s);
    return -1;
  }
  *r = b;
  return 0;
}

int
fish_optarg (const char *arg, const char *name, const char **value)
{
  size_t len = strlen (name);

  if (strncmp (arg, name, len) != 0 || arg[len] != ':')
    return 0;
  *value = arg + len + 1;
  return 1;
}

void
fish_wrong_args (const char *cmd, size_t min, size_t max)
{
  const struct fish_command *c = fish_lookup_command (cmd);
  const char *syn;

  fish_wrong_args_seen = 1;
  fprintf (stderr, "error: incorrect number of arguments\n");

  /* The synopsis is the line after "SYNOPSIS" in the help text. */
  if (c && c->help && (syn = strstr (c->help, "SYNOPSIS\n")) != NULL) {
    syn += strlen ("SYNOPSIS\n");
    syn += strspn (syn, " ");
    fprintf (stderr, "usage: %.*s\n", (int) strcspn (syn, "\n"), syn);
  }
  fprintf (stderr, "type 'help %s' for more help on %s\n", cmd, cmd);
}

size_t
fish_count_strings (char *const *l)
{
  size_t n = 0;

  while (l[n])
    n++;
  return n;
}

void
fish_free_strings (char **l)
{
  if (l == NULL)
    return;
  for (size_t i = 0; l[i]; ++i)
    free (l[i]);
  free (l);
}

/* Append a string to a growing NULL-terminated list. */
static int
list_append (char ***l, size_t *n, char *s)
{
  char **nl = realloc (*l, (*n + 2) * sizeof (char *));

  if (nl == NULL) {
    perror ("realloc");
    return -1;
  }
  nl[(*n)++] = s;
  nl[*n] = NULL;
  *l = nl;
  return 0;
}

/* Words are separated by blanks.  Inside a word, '…' quotes a section
 * (which may contain blanks) and \' is a literal quote, as in a shell.
 */
char **
fish_parse_string_list (const char *str)
{
  char **l = calloc (1, sizeof (char *));
  size_t n = 0;
  const char *p = str;

  if (l == NULL) {
    perror ("calloc");
    return NULL;
  }

  for (;;) {
    char *tok;
    size_t len = 0;
    int in_quote = 0;

    p += strspn (p, " \t");
    if (*p == '\0')
      break;

    /* The token is never longer than the rest of the input. */
    tok = malloc (strlen (p) + 1);
    if (tok == NULL) {
      perror ("malloc");
      goto error;
    }
    while (*p && (in_quote || (*p != ' ' && *p != '\t'))) {
      if (*p == '\'') {
        in_quote = !in_quote;
        p++;
      }
      else if (!in_quote && p[0] == '\\' && p[1] == '\'') {
        tok[len++] = '\'';
        p += 2;
      }
      else
        tok[len++] = *p++;
    }
    if (in_quote) {
      fprintf (stderr, "Runaway quote in string \"%s\"\n", str);
      free (tok);
      goto error;
    }
    tok[len] = '\0';
    if (list_append (&l, &n, tok) == -1) {
      free (tok);
      goto error;
    }
  }
  return l;

 error:
  fish_free_strings (l);
  return NULL;
}

/* Temporary files holding here-documents, removed by fish_free_file_in. */
static char **heredoc_files;
static size_t nr_heredoc_files;

static void
remove_heredoc_files (void)
{
  for (size_t i = 0; i < nr_heredoc_files; ++i)
    if (heredoc_files[i])
      unlink (heredoc_files[i]);
}

/* Read the next lines of the script (or of stdin at the prompt) up to a
 * line that is exactly 'endmarker' into a temporary file, and return its
 * name.
 */
static char *
file_in_heredoc (const char *endmarker)
{
  const char *tmpdir = getenv ("TMPDIR");
  char *name, *buf = NULL;
  size_t bufsize = 0;
  ssize_t n;
  FILE *fp;
  int fd, found = 0;
  static int registered;

  if (*endmarker == '\0') {
    fprintf (stderr, "guestfish: missing end marker in -<< expression\n");
    return NULL;
  }
  if (asprintf (&name, "%s/guestfishXXXXXX", tmpdir ? tmpdir : "/tmp") == -1) {
    perror ("asprintf");
    return NULL;
  }
  fd = mkstemp (name);
  if (fd == -1) {
    perror (name);
    free (name);
    return NULL;
  }
  fp = fdopen (fd, "w");
  if (fp == NULL) {
    perror ("fdopen");
    close (fd);
    goto error;
  }

  while ((n = getline (&buf, &bufsize, fish_script_input)) != -1) {
    size_t len = n;

    if (len > 0 && buf[len-1] == '\n')
      len--;
    /* Count the lines so that later error messages name the right line. */
    fish_input_lineno++;
    if (len == strlen (endmarker) && memcmp (buf, endmarker, len) == 0) {
      found = 1;
      break;
    }
    if (fwrite (buf, 1, n, fp) != (size_t) n) {
      perror (name);
      fclose (fp);
      goto error;
    }
  }
  free (buf);
  buf = NULL;
  if (fclose (fp) == EOF) {
    perror (name);
    goto error;
  }
  if (!found) {
    fprintf (stderr, "guestfish: end of input reached without finding ‘%s’\n",
             endmarker);
    goto error;
  }

  {
    /* The slot of a file already removed, else a new one: the list stays
     * as long as the most here-documents one command takes. */
    size_t i = 0;

    while (i < nr_heredoc_files && heredoc_files[i])
      i++;
    if (i == nr_heredoc_files) {
      char **nl = realloc (heredoc_files,
                           (nr_heredoc_files + 1) * sizeof (char *));
      if (nl == NULL) {
        perror ("realloc");
        goto error;
      }
      heredoc_files = nl;
      heredoc_files[nr_heredoc_files++] = NULL;
    }
    heredoc_files[i] = strdup (name);
    if (heredoc_files[i] == NULL) {
      perror ("strdup");
      goto error;
    }
  }
  if (!registered) {
    atexit (remove_heredoc_files);
    registered = 1;
  }
  return name;

 error:
  free (buf);
  unlink (name);
  free (name);
  return NULL;
}

char *
fish_file_in (const char *arg)
{
  char *ret;

  if (STREQ (arg, "-"))
    ret = strdup ("/dev/stdin");
  else if (STRPREFIX (arg, "-<<"))
    return file_in_heredoc (arg + 3);
  else
    ret = strdup (arg);
  if (ret == NULL)
    perror ("strdup");
  return ret;
}

void
fish_free_file_in (char *filename)
{
  if (filename == NULL)
    return;
  for (size_t i = 0; i < nr_heredoc_files; ++i) {
    if (heredoc_files[i] && STREQ (heredoc_files[i], filename)) {
      unlink (filename);
      free (heredoc_files[i]);
      heredoc_files[i] = NULL;
    }
  }
  free (filename);
}

char *
fish_file_out (const char *arg)
{
  char *ret;

  if (STREQ (arg, "-")) {
    /* The library writes to the file descriptor directly, so anything
     * guestfish printed earlier must reach it first.
     */
    fflush (stdout);
    ret = strdup ("/dev/stdout");
  }
  else
    ret = strdup (arg);
  if (ret == NULL)
    perror ("strdup");
  return ret;
}

void
fish_print_strings (char *const *l)
{
  for (size_t i = 0; l[i]; ++i)
    printf ("%s\n", l[i]);
}

void
fish_print_table (char *const *l)
{
  for (size_t i = 0; l[i] && l[i+1]; i += 2)
    printf ("%s: %s\n", l[i], l[i+1]);
}

void
fish_print_escaped (const char *buf, size_t len)
{
  for (size_t i = 0; i < len; ++i) {
    unsigned char c = buf[i];

    /* As C's "C" locale isprint, whatever the user's locale. */
    if (c >= 0x20 && c < 0x7f)
      putchar (c);
    else
      printf ("\\x%02x", c);
  }
}
