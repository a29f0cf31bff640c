/* virt-inspector: build the XML document describing every operating
 * system found, with the element names, nesting and order of
 * libguestfs's virt-inspector, so that programs parsing its output (and
 * its RELAX NG schema) accept ours unchanged.  Values that inspection
 * does not know ("unknown", empty strings, failed calls) are left out,
 * as libguestfs does.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>
#include <libxml/chvalid.h>

#include "options.h"
#include "inspector.h"

/* Any failure of the writer means memory exhaustion: give up. */
#define XW(call)                                                        \
  do {                                                                  \
    if ((call) == -1) {                                                 \
      fprintf (stderr, "virt-inspector: XML write error at \"%s\"\n", #call); \
      exit (EXIT_FAILURE);                                              \
    }                                                                   \
  } while (0)

static void
free_strings (char **v)
{
  size_t i;

  if (v == NULL)
    return;
  for (i = 0; v[i] != NULL; ++i)
    free (v[i]);
  free (v);
}

static size_t
count_strings (char *const *v)
{
  size_t n = 0;

  while (v[n] != NULL)
    n++;
  return n;
}

/* Guest strings may hold invalid UTF-8 or control characters that XML
 * cannot carry: replace each such byte or character with U+FFFD so the
 * document stays well-formed.  Returns a malloc'd string.
 */
static char *
xml_safe (const char *str)
{
  size_t len = strlen (str), i = 0, o = 0;
  char *r = malloc (3 * len + 1);

  if (r == NULL) {
    perror ("malloc");
    exit (EXIT_FAILURE);
  }
  while (i < len) {
    int n = (int) (len - i > 4 ? 4 : len - i);
    int c = xmlGetUTF8Char ((const unsigned char *) str + i, &n);

    if (c < 0 || n <= 0 || !xmlIsCharQ (c)) {
      memcpy (r + o, "\xEF\xBF\xBD", 3);
      o += 3;
      i++;
    }
    else {
      memcpy (r + o, str + i, n);
      o += n;
      i += n;
    }
  }
  r[o] = '\0';
  return r;
}

static void
write_element (xmlTextWriterPtr xo, const char *name, const char *str)
{
  char *s = xml_safe (str);

  XW (xmlTextWriterWriteElement (xo, BAD_CAST name, BAD_CAST s));
  free (s);
}

static void
write_attribute (xmlTextWriterPtr xo, const char *name, const char *str)
{
  char *s = xml_safe (str);

  XW (xmlTextWriterWriteAttribute (xo, BAD_CAST name, BAD_CAST s));
  free (s);
}

static void
write_text (xmlTextWriterPtr xo, const char *str)
{
  char *s = xml_safe (str);

  XW (xmlTextWriterWriteString (xo, BAD_CAST s));
  free (s);
}

/* Write <NAME>STR</NAME> unless STR is NULL, empty or "unknown";
 * frees STR.
 */
static void
write_known (xmlTextWriterPtr xo, const char *name, char *str)
{
  if (str != NULL && str[0] != '\0' && strcmp (str, "unknown") != 0)
    write_element (xo, name, str);
  free (str);
}

static void
write_string (xmlTextWriterPtr xo, const char *name, const char *str)
{
  if (str != NULL && str[0] != '\0')
    write_element (xo, name, str);
}

static void
write_int (xmlTextWriterPtr xo, const char *name, int v)
{
  XW (xmlTextWriterWriteFormatElement (xo, BAD_CAST name, "%d", v));
}

/* Sort (key, value) pairs by the length of the key, then the key:
 * "/" before "/boot" before "/home".
 */
static int
compare_keys_len (const void *a, const void *b)
{
  const char *ka = *(char *const *) a, *kb = *(char *const *) b;
  size_t la = strlen (ka), lb = strlen (kb);

  if (la != lb)
    return la < lb ? -1 : 1;
  return strcmp (ka, kb);
}

static int
compare_keys (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Device names as libguestfs prints them (/dev/sda1, not /dev/vda1). */
static char *
canonical (guestfs_h *g, const char *dev)
{
  char *r = guestfs_canonical_device_name (g, dev);

  return r != NULL ? r : strdup (dev);
}

static void
write_mountpoints (guestfs_h *g, xmlTextWriterPtr xo, const char *root)
{
  char **mps = guestfs_inspect_get_mountpoints (g, root);
  size_t i, n;

  if (mps == NULL)
    return;
  n = count_strings (mps) / 2;
  qsort (mps, n, 2 * sizeof (char *), compare_keys_len);

  XW (xmlTextWriterStartElement (xo, BAD_CAST "mountpoints"));
  for (i = 0; i < n; ++i) {
    char *dev = canonical (g, mps[2 * i + 1]);

    XW (xmlTextWriterStartElement (xo, BAD_CAST "mountpoint"));
    write_attribute (xo, "dev", dev ? dev : "");
    write_text (xo, mps[2 * i]);
    XW (xmlTextWriterEndElement (xo));
    free (dev);
  }
  XW (xmlTextWriterEndElement (xo));
  free_strings (mps);
}

static void
write_filesystems (guestfs_h *g, xmlTextWriterPtr xo, const char *root)
{
  char **fses = guestfs_inspect_get_filesystems (g, root);
  size_t i;

  if (fses == NULL)
    return;
  qsort (fses, count_strings (fses), sizeof (char *), compare_keys);

  XW (xmlTextWriterStartElement (xo, BAD_CAST "filesystems"));
  for (i = 0; fses[i] != NULL; ++i) {
    char *dev = canonical (g, fses[i]);

    XW (xmlTextWriterStartElement (xo, BAD_CAST "filesystem"));
    write_attribute (xo, "dev", dev ? dev : "");
    /* Swap and unformatted devices have no type, label or UUID. */
    guestfs_push_error_handler (g, NULL, NULL);
    write_known (xo, "type", guestfs_vfs_type (g, fses[i]));
    write_known (xo, "label", guestfs_vfs_label (g, fses[i]));
    write_known (xo, "uuid", guestfs_vfs_uuid (g, fses[i]));
    guestfs_pop_error_handler (g);
    XW (xmlTextWriterEndElement (xo));
    free (dev);
  }
  XW (xmlTextWriterEndElement (xo));
  free_strings (fses);
}

static void
write_drive_mappings (guestfs_h *g, xmlTextWriterPtr xo, const char *root)
{
  char **dms;
  size_t i, n;

  guestfs_push_error_handler (g, NULL, NULL);
  dms = guestfs_inspect_get_drive_mappings (g, root);
  guestfs_pop_error_handler (g);
  if (dms == NULL || dms[0] == NULL) {
    free_strings (dms);
    return;
  }
  n = count_strings (dms) / 2;
  qsort (dms, n, 2 * sizeof (char *), compare_keys);

  XW (xmlTextWriterStartElement (xo, BAD_CAST "drive_mappings"));
  for (i = 0; i < n; ++i) {
    char *dev = canonical (g, dms[2 * i + 1]);

    XW (xmlTextWriterStartElement (xo, BAD_CAST "drive_mapping"));
    write_attribute (xo, "name", dms[2 * i]);
    write_text (xo, dev ? dev : "");
    XW (xmlTextWriterEndElement (xo));
    free (dev);
  }
  XW (xmlTextWriterEndElement (xo));
  free_strings (dms);
}

static void
write_applications (guestfs_h *g, xmlTextWriterPtr xo, const char *root)
{
  struct guestfs_application2_list *apps;
  size_t i;

  /* A guest whose package database cannot be read has no applications
   * element at all, as with libguestfs.
   */
  apps = guestfs_inspect_list_applications2 (g, root);
  if (apps == NULL)
    return;

  XW (xmlTextWriterStartElement (xo, BAD_CAST "applications"));
  for (i = 0; i < apps->len; ++i) {
    const struct guestfs_application2 *a = &apps->val[i];

    XW (xmlTextWriterStartElement (xo, BAD_CAST "application"));
    write_string (xo, "name", a->app2_name);
    write_string (xo, "display_name", a->app2_display_name);
    if (a->app2_epoch > 0)
      write_int (xo, "epoch", a->app2_epoch);
    write_string (xo, "version", a->app2_version);
    write_string (xo, "release", a->app2_release);
    write_string (xo, "arch", a->app2_arch);
    write_string (xo, "install_path", a->app2_install_path);
    write_string (xo, "publisher", a->app2_publisher);
    write_string (xo, "url", a->app2_url);
    write_string (xo, "source_package", a->app2_source_package);
    write_string (xo, "summary", a->app2_summary);
    write_string (xo, "description", a->app2_description);
    XW (xmlTextWriterEndElement (xo));
  }
  XW (xmlTextWriterEndElement (xo));
  guestfs_free_application2_list (apps);
}

static void
write_icon (guestfs_h *g, xmlTextWriterPtr xo, const char *root)
{
  char *data;
  size_t size;

  guestfs_push_error_handler (g, NULL, NULL);
  data = guestfs_inspect_get_icon (g, root, &size,
                                   GUESTFS_INSPECT_GET_ICON_FAVICON, 0,
                                   -1);
  guestfs_pop_error_handler (g);
  if (data != NULL && size > 0) {
    XW (xmlTextWriterStartElement (xo, BAD_CAST "icon"));
    XW (xmlTextWriterWriteBase64 (xo, data, 0, size));
    XW (xmlTextWriterEndElement (xo));
  }
  free (data);
}

/* Mount the guest's filesystems read-only where it would mount them,
 * shortest mountpoint first; a filesystem that will not mount is simply
 * missing from what applications and the icon can see.
 */
static void
mount_guest (guestfs_h *g, const char *root)
{
  char **mps = guestfs_inspect_get_mountpoints (g, root);
  size_t i, n;

  if (mps == NULL)
    return;
  n = count_strings (mps) / 2;
  qsort (mps, n, 2 * sizeof (char *), compare_keys_len);
  guestfs_push_error_handler (g, NULL, NULL);
  for (i = 0; i < n; ++i)
    guestfs_mount_ro (g, mps[2 * i + 1], mps[2 * i]);
  guestfs_pop_error_handler (g);
  free_strings (mps);
}

static void
write_root (guestfs_h *g, xmlTextWriterPtr xo, const char *root,
            int want_apps, int want_icon)
{
  char *type, *dev, *str;
  int is_windows;

  XW (xmlTextWriterStartElement (xo, BAD_CAST "operatingsystem"));

  dev = canonical (g, root);
  write_string (xo, "root", dev ? dev : root);
  free (dev);

  guestfs_push_error_handler (g, NULL, NULL);
  type = guestfs_inspect_get_type (g, root);
  is_windows = type != NULL && strcmp (type, "windows") == 0;
  write_known (xo, "name", type);
  write_known (xo, "arch", guestfs_inspect_get_arch (g, root));
  write_known (xo, "distro", guestfs_inspect_get_distro (g, root));
  write_known (xo, "product_name", guestfs_inspect_get_product_name (g, root));
  write_known (xo, "product_variant",
               guestfs_inspect_get_product_variant (g, root));
  write_int (xo, "major_version", guestfs_inspect_get_major_version (g, root));
  write_int (xo, "minor_version", guestfs_inspect_get_minor_version (g, root));
  if (is_windows) {
    write_known (xo, "windows_systemroot",
                 guestfs_inspect_get_windows_systemroot (g, root));
    write_known (xo, "windows_current_control_set",
                 guestfs_inspect_get_windows_current_control_set (g, root));
  }
  write_known (xo, "package_format",
               guestfs_inspect_get_package_format (g, root));
  write_known (xo, "package_management",
               guestfs_inspect_get_package_management (g, root));
  write_known (xo, "hostname", guestfs_inspect_get_hostname (g, root));
  write_known (xo, "osinfo", guestfs_inspect_get_osinfo (g, root));
  /* libguestfs prints the format only for install media. */
  str = guestfs_inspect_get_format (g, root);
  if (str != NULL && STRNEQ (str, "installed"))
    write_known (xo, "format", str);
  else
    free (str);
  if (guestfs_inspect_is_live (g, root) > 0)
    XW (xmlTextWriterWriteElement (xo, BAD_CAST "live", NULL));
  if (guestfs_inspect_is_netinst (g, root) > 0)
    XW (xmlTextWriterWriteElement (xo, BAD_CAST "netinst", NULL));
  if (guestfs_inspect_is_multipart (g, root) > 0)
    XW (xmlTextWriterWriteElement (xo, BAD_CAST "multipart", NULL));
  guestfs_pop_error_handler (g);

  write_mountpoints (g, xo, root);
  write_filesystems (g, xo, root);
  write_drive_mappings (g, xo, root);

  if (want_apps || want_icon) {
    mount_guest (g, root);
    guestfs_push_error_handler (g, NULL, NULL);
    if (want_apps)
      write_applications (g, xo, root);
    if (want_icon)
      write_icon (g, xo, root);
    guestfs_pop_error_handler (g);
    guestfs_umount_all (g);
  }

  XW (xmlTextWriterEndElement (xo));
}

char *
inspector_build_xml (guestfs_h *g, char *const *roots,
                     int want_apps, int want_icon)
{
  xmlBufferPtr buf = xmlBufferCreate ();
  xmlTextWriterPtr xo;
  char *ret;
  size_t i;

  if (buf == NULL || (xo = xmlNewTextWriterMemory (buf, 0)) == NULL) {
    fprintf (stderr, "virt-inspector: cannot create XML writer\n");
    exit (EXIT_FAILURE);
  }
  XW (xmlTextWriterSetIndent (xo, 1));
  XW (xmlTextWriterSetIndentString (xo, BAD_CAST "  "));
  XW (xmlTextWriterStartDocument (xo, NULL, NULL, NULL));
  XW (xmlTextWriterStartElement (xo, BAD_CAST "operatingsystems"));
  for (i = 0; roots[i] != NULL; ++i)
    write_root (g, xo, roots[i], want_apps, want_icon);
  XW (xmlTextWriterEndElement (xo));
  XW (xmlTextWriterEndDocument (xo));
  xmlFreeTextWriter (xo);

  ret = strdup ((const char *) xmlBufferContent (buf));
  xmlBufferFree (buf);
  if (ret == NULL) {
    perror ("strdup");
    exit (EXIT_FAILURE);
  }
  return ret;
}
