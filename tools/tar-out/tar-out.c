/* virt-tar-out: pack a guest directory into a tar file (or stdout, "-"),
 * as libguestfs's virt-tar-out (guestfish --ro -i tar-out) does,
 * guestfish's optional arguments included (compress:gzip,
 * numericowner:true, excludes:'*.o *.a', xattrs:, selinux:, acls:).  The
 * disks are always read-only.  A tar file is written under a temporary
 * name next to it and renamed into place only when complete, so a
 * failure never leaves a truncated archive or clobbers an existing one.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include "options.h"
#include "progress.h"

static const char short_options[] = TOOLS_SHORT_OPTIONS "im:";
static const struct option long_options[] = {
  TOOLS_LONG_OPTIONS,
  TOOLS_PROGRESS_LONG_OPTIONS,
  TOOLS_INSPECTOR_LONG_OPTION,
  TOOLS_MOUNT_LONG_OPTION,
  { 0, 0, 0, 0 }
};

static void __attribute__((noreturn))
usage (int status)
{
  if (status != EXIT_SUCCESS)
    tools_try_help ();
  printf ("virt-tar-out: pack a virtual machine disk image directory into a tarball\n"
          "Usage:\n"
          "  virt-tar-out [--options] -a disk.img /dir files.tar [compress:TYPE]\n"
          "  virt-tar-out [--options] -d domname /dir files.tar\n"
          "  virt-tar-out [--options] -a disk.img /dir - | gzip --best > files.tar.gz\n"
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
          TOOLS_PROGRESS_USAGE
          "  -v|--verbose         Verbose messages\n"
          "  -V|--version         Display version and exit\n"
          "  -x                   Trace libguestfs API calls\n"
          "Optional arguments after files.tar, as in guestfish:\n"
          "  compress:gzip|bzip2|xz|lzop|lzma|zstd|compress\n"
          "  numericowner:true  excludes:'PATTERN ...'\n"
          "  xattrs:true  selinux:true  acls:true\n"
          "For more information, see the manpage virt-tar-out(1).\n");
  exit (EXIT_SUCCESS);
}

/* "a b  c" -> { "a", "b", "c", NULL }. */
static char **
split_words (const char *s)
{
  char **words = calloc (strlen (s) / 2 + 2, sizeof (char *));
  size_t n = 0;

  if (words == NULL) {
    perror ("calloc");
    exit (EXIT_FAILURE);
  }
  while (*s) {
    size_t len = strcspn (s, " \t\n");

    if (len > 0 && (words[n++] = strndup (s, len)) == NULL) {
      perror ("strndup");
      exit (EXIT_FAILURE);
    }
    s += len;
    s += strspn (s, " \t\n");
  }
  return words;
}

/* One "name:value" optional argument into args.  Exits if unknown. */
static void
parse_optarg (const char *arg, struct guestfs_tar_out_opts_argv *args)
{
  size_t len;
  const char *value = tools_optarg_split (arg, &len);

  if (TOOLS_OPTARG_IS (arg, len, "compress")) {
    args->bitmask |= GUESTFS_TAR_OUT_OPTS_COMPRESS_BITMASK;
    args->compress = value;
    return;
  }
  if (TOOLS_OPTARG_IS (arg, len, "excludes")) {
    tools_free_strings ((char **) args->excludes);
    args->bitmask |= GUESTFS_TAR_OUT_OPTS_EXCLUDES_BITMASK;
    args->excludes = split_words (value);
    return;
  }
  if (TOOLS_OPTARG_IS (arg, len, "numericowner")) {
    args->bitmask |= GUESTFS_TAR_OUT_OPTS_NUMERICOWNER_BITMASK;
    args->numericowner = tools_optarg_bool (arg, value);
  }
  else if (TOOLS_OPTARG_IS (arg, len, "xattrs")) {
    args->bitmask |= GUESTFS_TAR_OUT_OPTS_XATTRS_BITMASK;
    args->xattrs = tools_optarg_bool (arg, value);
  }
  else if (TOOLS_OPTARG_IS (arg, len, "selinux")) {
    args->bitmask |= GUESTFS_TAR_OUT_OPTS_SELINUX_BITMASK;
    args->selinux = tools_optarg_bool (arg, value);
  }
  else if (TOOLS_OPTARG_IS (arg, len, "acls")) {
    args->bitmask |= GUESTFS_TAR_OUT_OPTS_ACLS_BITMASK;
    args->acls = tools_optarg_bool (arg, value);
  }
  else {
    tools_error ("%.*s: unknown optional argument (compress, numericowner, "
                 "excludes, xattrs, selinux or acls)", (int) len, arg);
    exit (EXIT_FAILURE);
  }
}

