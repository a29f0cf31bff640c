/* guestfsd: run one of the guest's own programs, for command and sh.
 *
 * The program runs chrooted into the guest root, in a mount namespace
 * and a PID namespace of its own.  The appliance's /dev (with /dev/pts)
 * and /sys and a fresh /proc are mounted on the guest's directories only
 * inside that mount namespace: the guest filesystem never shows them,
 * not even while the program runs, and there is nothing to unmount
 * afterwards.  Guest directories are opened with sysroot_open (resolved
 * inside the guest root, the last component not followed), so a guest
 * symlink at /dev can never make us mount over an appliance directory.
 * When the program exits its PID namespace ends, which kills whatever it
 * left running: such processes would otherwise keep the guest
 * filesystems busy and write to them behind the caller's back.
 *
 * The processes: the daemon forks a helper, which unshares the
 * namespaces and forks the namespace's init; init mounts, chroots, forks
 * the program, reaps until the program exits, reports the program's wait
 * status on a pipe and exits.  The daemon reads stdout and stderr from
 * pipes meanwhile, bounding both, and sends progress pulses. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "daemon.h"
#include "guestcmd.h"

/* stderr kept for the error message (the protocol's limit is 64 KiB). */
#define ERR_MAX (60 * 1024)

/* Was the appliance started with networking (guestfs_network=1)? */
static bool
network_enabled (void)
{
  static int enabled = -1;

  if (enabled == -1) {
    CLEANUP_FREE char *cmdline = NULL;
    int fd = open ("/proc/cmdline", O_RDONLY | O_CLOEXEC);

    enabled = 0;
    if (fd >= 0) {
      cmdline = read_whole_fd (fd, 65536, NULL);
      close (fd);
    }
    for (char *p = cmdline; p && (p = strstr (p, "guestfs_network=1")); p++)
      if ((p == cmdline || p[-1] == ' ') &&
          (p[17] == '\0' || p[17] == ' ' || p[17] == '\n'))
        enabled = 1;
  }
  return enabled;
}

/* Mount on a guest directory, if it is one: a missing directory or a
 * symlink is left alone, as libguestfs skips missing mount points. */
static int
mount_on_guest_dir (const char *gpath, const char *src, const char *type,
                    unsigned long flags)
{
  struct stat st;
  char target[64];
  int fd, r;

  fd = sysroot_open (gpath, O_PATH | O_DIRECTORY | O_NOFOLLOW, 0);
  if (fd == -1)
    return 0;
  if (fstat (fd, &st) == -1 || !S_ISDIR (st.st_mode)) {
    close (fd);
    return 0;
  }
  snprintf (target, sizeof target, "/proc/self/fd/%d", fd);
  r = mount (src, target, type, flags, NULL);
  if (r == -1)
    fprintf (stderr, "cannot mount %s on the guest's %s: %s\n",
             src, gpath, strerror (errno));
  close (fd);
  return r;
}

/* With networking, the guest's resolver configuration (a file, or a
 * symlink resolved inside the guest) is covered by the appliance's. */
static void
mount_resolv_conf (void)
{
  struct stat st;
  char target[64];
  int fd;

  if (!network_enabled () || stat ("/etc/resolv.conf", &st) == -1)
    return;
  fd = sysroot_open ("/etc/resolv.conf", O_PATH, 0);
  if (fd == -1)
    return;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode)) {
    snprintf (target, sizeof target, "/proc/self/fd/%d", fd);
    if (mount ("/etc/resolv.conf", target, NULL, MS_BIND, NULL) == -1)
      fprintf (stderr, "warning: cannot mount /etc/resolv.conf in the guest: %s\n",
               strerror (errno));
  }
  close (fd);
}

static void __attribute__((noreturn))
exec_program (char *const *argv)
{
  sigset_t none;

  sigemptyset (&none);
  sigprocmask (SIG_SETMASK, &none, NULL);
  /* The daemon ignores SIGPIPE, and ignored signals survive exec. */
  signal (SIGPIPE, SIG_DFL);
  close_range (3, ~0U, 0);
  execvp (argv[0], argv);
  fprintf (stderr, "%s: %s\n", argv[0], strerror (errno));
  _exit (127);
}

