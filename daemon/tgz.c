/* guestfsd: the deprecated tgz_in, tgz_out, txz_in and txz_out — tar_in
 * and tar_out (tar.c) with gzip or xz compression, and no options. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "daemon.h"
#include "actions.h"
#include "files2.h"

int
do_tgz_in (const char *directory)
{
  return tar_in_compressed (directory, "gzip");
}

int
do_tgz_out (const char *directory)
{
  return tar_out_compressed (directory, "gzip");
}

int
do_txz_in (const char *directory)
{
  return tar_in_compressed (directory, "xz");
}

int
do_txz_out (const char *directory)
{
  return tar_out_compressed (directory, "xz");
}
