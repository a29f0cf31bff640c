/* guestfish: the interactive prompt, built on GNU readline.
 *
 * The prompt is "><fs> " (or $GUESTFISH_PS1, with the escapes \\ \[ \] \a
 * \e \n \r \NNN \xNN); $GUESTFISH_OUTPUT is printed after each line is
 * read, $GUESTFISH_INIT before the banner and $GUESTFISH_RESTORE on exit,
 * so users can colour the prompt and output.  History is kept in
 * ~/.guestfish.  Tab completion is in complete.c.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <unistd.h>

#include <readline/readline.h>
#include <readline/history.h>

#include "fish.h"

#define DEFAULT_PROMPT "><fs> "
#define HISTORY_LINES 500

static char *histfile;
static int nr_history_lines;

static int
hexval (int c)
{
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Decode the escapes of $GUESTFISH_PS1 and friends.  Returns a new
 * string, or NULL if the variable is not set.
 */
static char *
decode_ps1 (const char *var)
{
  const char *s = getenv (var);
  char *ret, *o;

  if (s == NULL)
    return NULL;
  ret = o = malloc (strlen (s) + 1);    /* escapes only shrink */
  if (ret == NULL)
    return NULL;

  while (*s) {
    if (*s != '\\' || s[1] == '\0') {
      *o++ = *s++;
      continue;
    }
    s++;
    switch (*s) {
    case '\\': *o++ = '\\'; s++; break;
    case '[': *o++ = RL_PROMPT_START_IGNORE; s++; break;
    case ']': *o++ = RL_PROMPT_END_IGNORE; s++; break;
    case 'a': *o++ = '\a'; s++; break;
    case 'e': *o++ = '\033'; s++; break;
    case 'n': *o++ = '\n'; s++; break;
    case 'r': *o++ = '\r'; s++; break;
    case 'x':
      if (hexval (s[1]) >= 0 && hexval (s[2]) >= 0) {
        *o++ = hexval (s[1]) * 16 + hexval (s[2]);
        s += 3;
      }
      else
        *o++ = '\\';
      break;
    default:
      if (s[0] >= '0' && s[0] <= '7' && s[1] >= '0' && s[1] <= '7' &&
          s[2] >= '0' && s[2] <= '7') {
        *o++ = (s[0] - '0') * 64 + (s[1] - '0') * 8 + (s[2] - '0');
        s += 3;
      }
      else
        *o++ = '\\';          /* unknown escape: keep it as typed */
    }
  }
  *o = '\0';
  return ret;
}

static void
print_decoded (const char *var)
{
  char *s = decode_ps1 (var);

  if (s) {
    fputs (s, stdout);
    free (s);
  }
}

void
fish_print_banner (void)
{
  print_decoded ("GUESTFISH_INIT");
  printf ("\n"
          "Welcome to guestfish, the guest filesystem shell for\n"
          "editing virtual machine filesystems and disk images.\n"
          "\n"
          "Type: ‘help’ for help on commands\n"
          "      ‘man’ to read the manual\n"
          "      ‘quit’ to quit the shell\n"
          "\n");
}

void
fish_print_restore (void)
{
  printf ("\n");
  print_decoded ("GUESTFISH_RESTORE");
  fflush (stdout);
}

void
fish_readline_init (void)
{
  const char *home = getenv ("HOME");

  rl_readline_name = "guestfish";
  fish_completion_init ();
  /* Defaults only: the user's ~/.inputrc is read later and wins. */
  rl_variable_bind ("completion-ignore-case", "on");

  using_history ();
  if (home && asprintf (&histfile, "%s/.guestfish", home) != -1)
    read_history (histfile);
}

char *
fish_readline (void)
{
  char *ps1 = decode_ps1 ("GUESTFISH_PS1");
  char *line = readline (ps1 ? ps1 : DEFAULT_PROMPT);

  free (ps1);
  print_decoded ("GUESTFISH_OUTPUT");
  if (line && *line) {
    add_history (line);
    nr_history_lines++;
  }
  return line;
}

void
fish_readline_cleanup (void)
{
  int fd;

  fish_completion_cleanup ();
  if (histfile == NULL)
    return;
  if (nr_history_lines > 0) {
    /* append_history needs the file to exist; keep it private. */
    fd = open (histfile, O_WRONLY|O_CREAT|O_NOCTTY|O_CLOEXEC, 0600);
    if (fd >= 0) {
      close (fd);
      append_history (nr_history_lines, histfile);
      history_truncate_file (histfile, HISTORY_LINES);
    }
  }
  free (histfile);
  histfile = NULL;
}
