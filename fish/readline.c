/* guestfish: the interactive prompt, built on GNU readline.
 *
 * The prompt is "><fs> " (or $GUESTFISH_PS1, with the escapes \\ \[ \] \a
 * \e \n \r \NNN \xNN); $GUESTFISH_OUTPUT is printed after each line is
 * read, $GUESTFISH_INIT before the banner and $GUESTFISH_RESTORE on exit,
 * so users can colour the prompt and output.  History is kept in
 * ~/.guestfish.  Tab completes command names at the start of a line and,
 * once the appliance runs, guest paths starting with '/'; other words get
 * readline's usual completion of local file names.
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

/* Completion of command names: builtins, API commands and their aliases. */
static char *
command_generator (const char *text, int state)
{
  static size_t table, index, alias;
  size_t len = strlen (text);

  if (state == 0)
    table = index = alias = 0;

  for (; table < 2; table++, index = 0) {
    const struct fish_command *cmds =
      table == 0 ? fish_builtin_commands : fish_api_commands;
    size_t n = table == 0 ? fish_nr_builtin_commands : fish_nr_api_commands;

    for (; index < n; index++, alias = 0) {
      const struct fish_command *c = &cmds[index];
      const char *name;

      /* alias 0 is the name itself, then the aliases in order. */
      while (alias == 0 || (c->aliases && c->aliases[alias-1])) {
        name = alias == 0 ? c->name : c->aliases[alias-1];
        alias++;
        if (strncasecmp (name, text, len) == 0)
          return strdup (name);
      }
    }
  }
  return NULL;
}

/* Completion of guest paths, asking the running appliance. */
static char **path_matches;
static size_t nr_path_matches;

static void
free_path_matches (void)
{
  for (size_t i = 0; i < nr_path_matches; ++i)
    free (path_matches[i]);
  free (path_matches);
  path_matches = NULL;
  nr_path_matches = 0;
}

static void
find_path_matches (const char *text)
{
  const char *slash = strrchr (text, '/');
  size_t dirlen = slash - text;         /* text starts with '/' */
  const char *prefix = slash + 1;
  char *dir = strndup (text, dirlen > 0 ? dirlen : 1);
  struct guestfs_dirent_list *dl;

  if (dir == NULL)
    return;
  /* Failures just mean no completions; don't print them under the prompt. */
  guestfs_push_error_handler (g, NULL, NULL);
  dl = guestfs_readdir (g, dir);
  guestfs_pop_error_handler (g);
  free (dir);
  if (dl == NULL)
    return;

  path_matches = calloc (dl->len, sizeof (char *));
  for (uint32_t i = 0; path_matches && i < dl->len; ++i) {
    const char *name = dl->val[i].name;
    char *m;

    if (STREQ (name, ".") || STREQ (name, "..") ||
        strncmp (name, prefix, strlen (prefix)) != 0)
      continue;
    if (asprintf (&m, "%.*s/%s%s", (int) dirlen, text, name,
                  dl->val[i].ftyp == 'd' ? "/" : "") == -1)
      continue;
    path_matches[nr_path_matches++] = m;
  }
  guestfs_free_dirent_list (dl);
}

static char *
path_generator (const char *text, int state)
{
  static size_t index;

  if (state == 0) {
    free_path_matches ();
    find_path_matches (text);
    index = 0;
  }
  if (index < nr_path_matches)
    return strdup (path_matches[index++]);
  return NULL;
}

static char **
complete (const char *text, int start, int end)
{
  char **matches;
  int i;

  rl_completion_append_character = ' ';

  /* The command is the first word, after any '-' (ignore errors) prefix. */
  for (i = 0; i < start; ++i)
    if (rl_line_buffer[i] != ' ' && rl_line_buffer[i] != '\t' &&
        rl_line_buffer[i] != '-')
      break;
  if (i == start) {
    rl_attempted_completion_over = 1;
    return rl_completion_matches (text, command_generator);
  }

  if (text[0] == '/' && fish_complete_dest_paths && guestfs_is_ready (g) > 0) {
    rl_attempted_completion_over = 1;
    matches = rl_completion_matches (text, path_generator);
    /* Let the user carry on typing inside a directory. */
    if (matches && matches[1] == NULL) {
      size_t len = strlen (matches[0]);
      if (len > 0 && matches[0][len-1] == '/')
        rl_completion_append_character = '\0';
    }
    return matches;
  }

  return NULL;                  /* readline completes local file names */
}

void
fish_readline_init (void)
{
  const char *home = getenv ("HOME");

  rl_readline_name = "guestfish";
  rl_attempted_completion_function = complete;
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

  free_path_matches ();
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
