/* virt-make-fs: a filesystem image made from a host directory or a tar
 * archive (plain or compressed), with libguestfs's options: --type
 * (ext2 by default), --size (N, or +N for free space; else just big
 * enough, estimated by estimate.c), --format (raw), --partition[=mbr|
 * gpt], --label, --floppy.  The image is created with disk_create,
 * partitioned and formatted in the appliance, and the files unpacked
 * with tar_in (a directory is streamed through the host's tar).  A
 * failed run leaves no output file behind.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <unistd.h>
#include <sys/wait.h>

#include "options.h"
#include "make-fs.h"

#define MiB (1024 * 1024ULL)

enum {
  OPT_FLOPPY = TOOLS_OPT_TOOL, OPT_LABEL, OPT_PARTITION
};

static const char short_options[] = "F:s:t:vVx";
static const struct option long_options[] = {
  { "blocksize", 1, 0, TOOLS_OPT_BLOCKSIZE },
  { "floppy", 0, 0, OPT_FLOPPY },
  { "format", 1, 0, 'F' },
  { "help", 0, 0, TOOLS_OPT_HELP },
  { "label", 1, 0, OPT_LABEL },
  { "long-options", 0, 0, TOOLS_OPT_LONG_OPTIONS },
  { "partition", 2, 0, OPT_PARTITION },
  TOOLS_PROGRESS_LONG_OPTIONS,
  { "short-options", 0, 0, TOOLS_OPT_SHORT_OPTIONS },
  { "size", 1, 0, 's' },
  { "type", 1, 0, 't' },
  { "verbose", 0, 0, 'v' },
  { "version", 0, 0, 'V' },
  { 0, 0, 0, 0 }
};

static const char *format = "raw", *type = "ext2", *label, *partition;
static const char *size_str;
static int blocksize;

static void __attribute__((noreturn))
usage (int status)
{
  if (status != EXIT_SUCCESS)
    tools_try_help ();
  printf ("virt-make-fs: make a filesystem from a tar archive or files\n"
          "Copyright (C) 2010-2020 Red Hat Inc.\n"
          "Usage:\n"
          "  virt-make-fs [--options] input.tar output.img\n"
          "  virt-make-fs [--options] input.tar.gz output.img\n"
          "  virt-make-fs [--options] directory output.img\n");
  tools_print_options ("  --blocksize=512|4096 Sector size of the output disk\n"
                       "  --floppy             Make a virtual floppy disk\n"
                       "  -F|--format=raw|qcow2|..\n"
                       "                       Output disk format (default: raw)\n"
                       "  --label=LABEL        Filesystem label\n"
                       "  --partition[=mbr|gpt]\n"
                       "                       Add a partition table (default: mbr)\n"
                       "  -s|--size=N|+N       Output size, or extra free space with +\n"
                       "  -t|--type=FS         Filesystem type (default: ext2)\n");
  printf ("For more information, see the manpage virt-make-fs(1).\n");
  exit (EXIT_SUCCESS);
}

/* N with an optional b/K/M/G/T/P/E suffix (powers of 1024). */
static int
parse_size (const char *s, uint64_t *ret)
{
  static const char suffixes[] = "bKMGTPE";
  char *end;
  unsigned long long n;
  const char *p;
  int shift;

  if (!isdigit ((unsigned char) *s))
    return -1;
  errno = 0;
  n = strtoull (s, &end, 10);
  if (errno)
    return -1;
  if (*end == '\0')
    shift = 0;
  else if (end[1] == '\0' && (p = strchr (suffixes, toupper (*end) == 'B'
                                          ? 'b' : toupper (*end))))
    shift = 10 * (int) (p - suffixes);
  else
    return -1;
  if (shift && n > (~0ULL >> shift))
    return -1;
  *ret = n << shift;
  return 0;
}

/* The output size: the estimate plus what the filesystem type needs. */
static uint64_t
output_size (const struct makefs_input *in)
{
  uint64_t est = in->bytes + in->entries * 4096, size, extra;

  est += est / 10 + MiB;
  if (STRCASEEQ (type, "ext3") || STRCASEEQ (type, "ext4"))
    est += 4 * MiB;             /* the journal */
  else if (STRCASEEQ (type, "ntfs"))
    est += 4 * MiB;             /* the MFT and its mirror, the log */
  if (STRCASEEQ (type, "btrfs") && est < 128 * MiB)
    est = 128 * MiB;            /* mkfs.btrfs's minimum */
  if (STRCASEEQ (type, "xfs") && est < 300 * MiB)
    est = 300 * MiB;            /* mkfs.xfs's minimum */

  if (size_str == NULL)
    size = est;
  else if (size_str[0] == '+') {
    if (parse_size (size_str + 1, &extra) == -1)
      goto bad;
    size = est + extra;
  }
  else {
    if (parse_size (size_str, &size) == -1)
      goto bad;
    return (size + 511) & ~511ULL;
  }
  if (partition)
    size += 2 * MiB;            /* before the partition, and GPT's backup */
  return (size + MiB - 1) & ~(MiB - 1);

 bad:
  tools_error ("--size: cannot parse size ‘%s’ (N or +N, with an optional "
               "b/K/M/G/T/P/E suffix)", size_str);
  exit (EXIT_FAILURE);
}

/* The MBR type byte for the filesystem, or 0 to leave parted's. */
static int
mbr_id (void)
{
  if (STRCASEEQ (type, "vfat") || STRCASEEQ (type, "msdos") ||
      STRCASEEQ (type, "fat"))
    return 0x0c;
  if (STRCASEEQ (type, "ntfs") || STRCASEEQ (type, "exfat"))
    return 0x07;
  if (STRCASEEQ (type, "minix"))
    return 0x81;
  if (STRCASEEQ (type, "swap"))
    return 0x82;
  return 0x83;
}

