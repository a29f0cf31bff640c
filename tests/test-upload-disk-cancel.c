/* An upload through a transfer disk (a large regular file) sends
 * progress events and is stopped by guestfs_user_cancel from another
 * thread; afterwards the transfer disk is gone and the handle works. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <pthread.h>

#include "guestfs.h"
#include "tap.h"

#define SIZE (INT64_C(2048) * 1024 * 1024)

static int nr_progress;
static uint64_t last_total;

static void
progress_cb (guestfs_h *g, void *opaque, uint64_t event, int eh, int flags,
             const char *buf, size_t buf_len, const uint64_t *array, size_t array_len)
{
  if (array_len == 4) {
    nr_progress++;
    last_total = array[3];
  }
}

static void *
canceller (void *gp)
{
  usleep (3500 * 1000);
  guestfs_user_cancel (gp);
  return NULL;
}

int
main (void)
{
  guestfs_h *g;
  char path[] = "/tmp/upload-disk-cancel.XXXXXX";
  struct timespec t0, t1;
  char **devs;
  pthread_t ct;
  int fd, r;

  TAP_PLAN (6);
  signal (SIGPIPE, SIG_IGN);
  fd = mkstemp (path);
  if (fd == -1 || ftruncate (fd, SIZE) == -1)
    TAP_BAIL ("%s: %m", path);
  close (fd);
  g = guestfs_create ();
  guestfs_set_error_handler (g, NULL, NULL);
  if (guestfs_add_drive_scratch (g, 2 * SIZE, -1) == -1 || guestfs_launch (g) == -1)
    TAP_BAIL ("launch: %s", guestfs_last_error (g));
  guestfs_set_event_callback (g, progress_cb, GUESTFS_EVENT_PROGRESS, 0, NULL);

  /* Writing 2 GiB to the disk takes well over 10 s under TCG. */
  pthread_create (&ct, NULL, canceller, g);
  clock_gettime (CLOCK_MONOTONIC, &t0);
  r = guestfs_upload (g, path, "/dev/sda");
  clock_gettime (CLOCK_MONOTONIC, &t1);
  pthread_join (ct, NULL);
  unlink (path);
  TAP_OK (r == -1 && guestfs_last_errno (g) == EINTR,
          "user_cancel stops the upload with EINTR: %s",
          r == -1 ? guestfs_last_error (g) : "it finished");
  TAP_OK (t1.tv_sec - t0.tv_sec < 30, "within %ld s", (long) (t1.tv_sec - t0.tv_sec));
  TAP_OK (nr_progress >= 1 && last_total == (uint64_t) SIZE,
          "progress events with the file's size as total (%d events)", nr_progress);
  devs = guestfs_list_devices (g);
  TAP_OK (devs && devs[0] && !devs[1], "one disk afterwards (%s, %s)",
          devs && devs[0] ? devs[0] : "-", devs && devs[0] && devs[1] ? devs[1] : "-");
  if (devs) {
    for (size_t i = 0; devs[i]; ++i)
      free (devs[i]);
    free (devs);
  }
  TAP_OK (guestfs_ping_daemon (g) == 0, "the handle still works");
  TAP_OK (guestfs_shutdown (g) == 0, "shutdown");
  guestfs_close (g);
  TAP_EXIT ();
}
