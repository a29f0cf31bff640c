/* guestfsd: inspect_os and inspect_get_roots, and the results they
 * keep.  inspect_os walks the filesystems list_filesystems reports,
 * mounts each one read-only on a private directory, classifies it
 * (Linux and other Unix roots, a Linux /usr, Windows, DOS), and keeps
 * what it found until the next inspect_os; the inspect_get_* calls read
 * it.  A separate /usr listed in a root's fstab fills in what the root
 * itself lacks, as in libguestfs. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "daemon.h"
#include "actions.h"
#include "inspect.h"

struct inspect_fs *inspect_fses;
size_t inspect_nr_fses;
struct inspect_dev *inspect_devs;
size_t inspect_nr_devs;
static bool inspected;

void
inspect_free_fs (struct inspect_fs *fs)
{
  char **strs[] = { INSPECT_FS_STRINGS (fs) };

  for (size_t i = 0; i < sizeof strs / sizeof strs[0]; ++i)
    free (*strs[i]);
  for (size_t i = 0; i < fs->nr_fstab; ++i) {
    free (fs->fstab[i].mountable);
    free (fs->fstab[i].mountpoint);
  }
  free (fs->fstab);
  for (size_t i = 0; i < fs->nr_drives; ++i)
    free (fs->drives[i].device);
  free (fs->drives);
  memset (fs, 0, sizeof *fs);
}

static void
free_results (void)
{
  for (size_t i = 0; i < inspect_nr_fses; ++i)
    inspect_free_fs (&inspect_fses[i]);
  free (inspect_fses);
  inspect_fses = NULL;
  inspect_nr_fses = 0;
  for (size_t i = 0; i < inspect_nr_devs; ++i) {
    struct inspect_dev *d = &inspect_devs[i];
    free (d->api);
    free (d->kernel);
    free (d->type);
    free (d->uuid);
    free (d->label);
    free (d->partuuid);
    free (d->partlabel);
  }
  free (inspect_devs);
  inspect_devs = NULL;
  inspect_nr_devs = 0;
  inspected = false;
}

char *
inspect_strdup (const char *s)
{
  size_t n = strnlen (s, INSPECT_STRING_MAX);
  char *r = strndup (s, n);

  if (r)
    trim_trailing (r);
  return r;
}

int
inspect_set (char **field, const char *s)
{
  char *v = inspect_strdup (s);

  if (v == NULL)
    return -1;
  free (*field);
  *field = v;
  return 0;
}

const char *
inspect_kernel_name (const char *api)
{
  for (size_t i = 0; i < inspect_nr_devs; ++i)
    if (STREQ (inspect_devs[i].api, api))
      return inspect_devs[i].kernel;
  return NULL;
}

/* Classify the filesystem mounted at dir. */
static int
check_filesystem (const char *dir, struct inspect_fs *fs)
{
  int root = open (dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
  bool matched = false;
  int r = -1;

  if (root == -1)
    return 0;                   /* nothing to look at */
  /* A Grub /boot is nothing of its own. */
  if (guest_is_file (root, "/grub/menu.lst", false) ||
      guest_is_file (root, "/grub/grub.conf", false) ||
      guest_is_file (root, "/grub2/grub.cfg", false))
    matched = true;
  if (!matched && inspect_check_unix (root, fs, &matched) == -1)
    goto out;
  if (!matched && inspect_check_windows (root, fs, &matched) == -1)
    goto out;
  if (!matched && inspect_is_windows_volume (root))
    matched = true;
  if (!matched && guest_is_dir_nocase (root, "/FDOS") &&
      guest_is_file_nocase (root, "/FDOS/FREEDOS.BSS")) {
    fs->role = ROLE_ROOT;
    if (inspect_set (&fs->os_type, "dos") == -1 ||
        inspect_set (&fs->distro, "freedos") == -1 ||
        inspect_set (&fs->arch, "i386") == -1)
      goto out;
  }
  else if (!matched && guest_is_dir_nocase (root, "/DOS") &&
           guest_is_file_nocase (root, "/DOS/COMMAND.COM")) {
    fs->role = ROLE_ROOT;
    if (inspect_set (&fs->os_type, "dos") == -1 ||
        inspect_set (&fs->distro, "msdos") == -1 ||
        inspect_set (&fs->arch, "i386") == -1)
      goto out;
  }
  r = inspect_package_info (root, fs);
 out:
  close (root);
  return r;
}

/* Fill in what root lacks from its separate /usr (libguestfs's merge:
 * the root's own values win). */
static int
merge_usr (struct inspect_fs *root, const struct inspect_fs *usr)
{
  char **to[] = {
    &root->os_type, &root->distro, &root->package_format,
    &root->package_management, &root->product_name, &root->product_variant,
    &root->arch, &root->hostname, &root->build_id,
  };
  char *const *from[] = {
    &usr->os_type, &usr->distro, &usr->package_format,
    &usr->package_management, &usr->product_name, &usr->product_variant,
    &usr->arch, &usr->hostname, &usr->build_id,
  };

  for (size_t i = 0; i < sizeof to / sizeof to[0]; ++i)
    if (*to[i] == NULL && *from[i] && inspect_set (to[i], *from[i]) == -1)
      return -1;
  if (!root->has_version && usr->has_version) {
    root->has_version = true;
    root->major = usr->major;
    root->minor = usr->minor;
  }
  return 0;
}

static int
collect_usr (void)
{
  for (size_t i = 0; i < inspect_nr_fses; ++i) {
    struct inspect_fs *root = &inspect_fses[i];

    if (root->role != ROLE_ROOT || root->distro == NULL ||
        STREQ (root->distro, "coreos"))
      continue;
    for (size_t j = 0; j < inspect_nr_fses; ++j) {
      const struct inspect_fs *usr = &inspect_fses[j];
      bool listed = false;

      if (usr->role != ROLE_USR ||
          (usr->distro && STRNEQ (usr->distro, root->distro)))
        continue;
      for (size_t k = 0; k < root->nr_fstab; ++k)
        if (STREQ (root->fstab[k].mountable, usr->mountable))
          listed = true;
      if (!listed)
        continue;
      if (merge_usr (root, usr) == -1)
        return -1;
      break;
    }
  }
  return 0;
}

static char **
roots_list (void)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);

  for (size_t i = 0; i < inspect_nr_fses; ++i)
    if (inspect_fses[i].role == ROLE_ROOT &&
        add_string (&sb, inspect_fses[i].mountable) == -1)
      return NULL;
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