/* PID 1 of the command's namespace. */
static void __attribute__((noreturn))
ns_init (char *const *argv, int status_fd)
{
  int status = 0, st;
  pid_t child, pid;

  /* If the helper is killed (output too large), so is everything here. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (mount_on_guest_dir ("/dev", "/dev", NULL, MS_BIND | MS_REC) == -1 ||
      mount_on_guest_dir ("/sys", "/sys", NULL, MS_BIND | MS_REC) == -1 ||
      mount_on_guest_dir ("/proc", "proc", "proc",
                          MS_NOSUID | MS_NODEV | MS_NOEXEC) == -1)
    _exit (1);
  mount_resolv_conf ();
  if (chroot (SYSROOT) == -1 || chdir ("/") == -1) {
    fprintf (stderr, "chroot: %s\n", strerror (errno));
    _exit (1);
  }

  child = fork ();
  if (child == -1) {
    fprintf (stderr, "fork: %s\n", strerror (errno));
    _exit (1);
  }
  if (child == 0)
    exec_program (argv);
  /* Only the program and its children may hold the output pipes. */
  close (1);
  close (2);
  for (;;) {
    pid = waitpid (-1, &st, 0);
    if (pid == child) {
      status = st;
      break;
    }
    if (pid == -1 && errno != EINTR)
      _exit (1);
  }
  if (write (status_fd, &status, sizeof status) != (ssize_t) sizeof status)
    _exit (1);
  /* Exiting ends the namespace: the kernel kills what is left in it. */
  _exit (0);
}

static void __attribute__((noreturn))
ns_helper (char *const *argv, int out_fd, int err_fd, int status_fd)
{
  int nullfd = open ("/dev/null", O_RDONLY | O_CLOEXEC), st;
  pid_t pid;

  if (nullfd == -1 || dup2 (nullfd, 0) == -1 || dup2 (out_fd, 1) == -1 ||
      dup2 (err_fd, 2) == -1)
    _exit (1);
  close (out_fd);
  close (err_fd);
  setvbuf (stderr, NULL, _IONBF, 0);
  if (unshare (CLONE_NEWNS | CLONE_NEWPID) == -1) {
    fprintf (stderr, "unshare: %s\n", strerror (errno));
    _exit (1);
  }
  /* Nothing mounted here may propagate back to the daemon's view. */
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1) {
    fprintf (stderr, "mount --make-rprivate /: %s\n", strerror (errno));
    _exit (1);
  }
  pid = fork ();
  if (pid == -1) {
    fprintf (stderr, "fork: %s\n", strerror (errno));
    _exit (1);
  }
  if (pid == 0)
    ns_init (argv, status_fd);
  close (status_fd);
  close (1);
  close (2);
  while (waitpid (pid, &st, 0) == -1 && errno == EINTR)
    ;
  _exit (0);
}

struct buffer {
  char *data;
  size_t len, alloc, max;
  bool overflow;
};

