/* libguestfs (guestkit): a qemu that has dropped root still dies with
 * us.  The child that becomes qemu sets PR_SET_PDEATHSIG (recovery_proc)
 * so no qemu outlives a program killed before it could close its
 * handle; but the kernel clears that setting when a process changes its
 * user ids, which is just what qemu does at -runas (qemu-privs.c).  So
 * then a tiny watcher process of ours, still root and never exec'd,
 * waits for either end: if we die it kills qemu, if qemu exits so does
 * it.  Both are watched through pidfds, immune to pid reuse. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "guestfs.h"
#include "guestfs-internal.h"

#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif
#ifndef SYS_close_range
#define SYS_close_range 436
#endif

/* The watcher: only async-signal-safe calls (we may be threaded). */
static void __attribute__((noreturn))
watch (int us, int qemu)
{
  struct pollfd p[2] = { { .fd = us, .events = POLLIN }, { .fd = qemu, .events = POLLIN } };

  /* Our terminal's signals are for the program, not for the watcher
   * that must outlive it by a moment. */
  signal (SIGINT, SIG_IGN);
  signal (SIGQUIT, SIG_IGN);
  signal (SIGHUP, SIG_IGN);
  signal (SIGTSTP, SIG_IGN);
  /* `pkill -f` or a kill of our process group reaches the watcher too
   * (it is our fork, with our command line): it must outlive that. */
  signal (SIGTERM, SIG_IGN);
  /* Nothing else of ours stays open here: the protocol and console
   * sockets must close when the library closes them. */
  if (dup2 (us, 0) == -1 || dup2 (qemu, 1) == -1)
    _exit (1);
  p[0].fd = 0;
  p[1].fd = 1;
  syscall (SYS_close_range, 2U, ~0U, 0U);
  while (poll (p, 2, -1) == -1)
    if (errno != EINTR)
      _exit (1);
  if (!(p[1].revents & POLLIN))
    syscall (SYS_pidfd_send_signal, 1, SIGKILL, NULL, 0U);
  _exit (0);
}

pid_t
guestfs_int_watch_qemu (guestfs_h *g, pid_t qemu)
{
  /* Both pidfds are opened here, while qemu is surely not reaped yet. */
  int us = syscall (SYS_pidfd_open, getpid (), 0U);
  int q = syscall (SYS_pidfd_open, qemu, 0U);
  pid_t pid = -1;

  if (us >= 0 && q >= 0) {
    pid = fork ();
    if (pid == 0)
      watch (us, q);
  }
  if (pid == -1)
    debug (g, "qemu (pid %d) will not be killed if this program dies: "
           "no watcher process: %m", (int) qemu);
  if (us >= 0)
    close (us);
  if (q >= 0)
    close (q);
  return pid;
}

void
guestfs_int_reap_watcher (guestfs_h *g)
{
  pid_t pid = g->watcher_pid;

  g->watcher_pid = 0;
  if (pid <= 0)
    return;
  /* qemu is gone by now, so the watcher is leaving on its own (no
   * signal: if the program reaped it already, the pid may be another
   * process's). */
  while (waitpid (pid, NULL, 0) == -1 && errno == EINTR)
    ;
}
