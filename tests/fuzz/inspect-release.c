/* Fuzz harness: inspection's parsers of /etc/os-release and
 * /etc/lsb-release (daemon/inspect-linux.c), then the package format
 * that follows from what they found.  Input: the file's contents. */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>

#include "daemon.h"
#include "inspect.h"
#include "daemon-env.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_guest_root (NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct inspect_fs fs = { 0 };

  fuzz_replies = 0;
  inspect_parse_os_release ((const char *) data, size, &fs);
  inspect_package_info (fuzz_guest_root (NULL), &fs);
  fuzz_check_fs (&fs);
  inspect_parse_lsb_release ((const char *) data, size, &fs);
  inspect_package_info (fuzz_guest_root (NULL), &fs);
  fuzz_check_fs (&fs);
  if (fuzz_replies)
    abort ();                   /* parsers never reply */
  return 0;
}
