/* guestfish: -N [FILENAME=]TYPE[:PARAM...], prepared disk images.  Each
 * -N creates a sparse raw file (test1.img, test2.img, ... unless named)
 * that is added as the next drive, and, once the appliance runs, is
 * partitioned and formatted according to TYPE: disk, part, fs, lv, lvfs,
 * bootroot, bootrootlv.  Parameters are positional and colon-separated;
 * empty or missing ones take their defaults.  Types whose calls the
 * library lacks are refused with a clear message.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>

#include "fish.h"

#define MAX_PARAMS 6

struct param {
  const char *name, *def, *desc;
};

struct prep_type {
  const char *name;
  const char *shortdesc;
  const char *longdesc;
  struct param params[MAX_PARAMS];
  int size_param;                   /* index of the disk size */
  int lv_param;                     /* index of the LV name, or -1 */
  const char *missing;              /* calls the library lacks, or NULL */
  int (*prepare) (struct fish_prep *p, const char *device);
};

struct fish_prep {
  const struct prep_type *type;
  char *spec;                       /* as given, for messages */
  char *filename;
  char *params[MAX_PARAMS];
};

#define P_SIZE { "size", "1G", "the size of the disk image" }
#define P_PART { "partition", "mbr", "partition table type" }
#define P_FS { "filesystem", "ext2", "the type of filesystem to use" }
#define P_NAME { "name", "/dev/VG/LV", "the name of the VG and LV to use" }
#define P_BOOTFS { "bootfs", "ext2", "the type of filesystem to use for boot" }
#define P_ROOTFS { "rootfs", "ext2", "the type of filesystem to use for root" }
#define P_BOOTSIZE { "bootsize", "128M", "the size of the boot filesystem" }

#if defined(GUESTFS_HAVE_PVCREATE) && defined(GUESTFS_HAVE_VGCREATE) && \
  defined(GUESTFS_HAVE_LVCREATE_FREE)
#define HAVE_LVM_CALLS 1
#define LVM_MISSING NULL
#else
#define LVM_MISSING "pvcreate, vgcreate and lvcreate-free"
#endif

static void __attribute__((noreturn, format (printf, 2, 3)))
prep_error (const struct fish_prep *p, const char *fs, ...)
{
  va_list args;

  fprintf (stderr, "guestfish: error creating prepared disk image ‘%s’ on ‘%s’: ",
           p->spec, p->filename);
  va_start (args, fs);
  vfprintf (stderr, fs, args);
  va_end (args);
  fputc ('\n', stderr);
  exit (EXIT_FAILURE);
}

static const char *
last_error (void)
{
  const char *e = guestfs_last_error (g);
  return e ? e : "unknown error";
}

/* "/dev/VG/LV" -> "VG" and "LV"; -1 if it is not of that form. */
static int
split_lv_name (const char *name, char **vg, char **lv)
{
  const char *v, *slash;

  if (!STRPREFIX (name, "/dev/"))
    return -1;
  v = name + 5;
  slash = strchr (v, '/');
  if (slash == NULL || slash == v || slash[1] == '\0' || strchr (slash + 1, '/'))
    return -1;
  if (vg && (*vg = strndup (v, slash - v)) == NULL)
    return -1;
  if (lv && (*lv = strdup (slash + 1)) == NULL)
    return -1;
  return 0;
}

static char *
partition (const struct fish_prep *p, const char *device, int n)
{
  char *part;

  if (asprintf (&part, "%s%d", device, n) == -1) {
    perror ("asprintf");
    exit (EXIT_FAILURE);
  }
  return part;
}

static void
make_fs (const struct fish_prep *p, const char *fstype, const char *dev,
         const char *what)
{
  if (guestfs_mkfs (g, fstype, dev) == -1)
    prep_error (p, "failed to create %sfilesystem: %s", what, last_error ());
}

#ifdef HAVE_LVM_CALLS
/* PV on part, then VG and the largest LV possible from the LV name. */
static void
make_lv (const struct fish_prep *p, const char *part, const char *name)
{
  char *vg = NULL, *lv = NULL;
  char *pvs[] = { (char *) part, NULL };

  if (split_lv_name (name, &vg, &lv) == -1)
    prep_error (p, "incorrect format for LV name, use '/dev/VG/LV'");
  if (guestfs_pvcreate (g, part) == -1)
    prep_error (p, "failed to create PV: %s: %s", part, last_error ());
  if (guestfs_vgcreate (g, vg, pvs) == -1)
    prep_error (p, "failed to create VG: %s: %s", vg, last_error ());
  if (guestfs_lvcreate_free (g, lv, vg, 100) == -1)
    prep_error (p, "failed to create LV: /dev/%s/%s: %s", vg, lv, last_error ());
  free (vg);
  free (lv);
}
#endif

static int
prepare_disk (struct fish_prep *p, const char *device)
{
  return 0;
}

static int
prepare_part (struct fish_prep *p, const char *device)
{
  if (guestfs_part_disk (g, device, p->params[1]) == -1)
    prep_error (p, "failed to partition disk: %s", last_error ());
  return 0;
}

