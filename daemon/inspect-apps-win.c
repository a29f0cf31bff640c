/* guestfsd: the applications of a Windows guest, from the Uninstall
 * keys of its SOFTWARE hive (native, then 32-bit under WOW6432Node), as
 * libguestfs lists them: every subkey with a DisplayName, named after
 * the key. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include <hivex.h>

#include "daemon.h"
#include "inspect.h"

static char *
value_string (hive_h *h, hive_node_h node, const char *key)
{
  hive_value_h v = hivex_node_get_value (h, node, key);

  return v ? hivex_value_string (h, v) : NULL;
}

static int
list_from (hive_h *h, const char *const *path, struct inspect_apps *apps)
{
  hive_node_h node = hivex_root (h), *children;
  int r = 0;

  for (size_t i = 0; node && path[i]; ++i)
    node = hivex_node_get_child (h, node, path[i]);
  if (node == 0)
    return 0;
  children = hivex_node_children (h, node);
  for (size_t i = 0; children && children[i] && r == 0; ++i) {
    hive_node_h c = children[i];
    char *name = hivex_node_name (h, c);
    char *display = name ? value_string (h, c, "DisplayName") : NULL;

    if (display) {
      char *version = value_string (h, c, "DisplayVersion");
      char *location = value_string (h, c, "InstallLocation");
      char *publisher = value_string (h, c, "Publisher");
      char *url = value_string (h, c, "URLInfoAbout");
      char *comments = value_string (h, c, "Comments");

      r = inspect_add_app (apps, name, display, 0, version, "", "", location,
                           publisher, url, "", "", comments);
      free (version);
      free (location);
      free (publisher);
      free (url);
      free (comments);
    }
    free (name);
    free (display);
  }
  free (children);
  return r;
}

int
inspect_list_windows_apps (int root, const struct inspect_fs *fs,
                           struct inspect_apps *apps)
{
  static const char *const native[] = {
    "Microsoft", "Windows", "CurrentVersion", "Uninstall", NULL
  };
  static const char *const wow64[] = {
    "WOW6432node", "Microsoft", "Windows", "CurrentVersion", "Uninstall", NULL
  };
  hive_h *h;
  int r;

  if (fs->windows_software_hive == NULL) {
    reply_with_error ("%s: not a Windows guest, or software hive not found",
                      fs->mountable);
    return -1;
  }
  h = inspect_open_hive (root, fs->windows_software_hive);
  if (h == NULL) {
    reply_with_perror ("%s", fs->windows_software_hive);
    return -1;
  }
  r = list_from (h, native, apps);
  if (r == 0)
    r = list_from (h, wow64, apps);
  hivex_close (h);
  if (r == -1)
    reply_with_perror ("%s", fs->windows_software_hive);
  return r;
}
