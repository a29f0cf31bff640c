/* Fuzz harness: inspection's /etc/fstab parser and the resolution of the
 * devices it names (daemon/inspect-fstab.c) against a fixed set of
 * filesystems with UUIDs, labels and partition UUIDs on two disks.
 * Input: one byte choosing the guest's OS type (Linux, the BSDs, Hurd),
 * then the file's contents. */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>

#include "daemon.h"
#include "inspect.h"
#include "daemon-env.h"

static struct inspect_dev devs[] = {
  { "/dev/sda1", "/dev/sda1", "ext4", "0b9c5a7e-5d1f-4c3e-9f3a-2b1d6c7e8f90",
    "root", "6f1c2d3e-01", "primary" },
  { "/dev/sda2", "/dev/sda2", "swap", "1a2b3c4d-0000-4000-8000-123456789abc",
    "", "6f1c2d3e-02", NULL },
  { "/dev/sdb1", "/dev/sdb1", "xfs", "5E1F-2A3B", "DATA\\x20DISK",
    "c12a7328-f81f-11d2-ba4b-00a0c93ec93b", "EFI System Partition" },
  { "/dev/vg0/lv-root", "/dev/dm-0", "btrfs", "deadbeef-dead-beef-dead-beefdeadbeef",
    "vg root", NULL, NULL },
  { "btrfsvol:/dev/sda1/home", NULL, "btrfs", NULL, NULL, NULL, NULL },
};

static const char *const os_types[] = { "linux", "freebsd", "netbsd", "openbsd", "hurd" };

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_private_disks ();
  inspect_devs = devs;
  inspect_nr_devs = sizeof devs / sizeof devs[0];
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct inspect_fs fs = { 0 };

  if (size < 1)
    return 0;
  fuzz_replies = 0;
  fs.mountable = strdup ("/dev/sda1");
  fs.os_type = strdup (os_types[data[0] % (sizeof os_types / sizeof os_types[0])]);
  if (!fs.mountable || !fs.os_type)
    abort ();
  inspect_parse_fstab ((const char *) data + 1, size - 1, &fs);
  fuzz_check_fs (&fs);
  if (fuzz_replies)
    abort ();
  return 0;
}
