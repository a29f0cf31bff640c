/* libguestfs (guestkit): copy_in and copy_out, whole trees between the
 * host and the guest.  The host's tar(1) packs or unpacks, and its
 * archive streams through tar_in / tar_out over a pipe named as
 * /dev/fd/N, so nothing is staged on disk and file names may hold any
 * character.  A single remote file is simply downloaded.  The size of
 * the archive copy_in sends is estimated first, so that the daemon can
 * report its progress. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <linux/capability.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

/* Split path into its directory and last component, ignoring trailing
 * slashes: "a/b/" -> "a", "b"; "b" -> ".", "b"; "/" -> "/", ".". */
static void
split_path (guestfs_h *g, const char *path, char **dir, char **base)
{
  size_t len = strlen (path);
  const char *slash;

  while (len > 1 && path[len - 1] == '/')
    len--;
  if (len == 1 && path[0] == '/') {
    *dir = safe_strdup (g, "/");
    *base = safe_strdup (g, ".");
    return;
  }
  slash = memrchr (path, '/', len);
  if (slash == NULL) {
    *dir = safe_strdup (g, ".");
    *base = strndup (path, len);
  }
  else {
    *dir = slash == path ? safe_strdup (g, "/") : strndup (path, slash - path);
    *base = strndup (slash + 1, len - (slash + 1 - path));
  }
  if (*dir == NULL || *base == NULL)
    abort ();
}

/* Start tar with stdin and stdout as given (-1: /dev/null) and stderr
 * in a memory file (*errfd).  Returns its pid or -1. */
static pid_t
start_tar (guestfs_h *g, const char *const *argv, int in, int out, int *errfd)
{
  pid_t pid;

  *errfd = memfd_create ("tar-stderr", MFD_CLOEXEC);
  if (*errfd == -1) {
    perrorf (g, "memfd_create");
    return -1;
  }
  pid = fork ();
  if (pid == -1) {
    perrorf (g, "fork");
    close (*errfd);
    return -1;
  }
  if (pid == 0) {
    int nullfd = open ("/dev/null", O_RDWR);
    signal (SIGPIPE, SIG_DFL);
    dup2 (in >= 0 ? in : nullfd, 0);
    dup2 (out >= 0 ? out : nullfd, 1);
    dup2 (*errfd, 2);
    setenv ("LC_ALL", "C", 1);
    /* The archive tar unpacks comes from the appliance: hostile.  GNU
     * tar keeps its members inside the directory ("..", absolute names,
     * symlinks followed by files through them), but as root it would
     * also make device nodes, such as one for the host's own disk,
     * readable by everyone.  Without CAP_MKNOD it cannot. */
    if (in >= 0 && geteuid () == 0 && prctl (PR_CAPBSET_DROP, CAP_MKNOD, 0, 0, 0) == -1) {
      fprintf (stderr, "prctl: %m");
      _exit (127);
    }
    execvp (argv[0], (char *const *) argv);
    fprintf (stderr, "%s: %m", argv[0]);
    _exit (127);
  }
  return pid;
}

/* Wait for tar.  If it failed and no error was set yet (ok), set one
 * quoting its stderr.  Returns 0 if tar succeeded. */
static int
finish_tar (guestfs_h *g, pid_t pid, int errfd, bool ok)
{
  int status;

  while (waitpid (pid, &status, 0) == -1)
    if (errno != EINTR) {
      status = -1;
      break;
    }
  if (status == 0) {
    close (errfd);
    return 0;
  }
  if (ok) {
    char buf[4096];
    ssize_t n = pread (errfd, buf, sizeof buf - 1, 0);
    if (n < 0)
      n = 0;
    buf[n] = '\0';
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
      buf[--n] = '\0';
    if (n > 0)
      error (g, "tar subprocess failed: %s", buf);
    else
      error (g, "tar subprocess failed");
  }
  close (errfd);
  return -1;
}

static int
check_remote_path (guestfs_h *g, const char *path)
{
  if (path[0] != '/') {
    error (g, "%s: path must start with a / character", path);
    return -1;
  }
  return 0;
}

/* The size of the tar archive of a local tree: a 512-byte header per
 * entry, regular files' data rounded up to 512 bytes, 1 KiB at the end
 * (long names and extended headers make the real one a little larger;
 * the daemon's progress copes with that). */
static __thread uint64_t tree_bytes;

static int
add_entry (const char *path, const struct stat *st, int flag, struct FTW *f)
{
  tree_bytes += 512;
  if (flag == FTW_F && S_ISREG (st->st_mode))
    tree_bytes += ((uint64_t) st->st_size + 511) & ~(uint64_t) 511;
  return 0;
}

static uint64_t
archive_size (const char *localpath)
{
  tree_bytes = 1024;
  if (nftw (localpath, add_entry, 16, FTW_PHYS) == -1)
    return 0;
  return tree_bytes;
}