char **
do_inspect_os (void)
{
  CLEANUP_FREE_STRING_LIST char **list = NULL;
  size_t n;

  free_results ();
  /* list_filesystems replies itself if it fails. */
  list = do_list_filesystems ();
  if (list == NULL)
    return NULL;
  n = daemon_count_strings (list) / 2;
  inspect_devs = calloc (n ? n : 1, sizeof *inspect_devs);
  inspect_fses = calloc (n ? n : 1, sizeof *inspect_fses);
  if (inspect_devs == NULL || inspect_fses == NULL) {
    reply_with_perror ("calloc");
    goto fail;
  }

  for (size_t i = 0; i < n; ++i) {
    struct inspect_dev *d = &inspect_devs[inspect_nr_devs];
    char *kernel = daemon_resolve_mountable (list[2 * i]);

    if (kernel == NULL)
      goto fail;                /* replied */
    d->api = strdup (list[2 * i]);
    d->type = strdup (list[2 * i + 1]);
    d->kernel = kernel;
    inspect_nr_devs++;
    if (d->api == NULL || d->type == NULL) {
      reply_with_perror ("strdup");
      goto fail;
    }
    if (!STRPREFIX (kernel, "btrfsvol:"))
      inspect_probe_dev (d);
  }

  for (size_t i = 0; i < inspect_nr_devs; ++i) {
    const struct inspect_dev *d = &inspect_devs[i];
    struct inspect_fs *fs = &inspect_fses[inspect_nr_fses];
    char *dir;
    int r;

    if (STREQ (d->type, "swap") || STREQ (d->type, "unknown"))
      continue;
    dir = inspect_mount_private (d->kernel, NULL);
    if (dir == NULL) {
      if (verbose)
        fprintf (stderr, "inspect_os: %s: cannot mount: %m\n", d->api);
      continue;
    }
    memset (fs, 0, sizeof *fs);
    fs->windows_group_policy = -1;
    fs->mountable = strdup (d->api);
    fs->kernel = strdup (d->kernel);
    fs->vfs_type = strdup (d->type);
    r = fs->mountable && fs->kernel && fs->vfs_type ?
      check_filesystem (dir, fs) : -1;
    inspect_unmount_private (dir);
    inspect_nr_fses++;
    if (r == -1) {
      reply_with_perror ("%s: inspecting", d->api);
      goto fail;
    }
    if (verbose)
      fprintf (stderr, "inspect_os: %s: role %d, type %s, distro %s\n",
               d->api, fs->role, fs->os_type ? fs->os_type : "-",
               fs->distro ? fs->distro : "-");
  }

  if (collect_usr () == -1) {
    reply_with_perror ("malloc");
    goto fail;
  }
  inspected = true;
  return roots_list ();

 fail:
  free_results ();
  return NULL;
}

char **
do_inspect_get_roots (void)
{
  return roots_list ();
}

/* The API name of a resolved mountable argument. */
static char *
api_name (const char *mountable)
{
  CLEANUP_FREE char *dev = NULL, *vol = NULL, *api = NULL;
  char *r;

  if (daemon_split_mountable (mountable, &dev, &vol) == -1)
    return NULL;
  api = daemon_device_to_api (dev);
  if (api == NULL)
    return NULL;
  if (vol == NULL) {
    r = api;
    api = NULL;
    return r;
  }
  if (asprintf (&r, "btrfsvol:%s/%s", api, vol) == -1)
    return NULL;
  return r;
}

struct inspect_fs *
inspect_find_root (const char *mountable)
{
  CLEANUP_FREE char *api = api_name (mountable);

  if (!inspected) {
    reply_with_error ("no inspection data: call guestfs_inspect_os first");
    return NULL;
  }
  if (api == NULL) {
    reply_with_perror ("%s", mountable);
    return NULL;
  }
  for (size_t i = 0; i < inspect_nr_fses; ++i)
    if (inspect_fses[i].role == ROLE_ROOT &&
        (STREQ (inspect_fses[i].mountable, api) ||
         STREQ (inspect_fses[i].kernel, mountable)))
      return &inspect_fses[i];
  reply_with_error ("%s: root device not found: only call this function "
                    "with a root device previously returned by guestfs_inspect_os",
                    api);
  return NULL;
}
