/* guestfsd: recognising a Windows system root and reading what
 * inspection reports from its registry with libhivex: product name,
 * version, variant and build from SOFTWARE; the current control set,
 * hostname and drive letters from SYSTEM; whether group policy objects
 * were applied.  The hives are opened read-only (hivex maps them), and
 * every path in the guest is resolved case-insensitively inside its
 * filesystem. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <regex.h>
#include <unistd.h>
#include <sys/stat.h>

#include <hivex.h>

#include "daemon.h"
#include "blockdev.h"
#include "inspect.h"

/* hivex maps the hive; anything bigger than this is not a real one. */
#define HIVE_MAX ((off_t) 2 * 1024 * 1024 * 1024)

void *
inspect_open_hive (int root, const char *path)
{
  int fd = guest_open (root, path, O_RDONLY | O_NONBLOCK, true);
  char proc[64];
  struct stat st;
  hive_h *h = NULL;
  int err;

  if (fd == -1)
    return NULL;
  if (fstat (fd, &st) == -1 || !S_ISREG (st.st_mode) || st.st_size > HIVE_MAX) {
    close (fd);
    errno = EINVAL;
    return NULL;
  }
  /* hivex opens a path: give it the file already resolved. */
  snprintf (proc, sizeof proc, "/proc/self/fd/%d", fd);
  h = hivex_open (proc, verbose ? HIVEX_OPEN_VERBOSE : 0);
  err = errno;
  close (fd);
  errno = err;
  return h;
}

/* The node at a path of key names below the root, 0 if missing. */
static hive_node_h
get_node (hive_h *h, const char *const *path)
{
  hive_node_h node = hivex_root (h);

  for (size_t i = 0; node && path[i]; ++i)
    node = hivex_node_get_child (h, node, path[i]);
  return node;
}

/* A string value of a node, bounded, malloc'd; NULL if absent or not a
 * string. */
static char *
get_string (hive_h *h, hive_node_h node, const char *key)
{
  hive_value_h v = node ? hivex_node_get_value (h, node, key) : 0;
  char *s, *r;

  if (v == 0)
    return NULL;
  s = hivex_value_string (h, v);
  if (s == NULL)
    return NULL;
  r = inspect_strdup (s);
  free (s);
  return r;
}

static bool
get_dword (hive_h *h, hive_node_h node, const char *key, int32_t *out)
{
  hive_value_h v = node ? hivex_node_get_value (h, node, key) : 0;
  hive_type t;
  size_t len;

  if (v == 0 || hivex_value_type (h, v, &t, &len) == -1 ||
      (t != hive_t_REG_DWORD && t != hive_t_REG_DWORD_BIG_ENDIAN))
    return false;
  *out = hivex_value_dword (h, v);
  return true;
}

static int
set_owned (char **field, char *value)
{
  if (value == NULL)
    return 0;
  free (*field);
  *field = value;
  return 0;
}

/* {GUID}-named keys under Group Policy\History mean applied GPOs. */
static int
group_policy (hive_h *h)
{
  static const char *const path[] = {
    "Microsoft", "Windows", "CurrentVersion", "Group Policy", "History", NULL
  };
  hive_node_h node = get_node (h, path), *children;
  int r = 0;

  if (node == 0)
    return 0;
  children = hivex_node_children (h, node);
  for (size_t i = 0; children && children[i] && !r; ++i) {
    char *name = hivex_node_name (h, children[i]);
    size_t n = name ? strlen (name) : 0;

    if (n > 3 && name[0] == '{' && isxdigit ((unsigned char) name[1]) &&
        name[n - 1] == '}')
      r = 1;
    free (name);
  }
  free (children);
  return r;
}

static int
software_registry (int root, const char *hive, struct inspect_fs *fs)
{
  static const char *const path[] = {
    "Microsoft", "Windows NT", "CurrentVersion", NULL
  };
  hive_h *h = inspect_open_hive (root, hive);
  hive_node_h node;
  int32_t major, minor;
  char *s;

  if (h == NULL) {
    if (verbose)
      fprintf (stderr, "inspect: %s: cannot open the hive: %m\n", hive);
    return 0;
  }
  fs->windows_group_policy = group_policy (h);
  node = get_node (h, path);
  if (node) {
    set_owned (&fs->product_name, get_string (h, node, "ProductName"));
    /* Windows 10 and later: CurrentVersion says 6.3.  A negative number
     * would read as the get_*_version calls' error value. */
    if (get_dword (h, node, "CurrentMajorVersionNumber", &major) &&
        get_dword (h, node, "CurrentMinorVersionNumber", &minor) &&
        major >= 0 && minor >= 0) {
      fs->has_version = true;
      fs->major = major;
      fs->minor = minor;
    }
    else if ((s = get_string (h, node, "CurrentVersion")) != NULL) {
      int ma, mi;
      if (parse_version (s, &ma, &mi)) {
        fs->has_version = true;
        fs->major = ma;
        fs->minor = mi;
      }
      free (s);
    }
    set_owned (&fs->product_variant, get_string (h, node, "InstallationType"));
    /* Not CurrentBuild: on XP that was something else. */
    set_owned (&fs->build_id, get_string (h, node, "CurrentBuildNumber"));
  }
  hivex_close (h);
  return 0;
}