/* Append, keeping at most b->max bytes. */
static int
buffer_add (struct buffer *b, const char *p, size_t n)
{
  if (b->len + n > b->max) {
    b->overflow = true;
    n = b->max - b->len;
  }
  if (b->len + n + 1 > b->alloc) {
    size_t a = b->alloc ? b->alloc : 65536;
    char *d;
    while (a < b->len + n + 1)
      a *= 2;
    if (a > b->max + 1)
      a = b->max + 1;
    d = realloc (b->data, a);
    if (d == NULL)
      return -1;
    b->data = d;
    b->alloc = a;
  }
  memcpy (b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
  return 0;
}

/* Read both pipes to their ends.  If stdout grows too large the helper
 * is killed, which kills the namespace, which closes the pipes. */
static int
collect (pid_t helper, int out_fd, int err_fd, struct buffer *out, struct buffer *err)
{
  struct pollfd fds[2] = {
    { .fd = out_fd, .events = POLLIN },
    { .fd = err_fd, .events = POLLIN },
  };
  struct buffer *bufs[2] = { out, err };
  char chunk[65536];
  bool killed = false;

  while (fds[0].fd >= 0 || fds[1].fd >= 0) {
    int r = poll (fds, 2, 333);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    if (r == 0) {
      notify_progress_pulse ();
      continue;
    }
    for (int i = 0; i < 2; ++i) {
      ssize_t n;
      if (fds[i].fd < 0 || fds[i].revents == 0)
        continue;
      n = read (fds[i].fd, chunk, sizeof chunk);
      if (n == -1 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n <= 0) {
        fds[i].fd = -1;
        continue;
      }
      if (buffer_add (bufs[i], chunk, n) == -1)
        return -1;
      if (out->overflow && !killed) {
        kill (helper, SIGKILL);
        killed = true;
      }
    }
  }
  return 0;
}

char *
guest_command (char *const *argv, size_t *len_r)
{
  int outp[2] = { -1, -1 }, errp[2] = { -1, -1 }, stp[2] = { -1, -1 };
  struct buffer out = { .max = GUEST_OUTPUT_MAX }, err = { .max = ERR_MAX };
  int status = 0, st;
  bool have_status;
  char *ret = NULL;
  pid_t pid;

  if (argv[0] == NULL) {
    reply_with_error ("passed an empty list");
    return NULL;
  }
  if (!sysroot_is_mounted ()) {
    reply_with_error ("you must call 'mount' first to mount the root filesystem");
    return NULL;
  }
  if (verbose) {
    fprintf (stderr, "guestfsd: guest command:");
    for (size_t i = 0; argv[i]; ++i)
      fprintf (stderr, " %s", argv[i]);
    fprintf (stderr, "\n");
  }

  if (pipe2 (outp, O_CLOEXEC) == -1 || pipe2 (errp, O_CLOEXEC) == -1 ||
      pipe2 (stp, O_CLOEXEC) == -1) {
    reply_with_perror ("pipe");
    goto out;
  }
  pid = fork ();
  if (pid == -1) {
    reply_with_perror ("fork");
    goto out;
  }
  if (pid == 0)
    ns_helper (argv, outp[1], errp[1], stp[1]);
  close (outp[1]);
  close (errp[1]);
  close (stp[1]);
  outp[1] = errp[1] = stp[1] = -1;

  if (collect (pid, outp[0], errp[0], &out, &err) == -1) {
    int e = errno;
    kill (pid, SIGKILL);
    errno = e;
    reply_with_perror ("reading the command's output");
    while (waitpid (pid, &st, 0) == -1 && errno == EINTR)
      ;
    goto out;
  }
  while (waitpid (pid, &st, 0) == -1 && errno == EINTR)
    ;
  have_status = read (stp[0], &status, sizeof status) == (ssize_t) sizeof status;

  if (out.overflow)
    reply_with_error ("%s: the output is larger than %d bytes: redirect it to "
                      "a file in the guest and download that instead",
                      argv[0], GUEST_OUTPUT_MAX);
  else if (have_status && WIFEXITED (status) && WEXITSTATUS (status) == 0) {
    if (out.data == NULL && buffer_add (&out, "", 0) == -1) {
      reply_with_perror ("malloc");
      goto out;
    }
    ret = out.data;
    out.data = NULL;
    *len_r = out.len;
  }
  else {
    while (err.len > 0 && (err.data[err.len - 1] == '\n' || err.data[err.len - 1] == '\r'))
      err.data[--err.len] = '\0';
    if (err.len > 0)
      reply_with_error ("%s", err.data);
    else if (!have_status)
      reply_with_error ("%s: could not run the command in the guest", argv[0]);
    else if (WIFEXITED (status))
      reply_with_error ("%s: exited with status %d", argv[0], WEXITSTATUS (status));
    else
      reply_with_error ("%s: killed by signal %d (%s)", argv[0],
                        WTERMSIG (status), strsignal (WTERMSIG (status)));
  }

 out:
  for (int i = 0; i < 2; ++i) {
    if (outp[i] >= 0)
      close (outp[i]);
    if (errp[i] >= 0)
      close (errp[i]);
    if (stp[i] >= 0)
      close (stp[i]);
  }
  free (out.data);
  free (err.data);
  return ret;
}

char **
guest_output_lines (const char *buf, size_t len)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);
  size_t nlines = 0, i = 0;

  for (size_t j = 0; j < len; ++j)
    if (buf[j] == '\n')
      nlines++;
  if (len > 0 && buf[len - 1] != '\n')
    nlines++;
  if (nlines > GUEST_LINES_MAX) {
    reply_with_error ("the output has more than %d lines: redirect it to a "
                      "file in the guest and download that instead",
                      GUEST_LINES_MAX);
    return NULL;
  }
  while (i < len) {
    const char *nl = memchr (buf + i, '\n', len - i);
    size_t end = nl ? (size_t) (nl - buf) : len;
    char *line = strndup (buf + i, end - i);

    if (line == NULL) {
      reply_with_perror ("strndup");
      return NULL;
    }
    if (add_string_nodup (&sb, line) == -1)
      return NULL;
    i = end + 1;
  }
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}
