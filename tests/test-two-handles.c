/* Two handles launched at the same time in one process, each driving
 * its own appliance from its own thread. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#include "guestfs.h"
#include "tap.h"

struct job {
  int n;
  int ok;
  char err[512];
};

static void *
run (void *p)
{
  struct job *j = p;
  guestfs_h *g = guestfs_create ();
  char content[64], *got = NULL;

  snprintf (content, sizeof content, "handle %d", j->n);
  if (g == NULL)
    return NULL;
  guestfs_set_error_handler (g, NULL, NULL);
  if (guestfs_add_drive_scratch (g, INT64_C(64) * 1024 * 1024, -1) == 0 &&
      guestfs_launch (g) == 0 &&
      guestfs_part_disk (g, "/dev/sda", "mbr") == 0 &&
      guestfs_mkfs (g, "ext4", "/dev/sda1") == 0 &&
      guestfs_mount (g, "/dev/sda1", "/") == 0 &&
      guestfs_write (g, "/f", content, strlen (content)) == 0 &&
      (got = guestfs_cat (g, "/f")) != NULL &&
      strcmp (got, content) == 0 &&
      guestfs_shutdown (g) == 0)
    j->ok = 1;
  else
    snprintf (j->err, sizeof j->err, "%s", guestfs_last_error (g) ? guestfs_last_error (g) : "?");
  free (got);
  guestfs_close (g);
  return NULL;
}

int
main (void)
{
  struct job jobs[2] = { { .n = 1 }, { .n = 2 } };
  pthread_t t[2];

  TAP_PLAN (2);
  for (int i = 0; i < 2; ++i)
    pthread_create (&t[i], NULL, run, &jobs[i]);
  for (int i = 0; i < 2; ++i)
    pthread_join (t[i], NULL);
  for (int i = 0; i < 2; ++i)
    TAP_OK (jobs[i].ok, "handle %d launched, wrote and read back its own disk%s%s",
            jobs[i].n, jobs[i].ok ? "" : ": ", jobs[i].err);
  TAP_EXIT ();
}