/* ---- drive letters (HKLM\SYSTEM\MountedDevices) ---- */

static uint64_t
le64 (const unsigned char *p)
{
  uint64_t r = 0;

  for (int i = 7; i >= 0; --i)
    r = r << 8 | p[i];
  return r;
}

/* MBR: a 4-byte disk signature and the partition's byte offset. */
static char *
map_mbr (const unsigned char *blob)
{
  CLEANUP_FREE_STRING_LIST char **disks = daemon_list_disks ();
  uint64_t offset = le64 (blob + 4);
  const char *kd;

  if (disks == NULL)
    return NULL;
  for (size_t i = 0; disks[i] && (kd = daemon_kernel_disk (i)) != NULL; ++i) {
    CLEANUP_FREE char *kdev = NULL, *pttype = NULL;
    CLEANUP_FREE struct blockdev_part *parts = NULL;
    unsigned char sig[4];
    size_t n = 0;
    int fd;
    bool same;

    if (asprintf (&kdev, "/dev/%s", kd) == -1)
      return NULL;
    if (blockdev_read_ptable (kdev, &pttype, &parts, &n) != 0 ||
        STRNEQ (pttype, "dos"))
      continue;
    fd = open (kdev, O_RDONLY | O_CLOEXEC);
    if (fd == -1)
      continue;
    same = pread (fd, sig, 4, 0x1b8) == 4 && memcmp (sig, blob, 4) == 0;
    close (fd);
    if (!same)
      continue;
    for (size_t j = 0; j < n; ++j)
      if (!parts[j].extended && (uint64_t) parts[j].start == offset) {
        char *r;
        if (asprintf (&r, "%s%d", disks[i], parts[j].num) == -1)
          return NULL;
        return r;
      }
  }
  return NULL;
}

/* GPT: "DMIO:ID:" and the partition's GUID, mixed-endian. */
static char *
map_gpt (const unsigned char *b)
{
  char guid[40];

  b += 8;
  snprintf (guid, sizeof guid,
            "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
            b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6],
            b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
  for (size_t i = 0; i < inspect_nr_devs; ++i)
    if (inspect_devs[i].partuuid &&
        strcasecmp (inspect_devs[i].partuuid, guid) == 0)
      return strdup (inspect_devs[i].api);
  return NULL;
}

static int
drive_mappings (hive_h *h, struct inspect_fs *fs)
{
  static const char *const path[] = { "MountedDevices", NULL };
  hive_node_h node = get_node (h, path);
  hive_value_h *values;
  int r = 0;

  if (node == 0)
    return 0;
  values = hivex_node_values (h, node);
  for (size_t i = 0; values && values[i] && r == 0; ++i) {
    char *key = hivex_value_key (h, values[i]);
    char *blob = NULL, *dev = NULL;
    hive_type t;
    size_t len;

    if (key == NULL || strlen (key) < 14 || strncasecmp (key, "\\DosDevices\\", 12) != 0 ||
        !isalpha ((unsigned char) key[12]) || key[13] != ':' ||
        fs->nr_drives >= INSPECT_DRIVES_MAX)
      goto next;
    blob = hivex_value_value (h, values[i], &t, &len);
    if (blob == NULL || t != hive_t_REG_BINARY)
      goto next;
    if (len >= 24 && memcmp (blob, "DMIO:ID:", 8) == 0)
      dev = map_gpt ((unsigned char *) blob);
    else if (len == 12)
      dev = map_mbr ((unsigned char *) blob);
    if (dev) {
      struct inspect_drive *d = realloc (fs->drives, (fs->nr_drives + 1) * sizeof *d);
      if (d == NULL) {
        free (dev);
        r = -1;
        goto next;
      }
      fs->drives = d;
      d[fs->nr_drives].letter = key[12];
      d[fs->nr_drives].device = dev;
      fs->nr_drives++;
    }
  next:
    free (key);
    free (blob);
  }
  free (values);
  return r;
}

static int
system_registry (int root, const char *hive, struct inspect_fs *fs)
{
  static const char *const select[] = { "Select", NULL };
  hive_h *h = inspect_open_hive (root, hive);
  int32_t current;
  int r;

  if (h == NULL) {
    if (verbose)
      fprintf (stderr, "inspect: %s: cannot open the hive: %m\n", hive);
    return 0;
  }
  r = drive_mappings (h, fs);
  if (r == 0 && get_dword (h, get_node (h, select), "Current", &current)) {
    char ccs[32];
    const char *tcpip[] = { ccs, "Services", "Tcpip", "Parameters", NULL };
    const char *compname[] = { ccs, "Control", "ComputerName", "ComputerName", NULL };
    char *name;

    snprintf (ccs, sizeof ccs, "ControlSet%03d", (int) current);
    if (inspect_set (&fs->windows_current_control_set, ccs) == -1)
      r = -1;
    /* As libguestfs: the TCP/IP hostname; the NetBIOS computer name if
     * there is none. */
    name = get_string (h, get_node (h, tcpip), "Hostname");
    if (name == NULL || *name == '\0') {
      free (name);
      name = get_string (h, get_node (h, compname), "ComputerName");
    }
    set_owned (&fs->hostname, name);
  }
  hivex_close (h);
  return r;
}

