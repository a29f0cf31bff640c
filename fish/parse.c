/* guestfish: split one line of input into a command and its arguments.
 *
 * The syntax is guestfish's: words separated by blanks; '…' quotes
 * literally; "…" quotes with C-like backslash escapes; a word starting
 * with '|' sends the command's output to the rest of the line run as a
 * host shell command; a leading '!' runs the whole line on the host, "<!"
 * runs it and executes its output as guestfish commands; a leading '-'
 * lets the command fail without ending a script; '#' starts a comment
 * only at the beginning of a line.  Bare words starting with '~' get the
 * host's tilde expansion.  Parsing is done in place in the caller's
 * buffer, which the result points into.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <pwd.h>
#include <unistd.h>

#include "fish.h"

static int
hexval (int c)
{
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Decode a double-quoted string starting just after the opening quote.
 * The decoded text is written over the input (escapes only shrink it) and
 * NUL-terminated.  Returns a pointer just after the closing quote, or NULL
 * after reporting an error.
 */
static char *
parse_double_quoted (char *p)
{
  char *start = p, *out = p;

  for (; *p && *p != '"'; p++) {
    int c;

    if (*p != '\\') {
      *out++ = *p;
      continue;
    }
    switch (p[1]) {
    case '\\': c = '\\'; p += 1; break;
    case 'a': c = '\a'; p += 1; break;
    case 'b': c = '\b'; p += 1; break;
    case 'f': c = '\f'; p += 1; break;
    case 'n': c = '\n'; p += 1; break;
    case 'r': c = '\r'; p += 1; break;
    case 't': c = '\t'; p += 1; break;
    case 'v': c = '\v'; p += 1; break;
    case '"': c = '"'; p += 1; break;
    case '\'': c = '\''; p += 1; break;
    case '?': c = '?'; p += 1; break;
    case '0': case '1': case '2': case '3':
    case '4': case '5': case '6': case '7':
      /* Always exactly three octal digits.  \000 is refused because the
       * result could not be passed on as a C string.
       */
      if (p[2] < '0' || p[2] > '7' || p[3] < '0' || p[3] > '7')
        goto bad;
      c = (p[1] - '0') * 64 + (p[2] - '0') * 8 + (p[3] - '0');
      if (c < 1 || c > 255)
        goto bad;
      p += 3;
      break;
    case 'x':                   /* always exactly two hex digits */
      if (hexval (p[2]) == -1 || hexval (p[3]) == -1)
        goto bad;
      c = hexval (p[2]) * 16 + hexval (p[3]);
      if (c < 1)
        goto bad;
      p += 3;
      break;
    default:
    bad:
      fprintf (stderr, "guestfish: invalid escape sequence in string "
               "(starting at offset %d)\n", (int) (p - start));
      return NULL;
    }
    *out++ = c;
  }

  if (*p != '"') {
    fprintf (stderr, "guestfish: unterminated double quote\n");
    return NULL;
  }
  *out = '\0';
  return p + 1;
}

/* "~" and "~/x" become $HOME, "~user/x" that user's home directory.
 * Returns a new string, or NULL to keep the word as it is.
 */
static char *
tilde_expand (const char *word)
{
  const char *rest = word + 1 + strcspn (word + 1, "/");
  const char *home = NULL;
  char *ret;

  if (rest == word + 1) {
    home = getenv ("HOME");
    if (home == NULL) {
      struct passwd *pw = getpwuid (geteuid ());
      if (pw)
        home = pw->pw_dir;
    }
  }
  else {
    char *user = strndup (word + 1, rest - (word + 1));
    struct passwd *pw;

    if (user == NULL)
      return NULL;
    pw = getpwnam (user);
    free (user);
    if (pw)
      home = pw->pw_dir;
  }
  if (home == NULL)
    return NULL;
  if (asprintf (&ret, "%s%s", home, rest) == -1)
    return NULL;
  return ret;
}

void
fish_parse_line (char *buf, struct fish_line *line)
{
  size_t i = 0;
  char *p;

  memset (line, 0, sizeof *line);

  for (;;) {
    while (*buf && isspace ((unsigned char) *buf))
      buf++;
    if (*buf != '-')
      break;
    line->ignore_errors = 1;
    buf++;
  }

  if (*buf == '\0' || *buf == '#') {
    line->kind = FISH_LINE_EMPTY;
    return;
  }
  if (*buf == '!') {
    line->kind = FISH_LINE_HOST;
    line->host = buf + 1;
    return;
  }
  if (buf[0] == '<' && buf[1] == '!') {
    line->kind = FISH_LINE_INLINE;
    line->host = buf + 2;
    return;
  }

  /* The command name itself cannot be quoted. */
  line->cmd = buf;
  p = buf + strcspn (buf, " \t");
  if (*p) {
    *p++ = '\0';
    p += strspn (p, " \t");
  }

  while (*p) {
    char *word = p, *next;

    if (i >= FISH_MAX_ARGS) {
      fprintf (stderr, "guestfish: too many arguments\n");
      goto error;
    }

    if (*p == '|') {
      line->pipe = p + 1;
      break;
    }
    else if (*p == '"' || *p == '\'') {
      word = p + 1;
      if (*p == '"') {
        next = parse_double_quoted (word);
        if (next == NULL)
          goto error;
      }
      else {
        char *end = strchr (word, '\'');
        if (end == NULL) {
          fprintf (stderr, "guestfish: unterminated single quote\n");
          goto error;
        }
        *end = '\0';
        next = end + 1;
      }
      if (*next && *next != ' ' && *next != '\t') {
        fprintf (stderr,
                 "guestfish: command arguments not separated by whitespace\n");
        goto error;
      }
    }
    else {
      next = p + strcspn (p, " \t");
      if (*next)
        *next++ = '\0';
      if (*word == '~') {
        char *expanded = tilde_expand (word);
        if (expanded) {
          line->to_free[line->nr_to_free++] = expanded;
          word = expanded;
        }
      }
    }

    line->argv[i++] = word;
    p = next;
    p += strspn (p, " \t");
  }

  line->argv[i] = NULL;
  line->kind = FISH_LINE_COMMAND;
  return;

 error:
  fish_free_line (line);
  line->kind = FISH_LINE_ERROR;
}

void
fish_free_line (struct fish_line *line)
{
  for (size_t i = 0; i < line->nr_to_free; ++i)
    free (line->to_free[i]);
  line->nr_to_free = 0;
}