static const char *
make_filesystem (uint64_t size)
{
  guestfs_h *g = tools.g;
  const char *dev = "/dev/sda";
  struct guestfs_mkfs_opts_argv mkfs = { .bitmask = 0 };

  if (partition) {
    int64_t start = size >= 8 * MiB ? 2048 : 64;

    if (guestfs_part_init (g, "/dev/sda", partition) == -1 ||
        guestfs_part_add (g, "/dev/sda", "p", start,
                          STRCASEEQ (partition, "gpt") ? -34 : -1) == -1)
      return NULL;
    if ((STRCASEEQ (partition, "mbr") || STRCASEEQ (partition, "msdos")) &&
        guestfs_part_set_mbr_id (g, "/dev/sda", 1, mbr_id ()) == -1)
      return NULL;
    dev = "/dev/sda1";
  }
  if (label) {
    mkfs.bitmask |= GUESTFS_MKFS_OPTS_LABEL_BITMASK;
    mkfs.label = label;
  }
  if (guestfs_mkfs_opts_argv (g, type, dev, &mkfs) == -1)
    return NULL;
  return dev;
}

/* Unpack INPUT into the mounted filesystem. */
static int
copy_in (const char *input, const struct makefs_input *in)
{
  struct guestfs_tar_in_opts_argv opts = { .bitmask = 0 };
  int fds[2], status, r;
  char fdpath[32];
  pid_t pid;

  if (!in->is_dir) {
    if (in->compress) {
      opts.bitmask |= GUESTFS_TAR_IN_OPTS_COMPRESS_BITMASK;
      opts.compress = in->compress;
    }
    return guestfs_tar_in_opts_argv (tools.g, input, "/", &opts);
  }

  /* A directory: the host's tar writes the archive into a pipe. */
  if (pipe2 (fds, O_CLOEXEC) == -1 || (pid = fork ()) == -1) {
    perror ("virt-make-fs: fork");
    return -1;
  }
  if (pid == 0) {
    dup2 (fds[1], 1);
    execlp ("tar", "tar", "-C", input, "-cf", "-", ".", (char *) NULL);
    fprintf (stderr, "virt-make-fs: tar: %s\n", strerror (errno));
    _exit (127);
  }
  close (fds[1]);
  snprintf (fdpath, sizeof fdpath, "/dev/fd/%d", fds[0]);
  r = guestfs_tar_in_opts_argv (tools.g, fdpath, "/", &opts);
  close (fds[0]);
  if (waitpid (pid, &status, 0) == -1 || !WIFEXITED (status) ||
      WEXITSTATUS (status) != 0) {
    if (r == 0)
      tools_error ("tar: could not archive %s", input);
    r = -1;
  }
  return r;
}

static int
make_fs (const char *input, const char *output)
{
  struct guestfs_add_drive_opts_argv args = {
    .bitmask = GUESTFS_ADD_DRIVE_OPTS_FORMAT_BITMASK,
    .format = format,
  };
  struct makefs_input in;
  const char *dev;
  uint64_t size;

  if (makefs_estimate (input, &in) == -1)
    return -1;
  size = output_size (&in);
  if (tools.verbose)
    fprintf (stderr, "virt-make-fs: input %s: %" PRIu64 " bytes in %" PRIu64
             " entries (%s); output %" PRIu64 " bytes\n", input, in.bytes,
             in.entries, in.is_dir ? "directory"
             : in.compress ? in.compress : "tar", size);

  if (guestfs_disk_create (tools.g, output, format, (int64_t) size, -1) == -1)
    return -1;
  if (blocksize) {
    args.bitmask |= GUESTFS_ADD_DRIVE_OPTS_BLOCKSIZE_BITMASK;
    args.blocksize = blocksize;
  }
  tools_progress_bars_setup ();
  if (guestfs_add_drive_opts_argv (tools.g, output, &args) == -1 ||
      guestfs_launch (tools.g) == -1 ||
      (dev = make_filesystem (size)) == NULL ||
      guestfs_mount (tools.g, dev, "/") == -1 ||
      copy_in (input, &in) == -1 ||
      guestfs_umount_all (tools.g) == -1 ||
      guestfs_shutdown (tools.g) == -1)
    goto error;
  return 0;

 error:
  unlink (output);
  return -1;
}

int
main (int argc, char *argv[])
{
  int c, r;

  tools_init ("virt-make-fs", argv, usage, short_options, long_options);
  while ((c = getopt_long (argc, argv, short_options, long_options,
                           NULL)) != -1) {
    switch (c) {
    case 'F': format = optarg; break;
    case 's': size_str = optarg; break;
    case 't': type = optarg; break;
    case OPT_LABEL: label = optarg; break;
    case OPT_PARTITION:
      partition = optarg && *optarg ? optarg : "mbr";
      if (STRCASEEQ (partition, "msdos"))
        partition = "mbr";
      break;
    case OPT_FLOPPY:
      size_str = "1440K";
      partition = "mbr";
      type = "vfat";
      break;
    case TOOLS_OPT_BLOCKSIZE:
      if (STRNEQ (optarg, "512") && STRNEQ (optarg, "4096")) {
        tools_error ("--blocksize: must be 512 or 4096");
        exit (EXIT_FAILURE);
      }
      blocksize = atoi (optarg);
      break;
    default:
      if (!tools_handle_option (c, optarg))
        usage (EXIT_FAILURE);
    }
  }
  if (argc - optind != 2) {
    tools_error ("error: %s input and output arguments on the command line",
                 argc - optind < 2 ? "missing" : "too many");
    tools_try_help ();
  }

  r = make_fs (argv[optind], argv[optind + 1]);
  guestfs_close (tools.g);
  return r == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
