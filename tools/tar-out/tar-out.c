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
#include "call-optargs.h"
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
          "  virt-tar-out [--options] -a disk.img /dir - | gzip --best > files.tar.gz\n");
  tools_print_options (NULL);
  printf ("Optional arguments after files.tar, as in guestfish:\n"
          "  compress:gzip|bzip2|xz|lzop|lzma|zstd|compress\n"
          "  numericowner:true  excludes:'PATTERN ...'\n"
          "  xattrs:true  selinux:true  acls:true\n"
          "For more information, see the manpage virt-tar-out(1).\n");
  exit (EXIT_SUCCESS);
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
  int errors = 0;

  tools_init ("virt-tar-out", argv, usage, short_options, long_options);
  tools_parse_options (argc, argv, 2);
  dir = argv[optind];
  output = argv[optind+1];
  for (int i = optind + 2; i < argc; ++i)
    tools_parse_optarg (argv[i], tools_optargs_tar_out_opts, &args);
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
  tools_free_optargs (tools_optargs_tar_out_opts, &args);
  guestfs_close (tools.g);
  return errors ? EXIT_FAILURE : EXIT_SUCCESS;
}
