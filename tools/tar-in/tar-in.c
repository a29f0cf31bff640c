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
          "  zcat data.tar.gz | virt-tar-in [--options] -a disk.img - /destination\n"
          "Options:\n"
          "  -a|--add image       Add image\n"
          "  --blocksize[=512|4096]\n"
          "                       Set sector size of the disk for -a option\n"
          "  -c|--connect uri     Specify libvirt URI for -d option\n"
          "  -d|--domain guest    Add disks from libvirt guest\n"
          "  --echo-keys          Don't turn off echo for passphrases\n"
          "  --format[=raw|..]    Force disk format for -a option\n"
          "  --help               Display brief help\n"
          "  -i|--inspector       Inspect and mount the guest (the default)\n"
          "  --key selector       Specify a LUKS key\n"
          "  --keys-from-stdin    Read passphrases from stdin\n"
          "  -m|--mount dev[:mnt[:opts[:fstype]]]\n"
          "                       Mount dev on mnt (if omitted, /)\n"
          "  --ro                 Add the disks read-only (nothing can be written)\n"
          "  --rw                 Add the disks read-write (the default)\n"
          TOOLS_PROGRESS_USAGE
          "  -v|--verbose         Verbose messages\n"
          "  -V|--version         Display version and exit\n"
          "  -x                   Trace libguestfs API calls\n"
          "Optional arguments after /destination, as in guestfish:\n"
          "  compress:gzip|bzip2|xz|lzop|lzma|zstd|compress\n"
          "  xattrs:true  selinux:true  acls:true\n"
          "For more information, see the manpage virt-tar-in(1).\n");
  exit (EXIT_SUCCESS);
}

/* One "name:value" optional argument into args.  Exits if unknown. */
static void
parse_optarg (const char *arg, struct guestfs_tar_in_opts_argv *args)
{
  size_t len;
  const char *value = tools_optarg_split (arg, &len);

  if (TOOLS_OPTARG_IS (arg, len, "compress")) {
    args->bitmask |= GUESTFS_TAR_IN_OPTS_COMPRESS_BITMASK;
    args->compress = value;
    return;
  }
  if (TOOLS_OPTARG_IS (arg, len, "xattrs")) {
    args->bitmask |= GUESTFS_TAR_IN_OPTS_XATTRS_BITMASK;
    args->xattrs = tools_optarg_bool (arg, value);
  }
  else if (TOOLS_OPTARG_IS (arg, len, "selinux")) {
    args->bitmask |= GUESTFS_TAR_IN_OPTS_SELINUX_BITMASK;
    args->selinux = tools_optarg_bool (arg, value);
  }
  else if (TOOLS_OPTARG_IS (arg, len, "acls")) {
    args->bitmask |= GUESTFS_TAR_IN_OPTS_ACLS_BITMASK;
    args->acls = tools_optarg_bool (arg, value);
  }
  else {
    tools_error ("%.*s: unknown optional argument (compress, xattrs, "
                 "selinux or acls)", (int) len, arg);
    exit (EXIT_FAILURE);
  }
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
  int c, errors = 0;

  tools_init ("virt-tar-in", argv, usage, short_options, long_options);
  tools.writable = 1;
  while ((c = getopt_long (argc, argv, short_options, long_options,
                           NULL)) != -1)
    if (!tools_handle_option (c, optarg))
      usage (EXIT_FAILURE);

  if (argc - optind < 2)
    usage (EXIT_FAILURE);
  tools_check_drives ();
  tarfile = argv[optind];
  dest = argv[optind+1];
  for (int i = optind + 2; i < argc; ++i)
    parse_optarg (argv[i], &args);
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
