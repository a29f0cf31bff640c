/* virt-log: Windows Vista and later keep their event logs in .evtx
 * files, which python-evtx's dump script turns into XML (the script is
 * "evtxdump.py" where libguestfs looks for it, "evtx_dump.py" in
 * Debian's python3-evtx).  As libguestfs does, System.evtx is copied to
 * a private host directory and the script run on it (no shell).
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>

#include "options.h"
#include "log.h"

#define EVTX_FILE "/Windows/System32/winevt/Logs/System.evtx"

/* The full path of PROG on $PATH, or NULL. */
static char *
find_program (const char *prog)
{
  const char *path = getenv ("PATH");
  char *copy, *dir, *save = NULL, *ret = NULL;

  if (path == NULL || (copy = strdup (path)) == NULL)
    return NULL;
  for (dir = strtok_r (copy, ":", &save); dir && !ret;
       dir = strtok_r (NULL, ":", &save)) {
    char *f;

    if (asprintf (&f, "%s/%s", *dir ? dir : ".", prog) == -1)
      break;
    if (access (f, X_OK) == 0)
      ret = f;
    else
      free (f);
  }
  free (copy);
  return ret;
}

static int
run_dump (const char *prog, const char *file)
{
  pid_t pid;
  int status;

  fflush (stdout);
  pid = fork ();
  if (pid == -1) {
    perror ("fork");
    return -1;
  }
  if (pid == 0) {
    execl (prog, prog, file, (char *) NULL);
    fprintf (stderr, "virt-log: %s: %s\n", prog, strerror (errno));
    _exit (127);
  }
  if (waitpid (pid, &status, 0) == -1) {
    perror ("waitpid");
    return -1;
  }
  if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
    return 0;
  if (WIFEXITED (status))
    tools_error ("%s: command exited with error status %d", prog,
                 WEXITSTATUS (status));
  else
    tools_error ("%s: command killed by signal %d", prog,
                 WIFSIGNALED (status) ? WTERMSIG (status) : 0);
  return -1;
}

int
log_windows_evtx (void)
{
  char *prog, *filename, *dir = NULL, *local = NULL;
  int r = -1;

  prog = find_program ("evtxdump.py");
  if (prog == NULL)
    prog = find_program ("evtx_dump.py");
  if (prog == NULL) {
    tools_error ("you need to install ‘evtxdump.py’ (from the python-evtx "
                 "package)\n"
                 "in order to parse Windows Event Logs.  If you cannot "
                 "install this, then\n"
                 "use virt-copy-out(1) to copy the contents of "
                 "/Windows/System32/winevt/Logs\n"
                 "from this guest, and examine in a binary file viewer.");
    return -1;
  }
  /* A missing directory on the way is the same as a missing file. */
  guestfs_push_error_handler (tools.g, NULL, NULL);
  filename = guestfs_case_sensitive_path (tools.g, EVTX_FILE);
  r = filename ? guestfs_is_file_opts (tools.g, filename,
                                       GUESTFS_IS_FILE_OPTS_FOLLOWSYMLINKS, 1,
                                       -1)
               : 0;
  guestfs_pop_error_handler (tools.g);
  if (r <= 0) {
    tools_error ("Windows Event Log file (%s) not found",
                 filename ? filename : EVTX_FILE);
    r = -1;
    goto out;
  }
  r = -1;
  /* python-evtx maps the file: it cannot read a pipe. */
  if ((dir = log_mkdtemp ()) == NULL)
    goto out;
  if (asprintf (&local, "%s/System.evtx", dir) == -1) {
    perror ("asprintf");
    goto out;
  }
  if (guestfs_download (tools.g, filename, local) == -1)
    goto out;
  r = run_dump (prog, local);

 out:
  if (dir) {
    log_rmtree (dir);
    free (dir);
  }
  free (local);
  free (filename);
  free (prog);
  return r;
}