static int
prepare_fs (struct fish_prep *p, const char *device)
{
  char *part = partition (p, device, 1);

  if (guestfs_part_disk (g, device, p->params[2]) == -1)
    prep_error (p, "failed to partition disk: %s", last_error ());
  make_fs (p, p->params[0], part, "");
  free (part);
  return 0;
}

#ifdef HAVE_LVM_CALLS
static int
prepare_lv (struct fish_prep *p, const char *device)
{
  char *part = partition (p, device, 1);

  if (guestfs_part_disk (g, device, p->params[2]) == -1)
    prep_error (p, "failed to partition disk: %s", last_error ());
  make_lv (p, part, p->params[0]);
  free (part);
  return 0;
}

static int
prepare_lvfs (struct fish_prep *p, const char *device)
{
  char *part = partition (p, device, 1);

  if (guestfs_part_disk (g, device, p->params[3]) == -1)
    prep_error (p, "failed to partition disk: %s", last_error ());
  make_lv (p, part, p->params[0]);
  make_fs (p, p->params[1], p->params[0], "");
  free (part);
  return 0;
}
#else
#define prepare_lv NULL
#define prepare_lvfs NULL
#endif

/* A boot partition of bootsize from sector 64, the rest (but the last
 * 64 sectors, where GPT keeps its backup) for root.
 */
static void
two_partitions (const struct fish_prep *p, const char *device,
                const char *bootsize_str, const char *parttype)
{
  int64_t bootsize, last;
  int ss = 512;

  if (fish_parse_size (bootsize_str, &bootsize) == -1)
    prep_error (p, "could not parse boot size");
#ifdef GUESTFS_HAVE_BLOCKDEV_GETSS
  ss = guestfs_blockdev_getss (g, device);
  if (ss == -1)
    prep_error (p, "failed to get sector size of disk: %s", last_error ());
#endif
  last = 64 + bootsize / ss - 1;
  if (guestfs_part_init (g, device, parttype) == -1)
    prep_error (p, "failed to partition disk: %s", last_error ());
  if (guestfs_part_add (g, device, "primary", 64, last) == -1)
    prep_error (p, "failed to add boot partition: %s", last_error ());
  if (guestfs_part_add (g, device, "primary", last + 1, -64) == -1)
    prep_error (p, "failed to add root partition: %s", last_error ());
}

static int
prepare_bootroot (struct fish_prep *p, const char *device)
{
  char *boot = partition (p, device, 1), *root = partition (p, device, 2);

  two_partitions (p, device, p->params[3], p->params[4]);
  make_fs (p, p->params[0], boot, "boot ");
  make_fs (p, p->params[1], root, "root ");
  free (boot);
  free (root);
  return 0;
}

#ifdef HAVE_LVM_CALLS
static int
prepare_bootrootlv (struct fish_prep *p, const char *device)
{
  char *boot = partition (p, device, 1), *root = partition (p, device, 2);

  two_partitions (p, device, p->params[4], p->params[5]);
  make_fs (p, p->params[1], boot, "boot ");
  make_lv (p, root, p->params[0]);
  make_fs (p, p->params[2], p->params[0], "root ");
  free (boot);
  free (root);
  return 0;
}
#else
#define prepare_bootrootlv NULL
#endif

static const struct prep_type types[] = {
  { "disk", "create a blank disk",
    "  Create a blank disk, 1G by default, or the size given.\n",
    { P_SIZE }, 0, -1, NULL, prepare_disk },
  { "part", "create a partitioned disk",
    "  Create a disk with a single partition covering it (the space in the\n"
    "  partition is a little less than the disk size), with an MBR (DOS)\n"
    "  partition table unless another type is given.\n",
    { P_SIZE, P_PART }, 0, -1, NULL, prepare_part },
  { "fs", "create a filesystem",
    "  Create a disk with a single partition containing an empty\n"
    "  filesystem: by default ext2, on a 1G disk with an MBR partition\n"
    "  table.\n",
    { P_FS, P_SIZE, P_PART }, 1, -1, NULL, prepare_fs },
  { "lv", "create a disk with logical volume",
    "  Create a disk with a single partition holding an LVM2 physical\n"
    "  volume, a volume group and one logical volume using all of it,\n"
    "  /dev/VG/LV unless another name is given.  No filesystem is made on\n"
    "  the LV: use lvfs for that.\n",
    { P_NAME, P_SIZE, P_PART }, 1, 0, LVM_MISSING, prepare_lv },
  { "lvfs", "create a disk with logical volume and filesystem",
    "  As lv, then format the logical volume with a filesystem (ext2 by\n"
    "  default).\n",
    { P_NAME, P_FS, P_SIZE, P_PART }, 2, 0, LVM_MISSING, prepare_lvfs },
  { "bootroot", "create a boot and root filesystem",
    "  Create a disk with two partitions, a boot partition of bootsize and\n"
    "  a root partition using the rest, each with its own filesystem.\n",
    { P_BOOTFS, P_ROOTFS, P_SIZE, P_BOOTSIZE, P_PART }, 2, -1, NULL,
    prepare_bootroot },
  { "bootrootlv", "create a boot and root filesystem using LVM",
    "  As bootroot, but the root filesystem is on a logical volume\n"
    "  (/dev/VG/LV unless another name is given) in the second partition.\n",
    { { "name", "/dev/VG/LV", "the name of the VG and LV for root" },
      P_BOOTFS, P_ROOTFS, P_SIZE, P_BOOTSIZE, P_PART }, 3, 0, LVM_MISSING,
    prepare_bootrootlv },
};
#define NR_TYPES (sizeof types / sizeof types[0])

