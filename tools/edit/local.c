/* virt-edit: the local side.  Guest files are copied into a private
 * directory (mode 0700, removed at exit with whatever the editor left
 * there), changed by the editor -- "$EDITOR 'FILE'" through the shell,
 * as libguestfs runs it, so $EDITOR may carry options -- or by perl
 * running the -e expression over each line, and compared byte for byte
 * with what was downloaded.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "options.h"
#include "edit.h"

static char *local_dir;

static void
remove_local_dir (void)
{
  DIR *d;
  struct dirent *e;

  if (local_dir == NULL)
    return;
  d = opendir (local_dir);
  if (d) {
    while ((e = readdir (d)) != NULL)
      if (STRNEQ (e->d_name, ".") && STRNEQ (e->d_name, ".."))
        unlinkat (dirfd (d), e->d_name, 0);
    closedir (d);
  }
  rmdir (local_dir);
}

const char *
edit_local_dir (void)
{
  const char *tmpdir = getenv ("TMPDIR");

  if (local_dir)
    return local_dir;
  if (asprintf (&local_dir, "%s/virt-edit.XXXXXX",
                tmpdir && *tmpdir ? tmpdir : "/tmp") == -1) {
    perror ("asprintf");
    exit (EXIT_FAILURE);
  }
  if (mkdtemp (local_dir) == NULL) {
    tools_error ("%s: %s", local_dir, strerror (errno));
    free (local_dir);
    local_dir = NULL;
    return NULL;
  }
  atexit (remove_local_dir);
  return local_dir;
}

char *
edit_local_name (const char *path, const char *suffix)
{
  const char *base = strrchr (path, '/');
  char *name, *p;

  base = base ? base + 1 : path;
  if (*base == '\0' || *base == '.')
    base = "file";
  if (asprintf (&name, "%s/%.64s%s", local_dir, base, suffix) == -1) {
    perror ("asprintf");
    exit (EXIT_FAILURE);
  }
  /* Only harmless characters from the guest's name. */
  for (p = name + strlen (local_dir) + 1; *p; ++p)
    if (!(isalnum ((unsigned char) *p) || strchr ("._-+", *p)))
      *p = '_';
  return name;
}

/* FILE in single quotes for the shell. */
static char *
shell_quote (const char *file)
{
  char *ret = malloc (4 * strlen (file) + 3), *o = ret;

  if (ret == NULL) {
    perror ("malloc");
    exit (EXIT_FAILURE);
  }
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

/* Report how the child ended; 0 if it succeeded. */
static int
child_status (const char *what, int status)
{
  if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
    return 0;
  if (WIFEXITED (status) && WEXITSTATUS (status) == 127)
    tools_error ("%s: command not found", what);
  else if (WIFEXITED (status))
    tools_error ("%s failed with exit status %d; the file was not changed",
                 what, WEXITSTATUS (status));
  else
    tools_error ("%s was killed by signal %d; the file was not changed",
                 what, WTERMSIG (status));
  return -1;
}

int
edit_run_editor (const char *file)
{
  const char *editor = getenv ("EDITOR");
  char *quoted, *line;
  int r;

  if (editor == NULL || *editor == '\0')
    editor = getenv ("VISUAL");
  if (editor == NULL || *editor == '\0')
    editor = "vi";
  quoted = shell_quote (file);
  if (asprintf (&line, "%s %s", editor, quoted) == -1) {
    perror ("asprintf");
    exit (EXIT_FAILURE);
  }
  free (quoted);
  fflush (NULL);
  r = system (line);
  free (line);
  if (r == -1) {
    tools_error ("%s: %s", editor, strerror (errno));
    return -1;
  }
  return child_status (editor, r);
}

int
edit_run_perl (const char *expr, const char *in, const char *out)
{
  /* perl joins its -e arguments with newlines, so EXPR may end in a
   * comment.  "next" goes on to the next line and "last" drops the
   * rest, as in perl -p; die aborts the edit. */
  const char *argv[] = {
    "perl", "-e", "$lineno = 0; while (<STDIN>) { $lineno++;",
    "-e", expr,
    "-e", ";} continue { print STDOUT $_ or die \"print: $!\\n\"; }"
    " close STDOUT or die \"close: $!\\n\";",
    NULL
  };
  int infd, outfd, status;
  pid_t pid;

  infd = open (in, O_RDONLY | O_CLOEXEC);
  if (infd == -1) {
    tools_error ("%s: %s", in, strerror (errno));
    return -1;
  }
  outfd = open (out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (outfd == -1) {
    tools_error ("%s: %s", out, strerror (errno));
    close (infd);
    return -1;
  }
  fflush (NULL);
  pid = fork ();
  if (pid == 0) {
    if (dup2 (infd, 0) == -1 || dup2 (outfd, 1) == -1)
      _exit (126);
    execvp ("perl", (char **) argv);
    _exit (127);
  }
  close (infd);
  close (outfd);
  if (pid == -1) {
    tools_error ("fork: %s", strerror (errno));
    return -1;
  }
  while (waitpid (pid, &status, 0) == -1)
    if (errno != EINTR) {
      tools_error ("waitpid: %s", strerror (errno));
      return -1;
    }
  return child_status ("perl -e expression", status);
}

int
edit_copy_local (const char *src, const char *dst)
{
  char buf[65536];
  ssize_t n;
  int in, out, r = 0;

  in = open (src, O_RDONLY | O_CLOEXEC);
  if (in == -1) {
    tools_error ("%s: %s", src, strerror (errno));
    return -1;
  }
  out = open (dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (out == -1) {
    tools_error ("%s: %s", dst, strerror (errno));
    close (in);
    return -1;
  }
  errno = 0;
  while ((n = read (in, buf, sizeof buf)) > 0)
    if (write (out, buf, n) != n) {
      n = -1;
      break;
    }
  if (n == -1)
    r = -1;
  if (close (out) == -1)
    r = -1;
  if (r == -1)
    tools_error ("%s: %s", dst, strerror (errno ? errno : EIO));
  close (in);
  return r;
}

int
edit_files_differ (const char *a, const char *b)
{
  char bufa[65536], bufb[sizeof bufa];
  FILE *fa = fopen (a, "re"), *fb = fopen (b, "re");
  size_t na, nb;
  int r = 0;

  if (fa == NULL || fb == NULL) {
    tools_error ("%s: %s", fa ? b : a, strerror (errno));
    r = -1;
    goto out;
  }
  do {
    na = fread (bufa, 1, sizeof bufa, fa);
    nb = fread (bufb, 1, sizeof bufb, fb);
    if (na != nb || memcmp (bufa, bufb, na) != 0) {
      r = 1;
      break;
    }
  } while (na > 0);
  if (ferror (fa) || ferror (fb)) {
    tools_error ("%s: read error", ferror (fa) ? a : b);
    r = -1;
  }
 out:
  if (fa)
    fclose (fa);
  if (fb)
    fclose (fb);
  return r;
}
