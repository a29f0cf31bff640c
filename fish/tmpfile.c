/* guestfish: local temporary files for the commands that hand a guest
 * file to a host program (edit, more, display, hexedit): making the file
 * in the library's temporary directory, running "PROGRAM FILE" through
 * the shell as libguestfs does (so $EDITOR may hold options, or even a
 * shell fragment), and telling whether the program changed the file.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "fish.h"

char *
fish_tmpfile (void)
{
  char *dir = guestfs_get_tmpdir (g), *name;
  int fd;

  if (dir == NULL)
    return NULL;
  if (asprintf (&name, "%s/guestfishXXXXXX", dir) == -1) {
    perror ("asprintf");
    free (dir);
    return NULL;
  }
  free (dir);
  fd = mkostemp (name, O_CLOEXEC);
  if (fd == -1) {
    fprintf (stderr, "guestfish: %s: %s\n", name, strerror (errno));
    free (name);
    return NULL;
  }
  close (fd);
  return name;
}

/* FILE in single quotes for the shell. */
static char *
shell_quote (const char *file)
{
  char *ret = malloc (4 * strlen (file) + 3), *o = ret;

  if (ret == NULL)
    return NULL;
  *o++ = '\'';
  for (; *file; ++file) {
    if (*file == '\'') {
      memcpy (o, "'\\''", 4);
      o += 4;
    }
    else
      *o++ = *file;
  }
  *o++ = '\'';
  *o = '\0';
  return ret;
}

int
fish_run_program (const char *cmd, const char *program, const char *file)
{
  char *quoted = shell_quote (file), *line;
  int r;

  if (quoted == NULL || asprintf (&line, "%s %s", program, quoted) == -1) {
    perror ("malloc");
    free (quoted);
    return -1;
  }
  free (quoted);

  fflush (stdout);
  r = system (line);
  if (r == -1) {
    fprintf (stderr, "%s: %s: %s\n", cmd, line, strerror (errno));
    free (line);
    return -1;
  }
  if (WIFEXITED (r) && WEXITSTATUS (r) == 0) {
    free (line);
    return 0;
  }
  if (WIFEXITED (r) && WEXITSTATUS (r) == 127)
    fprintf (stderr, "%s: %s: command not found\n", cmd, program);
  else if (WIFEXITED (r))
    fprintf (stderr, "%s: ‘%s’ failed with exit status %d\n",
             cmd, line, WEXITSTATUS (r));
  else
    fprintf (stderr, "%s: ‘%s’ was killed by signal %d\n",
             cmd, line, WTERMSIG (r));
  free (line);
  return -1;
}

int
fish_file_state (const char *file, struct fish_file_state *s)
{
  struct stat st;

  if (stat (file, &st) == -1) {
    fprintf (stderr, "guestfish: %s: %s\n", file, strerror (errno));
    return -1;
  }
  s->dev = st.st_dev;
  s->ino = st.st_ino;
  s->size = st.st_size;
  s->mtime = st.st_mtim;
  s->ctime = st.st_ctim;
  return 0;
}

/* Editors either rewrite the file in place or write a new one and
 * rename it; either changes one of these.  Times are compared to the
 * nanosecond, so a quick edit that keeps the size is still seen.
 */
int
fish_file_changed (const struct fish_file_state *a,
                   const struct fish_file_state *b)
{
  return a->dev != b->dev || a->ino != b->ino || a->size != b->size ||
    a->mtime.tv_sec != b->mtime.tv_sec ||
    a->mtime.tv_nsec != b->mtime.tv_nsec ||
    a->ctime.tv_sec != b->ctime.tv_sec ||
    a->ctime.tv_nsec != b->ctime.tv_nsec;
}
