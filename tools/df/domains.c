/* virt-df: what it asks libvirt directly (libvirt's client library, over
 * a read-only connection): every domain of the connection, for virt-df
 * without -a or -d, and a domain's UUID, for --uuid.  The disks
 * themselves are added by the library's add_domain.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "df.h"

#ifdef HAVE_LIBVIRT

#include <libvirt/libvirt.h>

#include "libvirt-conn.h"

static virConnectPtr
df_connect (const char *uri)
{
  virConnectPtr conn = libvirt_conn_open_ro (uri, NULL);

  if (conn == NULL)
    fprintf (stderr, "virt-df: could not connect to libvirt (URI = %s): %s\n",
             uri ? uri : "NULL", libvirt_conn_message ());
  return conn;
}

/* A domain without a disk has nothing to show: libvirt writes the XML
 * itself, one <disk ...> element per disk.
 */
static int
has_disks (virDomainPtr d)
{
  char *xml = virDomainGetXMLDesc (d, 0);
  int r = xml != NULL && strstr (xml, "<disk ") != NULL;

  free (xml);
  return r;
}

static int
compare_names (const void *a, const void *b)
{
  const struct df_domain *x = a, *y = b;

  return strcmp (x->name, y->name);
}

int
df_list_domains (const char *uri, struct df_domain **doms_ret,
                 size_t *nr_ret)
{
  virConnectPtr conn = df_connect (uri);
  virDomainPtr *list = NULL;
  struct df_domain *doms;
  char uuid[VIR_UUID_STRING_BUFLEN];
  size_t n = 0;
  int i, nr;

  if (conn == NULL)
    return -1;
  nr = virConnectListAllDomains (conn, &list, 0);
  if (nr < 0) {
    fprintf (stderr, "virt-df: could not list the libvirt domains: %s\n",
             libvirt_conn_message ());
    virConnectClose (conn);
    return -1;
  }
  doms = calloc (nr > 0 ? (size_t) nr : 1, sizeof *doms);
  if (doms == NULL) {
    perror ("calloc");
    exit (EXIT_FAILURE);
  }
  for (i = 0; i < nr; ++i) {
    const char *name = virDomainGetName (list[i]);

    if (name != NULL && has_disks (list[i]) &&
        virDomainGetUUIDString (list[i], uuid) == 0) {
      doms[n].name = strdup (name);
      doms[n].uuid = strdup (uuid);
      if (doms[n].name == NULL || doms[n].uuid == NULL) {
        perror ("strdup");
        exit (EXIT_FAILURE);
      }
      n++;
    }
    virDomainFree (list[i]);
  }
  free (list);
  virConnectClose (conn);
  qsort (doms, n, sizeof *doms, compare_names);
  *doms_ret = doms;
  *nr_ret = n;
  return 0;
}

char *
df_domain_uuid (const char *uri, const char *dom)
{
  virConnectPtr conn = df_connect (uri);
  virDomainPtr d;
  char uuid[VIR_UUID_STRING_BUFLEN];
  char *r = NULL;

  if (conn == NULL)
    return NULL;
  d = libvirt_conn_lookup (conn, dom, 1);
  if (d == NULL)
    fprintf (stderr, "virt-df: no libvirt domain called '%s': %s\n", dom,
             libvirt_conn_message ());
  else if (virDomainGetUUIDString (d, uuid) == 0)
    r = strdup (uuid);
  if (d)
    virDomainFree (d);
  virConnectClose (conn);
  return r;
}

#else /* !HAVE_LIBVIRT */

int
df_list_domains (const char *uri, struct df_domain **doms_ret,
                 size_t *nr_ret)
{
  (void) uri;
  (void) doms_ret;
  (void) nr_ret;
  fprintf (stderr, "virt-df: built without libvirt: "
           "use -a to name the disk images\n");
  return -1;
}

char *
df_domain_uuid (const char *uri, const char *dom)
{
  (void) uri;
  (void) dom;
  return NULL;
}

#endif /* !HAVE_LIBVIRT */