int
guestfs_impl_copy_in (guestfs_h *g, const char *localpath, const char *remotedir)
{
  char *dir, *base, fdpath[64];
  int pfd[2], errfd, r;
  pid_t pid;

  if (check_remote_path (g, remotedir) == -1)
    return -1;
  r = guestfs_is_dir_opts (g, remotedir, GUESTFS_IS_DIR_OPTS_FOLLOWSYMLINKS, 1, -1);
  if (r == -1)
    return -1;
  if (r == 0) {
    error (g, "target ‘%s’ is not a directory", remotedir);
    return -1;
  }
  if (access (localpath, R_OK) == -1) {
    error (g, "source ‘%s’ does not exist (or cannot be read)", localpath);
    return -1;
  }

  if (pipe2 (pfd, O_CLOEXEC) == -1) {
    perrorf (g, "pipe");
    return -1;
  }
  split_path (g, localpath, &dir, &base);
  {
    const char *argv[] = { "tar", "-C", dir, "-cf", "-", "--", base, NULL };
    pid = start_tar (g, argv, -1, pfd[1], &errfd);
  }
  free (dir);
  free (base);
  close (pfd[1]);
  if (pid == -1) {
    close (pfd[0]);
    return -1;
  }
  snprintf (fdpath, sizeof fdpath, "/dev/fd/%d", pfd[0]);
  g->filein_size_hint = archive_size (localpath);
  r = guestfs_tar_in (g, fdpath, remotedir);
  g->filein_size_hint = 0;
  /* Closing the pipe stops tar if tar_in gave up early. */
  close (pfd[0]);
  if (finish_tar (g, pid, errfd, r == 0) == -1)
    r = -1;
  return r;
}

/* While tar_out writes into the pipe, a tar that died must give us
 * EPIPE, not kill the calling program with SIGPIPE: the signal is
 * blocked in this thread, and a SIGPIPE we caused is consumed. */
struct sigpipe_guard {
  sigset_t old;
  bool was_pending;
};

static void
block_sigpipe (struct sigpipe_guard *s)
{
  sigset_t set, pending;

  sigemptyset (&set);
  sigaddset (&set, SIGPIPE);
  sigpending (&pending);
  s->was_pending = sigismember (&pending, SIGPIPE);
  pthread_sigmask (SIG_BLOCK, &set, &s->old);
}

static void
restore_sigpipe (struct sigpipe_guard *s)
{
  sigset_t set, pending;
  struct timespec zero = { 0, 0 };

  sigemptyset (&set);
  sigaddset (&set, SIGPIPE);
  sigpending (&pending);
  if (!s->was_pending && sigismember (&pending, SIGPIPE))
    sigtimedwait (&set, NULL, &zero);
  pthread_sigmask (SIG_SETMASK, &s->old, NULL);
}

/* Unpack remotedir's tree into localdir/base (created if needed). */
static int
copy_out_dir (guestfs_h *g, const char *remotedir, const char *dest)
{
  struct sigpipe_guard guard;
  char fdpath[64];
  int pfd[2], errfd, r;
  pid_t pid;

  if (mkdir (dest, 0777) == -1 && errno != EEXIST) {
    perrorf (g, "mkdir: %s", dest);
    return -1;
  }
  if (pipe2 (pfd, O_CLOEXEC) == -1) {
    perrorf (g, "pipe");
    return -1;
  }
  {
    const char *argv[] = { "tar", "-C", dest, "-xf", "-", NULL };
    pid = start_tar (g, argv, pfd[0], -1, &errfd);
  }
  close (pfd[0]);
  if (pid == -1) {
    close (pfd[1]);
    return -1;
  }
  snprintf (fdpath, sizeof fdpath, "/dev/fd/%d", pfd[1]);
  block_sigpipe (&guard);
  r = guestfs_tar_out (g, remotedir, fdpath);
  close (pfd[1]);
  restore_sigpipe (&guard);
  if (finish_tar (g, pid, errfd, r == 0) == -1)
    r = -1;
  return r;
}

int
guestfs_impl_copy_out (guestfs_h *g, const char *remotepath, const char *localdir)
{
  struct stat st;
  char *dir, *base, *dest;
  int r;

  if (check_remote_path (g, remotepath) == -1)
    return -1;
  if (stat (localdir, &st) == -1 || !S_ISDIR (st.st_mode)) {
    error (g, "target ‘%s’ is not a directory", localdir);
    return -1;
  }

  split_path (g, remotepath, &dir, &base);
  free (dir);
  dest = STREQ (base, ".") ? safe_strdup (g, localdir)
                           : safe_asprintf (g, "%s/%s", localdir, base);
  free (base);

  r = guestfs_is_file_opts (g, remotepath, GUESTFS_IS_FILE_OPTS_FOLLOWSYMLINKS, 1, -1);
  if (r == 1)
    r = guestfs_download (g, remotepath, dest);
  else if (r == 0) {
    r = guestfs_is_dir_opts (g, remotepath, GUESTFS_IS_DIR_OPTS_FOLLOWSYMLINKS, 1, -1);
    if (r == 1)
      r = copy_out_dir (g, remotepath, dest);
    else if (r == 0) {
      error (g, "‘%s’ is not a file or directory", remotepath);
      r = -1;
    }
  }
  free (dest);
  return r == -1 ? -1 : 0;
}
