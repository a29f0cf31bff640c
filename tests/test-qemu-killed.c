/* qemu killed under a live handle: idle, and in the middle of a long
 * upload.  Each call must fail quickly with a clear error, the handle
 * must go back to the config state, and closing it must leave no qemu
 * and no temp files behind. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>

#include "guestfs.h"
#include "tap.h"

static double
now (void)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static guestfs_h *
launch (void)
{
  guestfs_h *g = guestfs_create ();
  if (g == NULL)
    TAP_BAIL ("guestfs_create");
  guestfs_set_error_handler (g, NULL, NULL);
  if (guestfs_add_drive_scratch (g, INT64_C(256) * 1024 * 1024, -1) == -1 ||
      guestfs_launch (g) == -1)
    TAP_BAIL ("launch: %s", guestfs_last_error (g));
  return g;
}

static void *
killer (void *pidp)
{
  usleep (1500 * 1000);
  kill (* (pid_t *) pidp, SIGKILL);
  return NULL;
}

int
main (void)
{
  guestfs_h *g;
  pid_t pid;
  double t0;
  int r;
  char path[64];

  char tmpdir[] = "/tmp/test-qemu-killed.XXXXXX";

  TAP_PLAN (10);
  signal (SIGPIPE, SIG_IGN);
  /* A private TMPDIR, to check that nothing is left in it. */
  if (mkdtemp (tmpdir) == NULL)
    TAP_BAIL ("mkdtemp");
  setenv ("TMPDIR", tmpdir, 1);

  /* Idle handle. */
  g = launch ();
  pid = guestfs_get_pid (g);
  TAP_OK (pid > 0, "get_pid returns the qemu pid (%d)", (int) pid);
  kill (pid, SIGKILL);
  t0 = now ();
  r = guestfs_ping_daemon (g);
  TAP_OK (r == -1 && now () - t0 < 10, "a call after qemu was killed fails in %.2f s", now () - t0);
  TAP_OK (guestfs_last_error (g) && strstr (guestfs_last_error (g), "appliance closed the connection"),
          "the error says what happened: %s", guestfs_last_error (g));
  TAP_OK (guestfs_is_config (g) == 1, "the handle is back in the config state");
  TAP_OK (kill (pid, 0) == -1 && errno == ESRCH, "qemu was reaped");
  guestfs_close (g);

  /* During an upload that would never end by itself. */
  g = launch ();
  pid = guestfs_get_pid (g);
  {
    pthread_t kt, ft;
    int pfd[2];
    if (pipe (pfd) == -1)
      TAP_BAIL ("pipe");
    snprintf (path, sizeof path, "/dev/fd/%d", pfd[0]);
    pthread_create (&ft, NULL, endless_feeder, &pfd[1]);
    pthread_create (&kt, NULL, killer, &pid);
    t0 = now ();
    r = guestfs_upload (g, path, "/dev/sda");
    TAP_OK (r == -1 && now () - t0 < 20, "upload interrupted by qemu's death fails in %.2f s",
            now () - t0);
    TAP_OK (guestfs_last_error (g) != NULL, "with an error: %s", guestfs_last_error (g));
    pthread_join (kt, NULL);
    close (pfd[0]);
    pthread_join (ft, NULL);
  }
  TAP_OK (guestfs_is_config (g) == 1, "the handle is back in the config state");
  guestfs_close (g);
  TAP_OK (kill (pid, 0) == -1 && errno == ESRCH, "no qemu left after close");
  TAP_OK (rmdir (tmpdir) == 0, "no temporary files left behind in %s", tmpdir);
  TAP_EXIT ();
}
