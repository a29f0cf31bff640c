/* Fuzz harness: what inspection reads from a Windows guest's registry
 * with libhivex (daemon/inspect-windows.c, inspect-apps-win.c): product
 * name, version and build from SOFTWARE, the control set, hostname and
 * drive letters (MountedDevices values) from SYSTEM, and the installed
 * applications.  Input: a hive file, used as both hives (libhivex opens
 * files only, so it is written to a scratch guest root first). */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "daemon.h"
#include "inspect.h"
#include "daemon-env.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_private_disks ();
  fuzz_guest_root (NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  int root = fuzz_guest_root (NULL);
  struct inspect_fs fs = { 0 };
  struct inspect_apps apps = { 0 };
  int fd = openat (root, "hive", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  if (fd == -1 || write (fd, data, size) != (ssize_t) size || close (fd) == -1)
    abort ();
  fuzz_replies = 0;
  inspect_windows_registry (root, "/hive", "/hive", &fs);
  fs.mountable = strdup ("/dev/sda2");
  fs.windows_software_hive = strdup ("/hive");
  if (!fs.mountable || !fs.windows_software_hive)
    abort ();
  /* It replies when the hive cannot be opened: not a parser failure. */
  inspect_list_windows_apps (root, &fs, &apps);
  fuzz_check_fs (&fs);
  fuzz_check_apps (&apps);
  return 0;
}
