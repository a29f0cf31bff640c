/* guestfish: find commands by name and run them.
 *
 * A command is looked up first among guestfish's own commands, then among
 * the API commands of the generated table, by name or alias.  As in
 * libguestfs, case does not matter and '_' and '-' are interchangeable, so
 * "mount_ro", "Mount-Ro" and "mount-ro" are the same command.  This file
 * also runs whole input lines: host commands ("!cmd"), inlined command
 * output ("<!cmd") and output pipes ("cmd | hostcmd").
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "fish.h"

int
fish_name_matches (const char *typed, const char *name)
{
  for (; *typed && *name; typed++, name++) {
    int a = *typed == '_' ? '-' : tolower ((unsigned char) *typed);
    int b = *name == '_' ? '-' : tolower ((unsigned char) *name);
    if (a != b)
      return 0;
  }
  return *typed == '\0' && *name == '\0';
}

static const struct fish_command *
find_in (const struct fish_command *table, size_t n, const char *name)
{
  for (size_t i = 0; i < n; ++i) {
    if (fish_name_matches (name, table[i].name))
      return &table[i];
    if (table[i].aliases)
      for (size_t j = 0; table[i].aliases[j]; ++j)
        if (fish_name_matches (name, table[i].aliases[j]))
          return &table[i];
  }
  return NULL;
}

const struct fish_command *
fish_lookup_command (const char *name)
{
  const struct fish_command *c;

  c = find_in (fish_builtin_commands, fish_nr_builtin_commands, name);
  if (c == NULL)
    c = find_in (fish_api_commands, fish_nr_api_commands, name);
  return c;
}

/* Printed when the very first command is unknown: usually someone typed
 * "guestfish disk.img" expecting it to open the disk.
 */
static void
extended_help_message (void)
{
  fprintf (stderr,
           "Did you mean to open a disk image?  guestfish -a disk.img\n"
           "For a list of commands:             guestfish -h\n"
           "For complete documentation:         man guestfish\n");
}

/* Start 'pipecmd' reading from a new pipe and point stdout at the pipe.
 * Returns the child's pid and the saved stdout in *saved_fd, or -1.
 */
static pid_t
start_pipe (const char *pipecmd, int *saved_fd)
{
  int fd[2];
  pid_t pid;

  if (fflush (stdout) == EOF) {
    perror ("failed to flush standard output");
    return -1;
  }
  if (pipe (fd) == -1) {
    perror ("pipe");
    return -1;
  }
  pid = fork ();
  if (pid == -1) {
    perror ("fork");
    close (fd[0]);
    close (fd[1]);
    return -1;
  }
  if (pid == 0) {
    int r;

    close (fd[1]);
    if (dup2 (fd[0], 0) == -1) {
      perror ("dup2");
      _exit (EXIT_FAILURE);
    }
    close (fd[0]);
    /* guestfish ignores SIGPIPE; the host command should not. */
    signal (SIGPIPE, SIG_DFL);
    r = system (pipecmd);
    if (r == -1) {
      perror (pipecmd);
      _exit (EXIT_FAILURE);
    }
    _exit (WIFEXITED (r) ? WEXITSTATUS (r) : EXIT_FAILURE);
  }

  close (fd[0]);
  *saved_fd = dup (1);
  if (*saved_fd == -1 || dup2 (fd[1], 1) == -1) {
    perror ("dup2");
    if (*saved_fd >= 0)
      close (*saved_fd);
    close (fd[1]);
    waitpid (pid, NULL, 0);
    return -1;
  }
  close (fd[1]);
  return pid;
}

int
fish_issue_command (const char *cmd, char *argv[], const char *pipecmd)
{
  return fish_issue_top_command (cmd, argv, pipecmd, 1);
}

/* A command typed by the user or given on the command line: with
 * --remote it is sent to the server (after setting up any pipe here,
 * since the server writes to our stdout).
 */
int
fish_issue_top_command (const char *cmd, char *argv[], const char *pipecmd,
                        int exit_on_error)
{
  const struct fish_command *c;
  int saved_fd = -1;
  pid_t pid = 0;
  size_t argc;
  int r;

  progress_bars_reset ();
  fish_command_num++;

  if (pipecmd) {
    pid = start_pipe (pipecmd, &saved_fd);
    if (pid == -1)
      return -1;
  }

  argc = fish_count_strings (argv);
  c = fish_lookup_command (cmd);
  if (fish_remote_pid)
    r = fish_rc_remote (cmd, argv, exit_on_error);
  else if (c == NULL) {
    fprintf (stderr, "%s: unknown command\n", cmd);
    if (fish_command_num == 1)
      extended_help_message ();
    r = -1;
  }
  else
    r = c->run (cmd, argc, argv);
  progress_bars_reset ();

  /* Flush after every command so output and errors appear in order.  A
   * failed flush leaves the stream's error flag set, checked next.
   */
  fflush (stdout);
  if (ferror (stdout)) {
    /* A host command that stops reading early (| head) is normal, so
     * failed writes to a pipe are only an error with --pipe-error.
     */
    if (!pipecmd || fish_pipe_error) {
      fprintf (stderr, "guestfish: write error%s\n",
               pipecmd ? " on pipe" : "");
      r = -1;
    }
    clearerr (stdout);
  }

  if (pipecmd) {
    if (dup2 (saved_fd, 1) == -1) {
      perror ("dup2");
      r = -1;
    }
    close (saved_fd);
    if (waitpid (pid, NULL, 0) == -1) {
      perror ("waitpid");
      r = -1;
    }
  }

  return r;
}

/* "!cmd": run on the host; a non-zero exit is an error. */
static int
run_host (const char *cmd)
{
  int r;

  fflush (stdout);
  r = system (cmd);
  if (r == -1) {
    perror ("system");
    return -1;
  }
  if (WIFSIGNALED (r) || (WIFEXITED (r) && WEXITSTATUS (r) != 0))
    return -1;
  return 0;
}

/* "<!cmd": run on the host and execute its output as guestfish commands. */
static int
run_inline (const char *cmd, int exit_on_error)
{
  char *buf = NULL;
  size_t bufsize = 0;
  ssize_t n;
  FILE *pp;
  int ret = 0;

  fflush (stdout);
  pp = popen (cmd, "r");
  if (pp == NULL) {
    perror ("popen");
    return -1;
  }
  while ((n = getline (&buf, &bufsize, pp)) != -1) {
    int eoe = exit_on_error;

    if (n > 0 && buf[n-1] == '\n')
      buf[n-1] = '\0';
    if (fish_run_line (buf, &eoe) == -1 && eoe) {
      ret = -1;
      break;
    }
    if (fish_quit)
      break;
  }
  free (buf);
  if (pclose (pp) != 0 && ret == 0) {
    fprintf (stderr, "guestfish: <!%s: command failed\n", cmd);
    ret = -1;
  }
  return ret;
}

int
fish_run_line (char *buf, int *exit_on_error)
{
  struct fish_line line;
  int r;

  fish_parse_line (buf, &line);
  if (line.ignore_errors)
    *exit_on_error = 0;

  switch (line.kind) {
  case FISH_LINE_EMPTY:
    r = 0;
    break;
  case FISH_LINE_HOST:
    r = run_host (line.host);
    break;
  case FISH_LINE_INLINE:
    r = run_inline (line.host, *exit_on_error);
    break;
  case FISH_LINE_COMMAND:
    r = fish_issue_top_command (line.cmd, line.argv, line.pipe,
                                *exit_on_error);
    break;
  case FISH_LINE_ERROR:
  default:
    r = -1;
    break;
  }

  fish_free_line (&line);
  return r;
}