/* The temporary file while it is not in place: removed at any exit. */
static char *temporary;

static void
remove_temporary (void)
{
  if (temporary)
    unlink (temporary);
}

/* Where the tar goes: the output itself, or (for a regular file, new or
 * existing) a temporary file beside it, with *mode the final mode.
 * Made before the appliance starts, so a bad output path fails fast.
 */
static char *
open_output (const char *output, mode_t *mode)
{
  struct stat st;
  const char *slash = strrchr (output, '/');
  int exists = lstat (output, &st) == 0, fd;
  char *tmp;
  mode_t mask;

  if (!exists && errno != ENOENT) {
    tools_error ("%s: %s", output, strerror (errno));
    exit (EXIT_FAILURE);
  }
  if (exists && S_ISDIR (st.st_mode)) {
    tools_error ("%s: %s", output, strerror (EISDIR));
    exit (EXIT_FAILURE);
  }
  if (exists && !S_ISREG (st.st_mode))
    return strdup (output);     /* a pipe, a device, a symlink */
  if (exists && access (output, W_OK) == -1) {
    tools_error ("%s: %s", output, strerror (errno));
    exit (EXIT_FAILURE);
  }
  mask = umask (0);
  umask (mask);
  *mode = exists ? st.st_mode & 07777 : 0666 & ~mask;

  if (asprintf (&tmp, "%.*s.virt-tar-out.XXXXXX",
                slash ? (int) (slash - output + 1) : 0, output) == -1) {
    perror ("asprintf");
    exit (EXIT_FAILURE);
  }
  fd = mkostemp (tmp, O_CLOEXEC);
  if (fd == -1) {
    tools_error ("%s: %s", output, strerror (errno));
    exit (EXIT_FAILURE);
  }
  close (fd);
  temporary = tmp;
  atexit (remove_temporary);
  return strdup (tmp);
}

int
main (int argc, char *argv[])
{
  struct guestfs_tar_out_opts_argv args = { .bitmask = 0 };
  const char *dir, *output;
  char *root, *target;
  mode_t mode = 0;
  int c, errors = 0;

  tools_init ("virt-tar-out", argv, usage, short_options, long_options);
  while ((c = getopt_long (argc, argv, short_options, long_options,
                           NULL)) != -1)
    if (!tools_handle_option (c, optarg))
      usage (EXIT_FAILURE);

  if (argc - optind < 2)
    usage (EXIT_FAILURE);
  tools_check_drives ();
  dir = argv[optind];
  output = argv[optind+1];
  for (int i = optind + 2; i < argc; ++i)
    parse_optarg (argv[i], &args);
  if (dir[0] != '/') {
    tools_error ("%s: the directory must be an absolute path in the guest "
                 "(starting with /)", dir);
    exit (EXIT_FAILURE);
  }
  if (STREQ (output, "-")) {
    if (isatty (1)) {
      tools_error ("refusing to write a tar file to a terminal");
      exit (EXIT_FAILURE);
    }
    target = strdup ("/dev/stdout");
    progress_bars_stdout_is_data (1);
  }
  else
    target = open_output (output, &mode);
  if (target == NULL) {
    perror ("strdup");
    exit (EXIT_FAILURE);
  }

  tools_add_drives_and_launch ();
  root = tools_mount_guest ();

  if (guestfs_tar_out_opts_argv (tools.g, dir, target, &args) == -1)
    errors++;
  if (guestfs_shutdown (tools.g) == -1)
    errors++;

  /* A temporary file: put it in place (or leave it to be removed). */
  if (temporary && errors == 0) {
    if (chmod (temporary, mode) == -1 || rename (temporary, output) == -1) {
      tools_error ("%s: %s", output, strerror (errno));
      errors++;
    }
    else {
      free (temporary);
      temporary = NULL;
    }
  }

  free (root);
  free (target);
  tools_free_strings ((char **) args.excludes);
  guestfs_close (tools.g);
  return errors ? EXIT_FAILURE : EXIT_SUCCESS;
}
