/* A program that exits without closing its handle leaves no qemu and no
 * temporary files behind (the library closes open handles at exit). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

#include "guestfs.h"
#include "tap.h"

int
main (void)
{
  char tmp[] = "/tmp/test-exit-cleanup.XXXXXX";
  int pfd[2], status;
  pid_t child, qemu = 0;

  TAP_PLAN (3);
  if (mkdtemp (tmp) == NULL || pipe (pfd) == -1)
    TAP_BAIL ("setup");
  setenv ("TMPDIR", tmp, 1);
  child = fork ();
  if (child == 0) {
    guestfs_h *g = guestfs_create ();
    pid_t p;
    if (guestfs_add_drive_scratch (g, INT64_C(16) * 1024 * 1024, -1) == -1 ||
        guestfs_launch (g) == -1)
      _exit (2);
    p = guestfs_get_pid (g);
    if (write (pfd[1], &p, sizeof p) != sizeof p)
      _exit (3);
    exit (0);                   /* no guestfs_close */
  }
  close (pfd[1]);
  if (read (pfd[0], &qemu, sizeof qemu) != sizeof qemu)
    qemu = 0;
  waitpid (child, &status, 0);
  TAP_OK (WIFEXITED (status) && WEXITSTATUS (status) == 0 && qemu > 0,
          "the program launched and exited normally");
  TAP_OK (kill (qemu, 0) == -1 && errno == ESRCH, "its qemu (pid %d) is gone", (int) qemu);
  TAP_OK (rmdir (tmp) == 0, "nothing left in its TMPDIR");
  TAP_EXIT ();
}
