/* guestfsd: which optional groups ("feature groups") this appliance
 * supports.  A group is available when this build implements calls in it
 * and the appliance has the programs and the kernel filesystems the group
 * needs; the answer is worked out once per group and remembered, since
 * neither changes while the appliance runs. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/utsname.h>

#include "daemon.h"
#include "actions.h"
#include "optgroups.h"

#define AVAILABLE 0
#define NOT_AVAILABLE 1
#define UNKNOWN_GROUP 2

/* Is name an executable regular file in one of PATH's directories? */
static bool
program_exists (const char *name)
{
  const char *path = getenv ("PATH");
  CLEANUP_FREE char *copy = strdup (path && *path ? path : "/usr/sbin:/usr/bin:/sbin:/bin");
  char *dir, *save = NULL;

  if (copy == NULL)
    return false;
  for (dir = strtok_r (copy, ":", &save); dir; dir = strtok_r (NULL, ":", &save)) {
    CLEANUP_FREE char *p = NULL;
    struct stat st;

    if (asprintf (&p, "%s/%s", dir, name) == -1)
      return false;
    if (stat (p, &st) == 0 && S_ISREG (st.st_mode) && access (p, X_OK) == 0)
      return true;
  }
  return false;
}

/* Does a line of this file (after an optional "nodev") name fs? */
static bool
in_proc_filesystems (const char *fs)
{
  CLEANUP_FREE char *buf = NULL;
  int fd = open ("/proc/filesystems", O_RDONLY | O_CLOEXEC);
  char *line, *save = NULL;

  if (fd == -1)
    return false;
  buf = read_whole_fd (fd, 1024 * 1024, NULL);
  close (fd);
  if (buf == NULL)
    return false;
  for (line = strtok_r (buf, "\n", &save); line; line = strtok_r (NULL, "\n", &save)) {
    char *name = strrchr (line, '\t');
    if (STREQ (name ? name + 1 : line, fs))
      return true;
  }
  return false;
}

/* Is there a module fs.ko (maybe compressed) for the running kernel?  The
 * kernel loads it on the first mount. */
static bool
module_exists (const char *fs)
{
  struct utsname u;
  CLEANUP_FREE char *path = NULL, *buf = NULL;
  char *line, *save = NULL;
  size_t n = strlen (fs);
  int fd;

  if (uname (&u) == -1 ||
      asprintf (&path, "/lib/modules/%s/modules.dep", u.release) == -1)
    return false;
  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd == -1)
    return false;
  buf = read_whole_fd (fd, 64 * 1024 * 1024, NULL);
  close (fd);
  if (buf == NULL)
    return false;
  for (line = strtok_r (buf, "\n", &save); line; line = strtok_r (NULL, "\n", &save)) {
    char *colon = strchr (line, ':');
    char *base;

    if (colon == NULL)
      continue;
    *colon = '\0';
    base = strrchr (line, '/');
    base = base ? base + 1 : line;
    if (strncmp (base, fs, n) == 0 && STRPREFIX (base + n, ".ko"))
      return true;
  }
  return false;
}

static int
check_group (const struct optgroup *grp)
{
  if (!grp->implemented)
    return NOT_AVAILABLE;
  for (size_t i = 0; grp->programs[i]; ++i)
    if (!program_exists (grp->programs[i])) {
      if (verbose)
        fprintf (stderr, "guestfsd: group %s: program %s not found\n",
                 grp->name, grp->programs[i]);
      return NOT_AVAILABLE;
    }
  for (size_t i = 0; grp->filesystems[i]; ++i)
    if (!in_proc_filesystems (grp->filesystems[i]) &&
        !module_exists (grp->filesystems[i])) {
      if (verbose)
        fprintf (stderr, "guestfsd: group %s: no %s filesystem in the kernel\n",
                 grp->name, grp->filesystems[i]);
      return NOT_AVAILABLE;
    }
  return AVAILABLE;
}

int
do_internal_feature_available (const char *group)
{
  static signed char *cache;    /* -1: not worked out yet */

  if (cache == NULL) {
    cache = malloc (nr_optgroups ? nr_optgroups : 1);
    if (cache == NULL) {
      reply_with_perror ("malloc");
      return -1;
    }
    memset (cache, -1, nr_optgroups);
  }
  for (size_t i = 0; i < nr_optgroups; ++i)
    if (STREQ (optgroups[i].name, group)) {
      if (cache[i] < 0)
        cache[i] = check_group (&optgroups[i]);
      return cache[i];
    }
  return UNKNOWN_GROUP;
}

char **
do_available_all_groups (void)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);

  for (size_t i = 0; i < nr_optgroups; ++i)
    if (add_string (&sb, optgroups[i].name) == -1)
      return NULL;
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}
