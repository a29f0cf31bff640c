/* virt-filesystems: list the filesystems, partitions, block devices and
 * LVM objects of a disk image, with libguestfs's columns (Name, Type,
 * VFS, Label, MBR, Size, Parent, UUID), ordering and size rounding.
 * Nothing is mounted except, briefly and read-only, a filesystem whose
 * size is asked for.  --json (json.c) gives the same rows as objects.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "filesystems.h"

enum {
  OPT_ALL = TOOLS_OPT_TOOL,
  OPT_BLKDEVS,
  OPT_CSV,
  OPT_EXTRA,
  OPT_FILESYSTEMS,
  OPT_JSON,
  OPT_LVS,
  OPT_NO_TITLE,
  OPT_PARTS,
  OPT_PVS,
  OPT_UUID,
  OPT_VGS,
};

static const char short_options[] = TOOLS_SHORT_OPTIONS "hl";
static const struct option long_options[] = {
  TOOLS_LONG_OPTIONS,
  { "all", 0, 0, OPT_ALL },
  { "blkdevs", 0, 0, OPT_BLKDEVS },
  { "block-devices", 0, 0, OPT_BLKDEVS },
  { "csv", 0, 0, OPT_CSV },
  { "extra", 0, 0, OPT_EXTRA },
  { "filesystems", 0, 0, OPT_FILESYSTEMS },
  { "human-readable", 0, 0, 'h' },
  { "json", 0, 0, OPT_JSON },
  { "logical-volumes", 0, 0, OPT_LVS },
  { "logvols", 0, 0, OPT_LVS },
  { "long", 0, 0, 'l' },
  { "lvs", 0, 0, OPT_LVS },
  { "no-title", 0, 0, OPT_NO_TITLE },
  { "parts", 0, 0, OPT_PARTS },
  { "partitions", 0, 0, OPT_PARTS },
  { "physical-volumes", 0, 0, OPT_PVS },
  { "physvols", 0, 0, OPT_PVS },
  { "pvs", 0, 0, OPT_PVS },
  { "uuid", 0, 0, OPT_UUID },
  { "uuids", 0, 0, OPT_UUID },
  { "vgs", 0, 0, OPT_VGS },
  { "volgroups", 0, 0, OPT_VGS },
  { "volume-groups", 0, 0, OPT_VGS },
  { 0, 0, 0, 0 }
};

struct fs_options fs_opts = { .title = 1 };

static void __attribute__((noreturn))
usage (int status)
{
  if (status != EXIT_SUCCESS)
    tools_try_help ();
  printf ("virt-filesystems: list filesystems, partitions, block devices, "
          "LVM in a VM\n"
          "Copyright (C) 2010 Red Hat Inc.\n"
          "Usage:\n"
          "  virt-filesystems [--options] -d domname\n"
          "  virt-filesystems [--options] -a disk.img [-a disk.img ...]\n");
  tools_print_options ("  --all                Display everything\n"
                       "  --blkdevs|--block-devices\n"
                       "                       Display block devices\n"
                       "  --csv                Output as Comma-Separated Values\n"
                       "  --extra              Display swap and data filesystems\n"
                       "  --filesystems        Display mountable filesystems\n"
                       "  -h|--human-readable  Human-readable sizes in --long output\n"
                       "  --json               Output as JSON\n"
                       "  -l|--long            Long output\n"
                       "  --lvs|--logvols|--logical-volumes\n"
                       "                       Display LVM logical volumes\n"
                       "  --no-title           No title in --long output\n"
                       "  --parts|--partitions Display partitions\n"
                       "  --pvs|--physvols|--physical-volumes\n"
                       "                       Display LVM physical volumes\n"
                       "  --uuid|--uuids       Add UUIDs to --long output\n"
                       "  --vgs|--volgroups|--volume-groups\n"
                       "                       Display LVM volume groups\n");
  printf ("For more information, see the manpage virt-filesystems(1).\n");
  exit (EXIT_SUCCESS);
}

static void
print_title (void)
{
  static const struct { int col; const char *name; } titles[] = {
    { FS_COL_NAME, "Name" }, { FS_COL_TYPE, "Type" },
    { FS_COL_VFS_TYPE, "VFS" }, { FS_COL_VFS_LABEL, "Label" },
    { FS_COL_MBR, "MBR" }, { FS_COL_SIZE, "Size" },
    { FS_COL_PARENTS, "Parent" }, { FS_COL_UUID, "UUID" },
  };
  const char *cells[FS_NR_COLUMNS];
  size_t n = 0;

  for (size_t i = 0; i < FS_NR_COLUMNS; ++i)
    if (fs_opts.columns & titles[i].col)
      cells[n++] = titles[i].name;
  fs_table_row (cells, n);
}

int
main (int argc, char *argv[])
{
  int c, long_mode = 0, uuid = 0;

  tools_init ("virt-filesystems", argv, usage, short_options, long_options);
  while ((c = getopt_long (argc, argv, short_options, long_options,
                           NULL)) != -1) {
    if (tools_handle_option (c, optarg))
      continue;
    switch (c) {
    case 'h': fs_opts.human = 1; break;
    case 'l': long_mode = 1; break;
    case OPT_ALL: fs_opts.output = -1; break;
    case OPT_BLKDEVS: fs_opts.output |= FS_OUT_BLOCKDEVS; break;
    case OPT_CSV: fs_opts.csv = 1; break;
    case OPT_EXTRA:
      fs_opts.output |= FS_OUT_FILESYSTEMS | FS_OUT_FILESYSTEMS_EXTRA;
      break;
    case OPT_FILESYSTEMS: fs_opts.output |= FS_OUT_FILESYSTEMS; break;
    case OPT_JSON: fs_opts.json = 1; break;
    case OPT_LVS: fs_opts.output |= FS_OUT_LVS; break;
    case OPT_NO_TITLE: fs_opts.title = 0; break;
    case OPT_PARTS: fs_opts.output |= FS_OUT_PARTITIONS; break;
    case OPT_PVS: fs_opts.output |= FS_OUT_PVS; break;
    case OPT_UUID: uuid = 1; break;
    case OPT_VGS: fs_opts.output |= FS_OUT_VGS; break;
    default: usage (EXIT_FAILURE);
    }
  }
  if (optind != argc)
    usage (EXIT_FAILURE);
  tools_check_drives ();

  if (fs_opts.output == 0)
    fs_opts.output = FS_OUT_FILESYSTEMS;
  /* -h and --uuid only mean something in --long output. */
  if (!long_mode)
    fs_opts.human = uuid = 0;
  if (fs_opts.csv && fs_opts.human) {
    tools_error ("you cannot use -h and --csv options together.");
    exit (EXIT_FAILURE);
  }
  tools_check_json (fs_opts.json, fs_opts.csv, fs_opts.human);

  fs_opts.columns = FS_COL_NAME;
  if (long_mode) {
    fs_opts.columns |= FS_COL_TYPE | FS_COL_SIZE;
    if (fs_opts.output & FS_OUT_FILESYSTEMS)
      fs_opts.columns |= FS_COL_VFS_TYPE | FS_COL_VFS_LABEL;
    if (fs_opts.output & FS_OUT_PARTITIONS)
      fs_opts.columns |= FS_COL_MBR;
    fs_opts.columns |= FS_COL_PARENTS;   /* always, as libguestfs */
    if (uuid)
      fs_opts.columns |= FS_COL_UUID;
  }

  tools_add_drives_and_launch ();
  keys_decrypt (tools.g);

  if (long_mode && fs_opts.title && !fs_opts.json)
    print_title ();
  if (fs_opts.output & FS_OUT_FILESYSTEMS)
    fs_list_filesystems ();
  if (fs_opts.output & FS_OUT_LVS)
    fs_list_lvs ();
  if (fs_opts.output & FS_OUT_VGS)
    fs_list_vgs ();
  if (fs_opts.output & FS_OUT_PVS)
    fs_list_pvs ();
  if (fs_opts.output & FS_OUT_PARTITIONS)
    fs_list_partitions ();
  if (fs_opts.output & FS_OUT_BLOCKDEVS)
    fs_list_blockdevs ();
  if (fs_opts.json)
    fs_json_print ();
  else if (!fs_opts.csv)
    fs_table_print ();

  if (fflush (stdout) == EOF || guestfs_shutdown (tools.g) == -1)
    exit (EXIT_FAILURE);
  guestfs_close (tools.g);
  return EXIT_SUCCESS;
}