/* ---- the system root ---- */

static bool
is_systemroot (int root, const char *sr)
{
  CLEANUP_FREE char *s32 = NULL, *cfg = NULL, *cmd = NULL;

  if (asprintf (&s32, "%s/system32", sr) == -1 ||
      asprintf (&cfg, "%s/system32/config", sr) == -1 ||
      asprintf (&cmd, "%s/system32/cmd.exe", sr) == -1)
    return false;
  return guest_is_dir_nocase (root, s32) && guest_is_dir_nocase (root, cfg) &&
    guest_is_file_nocase (root, cmd);
}

/* boot.ini's [operating systems] entries may name another directory. */
static char *
systemroot_from_boot_ini (int root)
{
  CLEANUP_FREE char *ini = guest_case_path (root, "/boot.ini");
  char **lines;
  char *r = NULL;
  regex_t re;
  bool in_section = false;

  if (ini == NULL || (lines = guest_read_lines (root, ini)) == NULL)
    return NULL;
  if (regcomp (&re, "^(multi|scsi)\\([0-9]+\\)disk\\([0-9]+\\)rdisk\\([0-9]+\\)"
               "partition\\([0-9]+\\)([^=]+)=", REG_EXTENDED) != 0) {
    free_lines (lines);
    return NULL;
  }
  for (size_t i = 0; lines[i] && r == NULL; ++i) {
    regmatch_t m[3];

    if (!in_section) {
      in_section = STRPREFIX (lines[i], "[operating systems]");
      continue;
    }
    if (!STRPREFIX (lines[i], "multi(") && !STRPREFIX (lines[i], "scsi("))
      break;
    if (regexec (&re, lines[i], 3, m, 0) == 0) {
      CLEANUP_FREE char *p = strndup (lines[i] + m[2].rm_so, m[2].rm_eo - m[2].rm_so);
      CLEANUP_FREE char *sr = NULL;
      if (p == NULL)
        break;
      for (char *q = p; *q; ++q)
        if (*q == '\\')
          *q = '/';
      /* The case-sensitive name, as for the usual locations. */
      sr = guest_case_path (root, p);
      if (sr && is_systemroot (root, sr)) {
        r = sr;
        sr = NULL;
      }
    }
  }
  regfree (&re);
  free_lines (lines);
  return r;
}

static char *
find_systemroot (int root)
{
  static const char *const paths[] = {
    "/windows", "/winnt", "/win32", "/win", "/reactos",
  };

  for (size_t i = 0; i < sizeof paths / sizeof paths[0]; ++i) {
    char *sr = guest_case_path (root, paths[i]);
    if (sr && is_systemroot (root, sr))
      return sr;
    free (sr);
  }
  return systemroot_from_boot_ini (root);
}

/* The case-sensitive path of a file below the system root, if it is a
 * regular file. */
static char *
systemroot_file (int root, const char *sr, const char *rel)
{
  CLEANUP_FREE char *p = NULL;
  char *r;

  if (asprintf (&p, "%s/%s", sr, rel) == -1)
    return NULL;
  r = guest_case_path (root, p);
  if (r && !guest_is_file (root, r, false)) {
    free (r);
    r = NULL;
  }
  return r;
}

int
inspect_check_windows (int root, struct inspect_fs *fs, bool *matched)
{
  char *sr = find_systemroot (root);
  CLEANUP_FREE char *cmd = NULL;

  *matched = sr != NULL;
  if (sr == NULL)
    return 0;
  fs->role = ROLE_ROOT;
  fs->windows_systemroot = sr;
  if (inspect_set (&fs->os_type, "windows") == -1 ||
      inspect_set (&fs->distro, "windows") == -1)
    return -1;
  cmd = systemroot_file (root, sr, "system32/cmd.exe");
  if (cmd)
    fs->arch = inspect_file_arch (root, cmd);
  fs->windows_software_hive = systemroot_file (root, sr, "system32/config/software");
  fs->windows_system_hive = systemroot_file (root, sr, "system32/config/system");
  if (fs->windows_software_hive == NULL || fs->windows_system_hive == NULL)
    return 0;
  return inspect_windows_registry (root, fs->windows_software_hive,
                                   fs->windows_system_hive, fs);
}

int
inspect_windows_registry (int root, const char *software, const char *system,
                          struct inspect_fs *fs)
{
  if (software_registry (root, software, fs) == -1)
    return -1;
  return system_registry (root, system, fs);
}

bool
inspect_is_windows_volume (int root)
{
  return guest_is_dir_nocase (root, "/System Volume Information");
}
