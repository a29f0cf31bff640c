/* Fuzz harness: one of inspection's parsers of a Linux package list
 * (daemon/inspect-apps-linux.c, inspect-rpm.c), chosen at build time by
 * FUZZ_PARSER: dpkg's /var/lib/dpkg/status, apk's
 * /lib/apk/db/installed, one pacman package's desc file, or the list rpm
 * prints (shell-quoted fields; rpm itself reads the guest's database).
 * Input: that file's contents, as read from the guest. */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "daemon.h"
#include "inspect.h"
#include "daemon-env.h"

#ifndef FUZZ_PARSER
#error "FUZZ_PARSER must name the parser (inspect_parse_dpkg_status, ...)"
#endif

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct inspect_apps apps = { 0 };
  char *buf = strndup ((const char *) data, size);

  if (buf == NULL)
    abort ();
  fuzz_replies = 0;
  FUZZ_PARSER (buf, &apps);
  free (buf);
  fuzz_check_apps (&apps);
  if (fuzz_replies)
    abort ();
  return 0;
}
