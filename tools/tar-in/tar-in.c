/* virt-tar-in: unpack a tar file (or stdin, "-") into a directory of a
 * guest, as libguestfs's virt-tar-in (guestfish --rw -i tar-in) does,
 * guestfish's optional arguments included (compress:gzip, xattrs:true,
 * selinux:true, acls:true).  Compressed tar files are also recognised
 * without compress:.  Members are kept inside the directory by the
 * daemon's tar_in; this program checks the arguments before the
 * appliance starts and mounts the guest read-write.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

#include "options.h"
#include "call-optargs.h"

static const char short_options[] = TOOLS_SHORT_OPTIONS "im:";
static const struct option long_options[] = {
  TOOLS_LONG_OPTIONS,
  TOOLS_PROGRESS_LONG_OPTIONS,
  TOOLS_RW_LONG_OPTION,
  TOOLS_INSPECTOR_LONG_OPTION,
  TOOLS_MOUNT_LONG_OPTION,
  { 0, 0, 0, 0 }
};

static void __attribute__((noreturn))
usage (int status)
{
  if (status != EXIT_SUCCESS)
    tools_try_help ();
  printf ("virt-tar-in: unpack a tarball into a virtual machine disk image\n"
          "Usage:\n"
          "  virt-tar-in [--options] -a disk.img data.tar /destination [compress:TYPE]\n"
          "  virt-tar-in [--options] -d domname data.tar /destination\n"
          "  zcat data.tar.gz | virt-tar-in [--options] -a disk.img - /destination\n");
  tools_print_options (NULL);
  printf ("Optional arguments after /destination, as in guestfish:\n"
          "  compress:gzip|bzip2|xz|lzop|lzma|zstd|compress\n"
          "  xattrs:true  selinux:true  acls:true\n"
          "For more information, see the manpage virt-tar-in(1).\n");
  exit (EXIT_SUCCESS);
}

/* Everything that can be checked without the guest. */
static void
check_arguments (const char *tarfile, const char *dest)
{
  struct stat st;

  if (STREQ (tarfile, "-")) {
    if (isatty (0)) {
      tools_error ("refusing to read a tar file from a terminal");
      exit (EXIT_FAILURE);
    }
  }
  else if (stat (tarfile, &st) == -1 || access (tarfile, R_OK) == -1) {
    tools_error ("%s: %s", tarfile, strerror (errno));
    exit (EXIT_FAILURE);
  }
  else if (S_ISDIR (st.st_mode)) {
    tools_error ("%s: %s", tarfile, strerror (EISDIR));
    exit (EXIT_FAILURE);
  }
  if (dest[0] != '/') {
    tools_error ("%s: the destination must be an absolute path in the guest "
                 "(starting with /)", dest);
    exit (EXIT_FAILURE);
  }
}

int
main (int argc, char *argv[])
{
  struct guestfs_tar_in_opts_argv args = { .bitmask = 0 };
  const char *tarfile, *dest;
  char *root;
  int errors = 0;

  tools_init ("virt-tar-in", argv, usage, short_options, long_options);
  tools.writable = 1;
  tools_parse_options (argc, argv, 2);
  tarfile = argv[optind];
  dest = argv[optind+1];
  for (int i = optind + 2; i < argc; ++i)
    tools_parse_optarg (argv[i], tools_optargs_tar_in_opts, &args);
  check_arguments (tarfile, dest);

  tools_add_drives_and_launch ();
  root = tools_mount_guest ();

  if (guestfs_tar_in_opts_argv (tools.g,
                                STREQ (tarfile, "-") ? "/dev/stdin" : tarfile,
                                dest, &args) == -1)
    errors++;

  free (root);
  return tools_finish (errors);
}