static size_t
nr_params (const struct prep_type *t)
{
  size_t n = 0;

  while (n < MAX_PARAMS && t->params[n].name)
    n++;
  return n;
}

void
fish_prep_help (void)
{
  printf ("List of available prepared disk images:\n\n");
  for (size_t i = 0; i < NR_TYPES; ++i) {
    const struct prep_type *t = &types[i];
    size_t n = nr_params (t);

    printf ("guestfish -N %-8s - %s\n\n%s\n", t->name, t->shortdesc,
            t->longdesc);
    if (t->missing)
      printf ("  Not available: this library lacks %s.\n\n", t->missing);
    printf ("  Optional parameters:\n    -N %s", t->name);
    for (size_t j = 0; j < n; ++j)
      printf (":<%s>", t->params[j].name);
    printf ("\n");
    for (size_t j = 0; j < n; ++j)
      printf ("      <%s> %s (default: %s)\n", t->params[j].name,
              t->params[j].desc, t->params[j].def);
    printf ("\n");
  }
  printf ("Prepared disk images are written to file \"test1.img\" in the local\n"
          "directory.  (\"test2.img\" etc if -N option is given multiple times).\n"
          "You can override the name by providing a filename before the type, eg:\n"
          "\n"
          "  guestfish -N blank.img=fs\n"
          "\n"
          "For more information see the guestfish(1) manual.\n");
}

struct fish_prep *
fish_prep_parse (const char *arg, unsigned n)
{
  struct fish_prep *p = calloc (1, sizeof *p);
  const char *eq = strchr (arg, '='), *spec = eq ? eq + 1 : arg;
  size_t typelen = strcspn (spec, ":"), np;
  const char *q;

  if (p == NULL || (p->spec = strdup (spec)) == NULL) {
    perror ("calloc");
    exit (EXIT_FAILURE);
  }
  if (eq) {
    p->filename = strndup (arg, eq - arg);
    if (p->filename && *p->filename == '\0') {
      fprintf (stderr, "guestfish: -N %s: empty file name\n", arg);
      exit (EXIT_FAILURE);
    }
  }
  else if (asprintf (&p->filename, "test%u.img", n) == -1)
    p->filename = NULL;
  if (p->filename == NULL) {
    perror ("malloc");
    exit (EXIT_FAILURE);
  }

  for (size_t i = 0; i < NR_TYPES; ++i)
    if (strlen (types[i].name) == typelen &&
        strncmp (spec, types[i].name, typelen) == 0)
      p->type = &types[i];
  if (p->type == NULL) {
    fprintf (stderr, "guestfish: -N parameter ‘%s’: no such prepared disk "
             "image known.\nUse 'guestfish -N help' to list possible values "
             "for the -N parameter.\n", spec);
    exit (EXIT_FAILURE);
  }
  if (p->type->missing) {
    fprintf (stderr, "guestfish: -N %s: this prepared disk image needs %s, "
             "which this version of the library does not have\n",
             p->type->name, p->type->missing);
    exit (EXIT_FAILURE);
  }

  np = nr_params (p->type);
  q = spec[typelen] == ':' ? spec + typelen + 1 : NULL;
  for (size_t i = 0; i < np; ++i) {
    size_t len = q ? strcspn (q, ":") : 0;

    p->params[i] = len > 0 ? strndup (q, len) : strdup (p->type->params[i].def);
    if (p->params[i] == NULL) {
      perror ("strdup");
      exit (EXIT_FAILURE);
    }
    if (q)
      q = q[len] == ':' ? q + len + 1 : NULL;
  }
  if (q)
    fprintf (stderr, "guestfish: warning: -N %s: extra parameters ‘%s’ "
             "ignored\n", spec, q);
  return p;
}

const char *
fish_prep_filename (const struct fish_prep *p)
{
  return p->filename;
}

void
fish_prep_create (struct fish_prep *p)
{
  const struct prep_type *t = p->type;

  if (t->lv_param >= 0 && split_lv_name (p->params[t->lv_param], NULL, NULL) == -1)
    prep_error (p, "incorrect format for LV name, use '/dev/VG/LV'");
  if (fish_alloc_disk ("guestfish", p->filename, p->params[t->size_param], 1) == -1)
    prep_error (p, "failed to allocate disk");
}

void
fish_prep_postlaunch (struct fish_prep *p, const char *device)
{
  p->type->prepare (p, device);
}

void
fish_prep_free (struct fish_prep *p)
{
  if (p == NULL)
    return;
  for (size_t i = 0; i < MAX_PARAMS; ++i)
    free (p->params[i]);
  free (p->spec);
  free (p->filename);
  free (p);
}
