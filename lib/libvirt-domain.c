/* libguestfs (guestkit): add_domain -- ask libvirt (read-only
 * connection) for a domain by name or UUID, parse its XML with libxml2
 * for the disks' sources and formats, refuse write access to a running
 * domain, and add every disk with add_drive_opts, all or none. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>

#ifdef HAVE_LIBVIRT
#include <libvirt/libvirt.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include "libvirt-conn.h"
#endif

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

#ifdef HAVE_LIBVIRT

/* Bounds on what libvirt hands us. */
#define MAX_XML_LEN (16 * 1024 * 1024)
#define MAX_DISKS 255
#define MAX_FORMAT_LEN 32

struct domain_disk {
  char *path;
  char *format;                 /* NULL: detect */
  bool readonly;                /* <readonly/> in the XML */
};

struct domain_disks {
  struct domain_disk *disks;
  size_t n;
};

static void
free_disks (struct domain_disks *dd)
{
  for (size_t i = 0; i < dd->n; ++i) {
    free (dd->disks[i].path);
    free (dd->disks[i].format);
  }
  free (dd->disks);
}


/* The value of attribute NAME of the first node XPATH (relative to
 * NODE) selects, or NULL (free with xmlFree).
 */
static xmlChar *
xpath_attr (xmlXPathContextPtr ctx, xmlNodePtr node, const char *xpath,
            const char *name)
{
  xmlXPathObjectPtr obj;
  xmlChar *v = NULL;

  ctx->node = node;
  obj = xmlXPathEvalExpression (BAD_CAST xpath, ctx);
  if (obj && obj->type == XPATH_NODESET && obj->nodesetval &&
      obj->nodesetval->nodeNr > 0)
    v = xmlGetProp (obj->nodesetval->nodeTab[0], BAD_CAST name);
  xmlXPathFreeObject (obj);
  return v;
}

static bool
xpath_exists (xmlXPathContextPtr ctx, xmlNodePtr node, const char *xpath)
{
  xmlXPathObjectPtr obj;
  bool r;

  ctx->node = node;
  obj = xmlXPathEvalExpression (BAD_CAST xpath, ctx);
  r = obj && obj->type == XPATH_NODESET && obj->nodesetval &&
    obj->nodesetval->nodeNr > 0;
  xmlXPathFreeObject (obj);
  return r;
}

/* One <disk> element: append it to DD, skip it (no source), or fail. */
static int
parse_disk (guestfs_h *g, const char *dom, xmlXPathContextPtr ctx,
            xmlNodePtr node, struct domain_disks *dd)
{
  xmlChar *type = xmlGetProp (node, BAD_CAST "type");
  xmlChar *path = NULL, *format = NULL;
  struct domain_disk *nd;
  int r = -1;

  if (type == NULL || (!xmlStrEqual (type, BAD_CAST "file") &&
                       !xmlStrEqual (type, BAD_CAST "block"))) {
    /* A disk with no source at all (an empty CD-ROM) is skipped,
     * whatever its type; others we cannot reach locally.
     */
    if (!xpath_exists (ctx, node, "./source")) {
      r = 0;
      goto out;
    }
    error (g, "%s: disk of type '%s' is not supported (only local files "
           "and block devices)", dom, type ? (const char *) type : "(none)");
    goto out;
  }
  path = xpath_attr (ctx, node, "./source",
                     xmlStrEqual (type, BAD_CAST "file") ? "file" : "dev");
  if (path == NULL || path[0] == '\0') {  /* an empty drive */
    r = 0;
    goto out;
  }
  if (path[0] != '/' || xmlStrlen (path) >= PATH_MAX) {
    error (g, "%s: disk source '%.256s' is not an absolute path", dom,
           (const char *) path);
    goto out;
  }
  format = xpath_attr (ctx, node, "./driver", "type");
  if (format && (xmlStrlen (format) == 0 ||
                 xmlStrlen (format) > MAX_FORMAT_LEN)) {
    error (g, "%s: disk %s: invalid format in the domain XML", dom,
           (const char *) path);
    goto out;
  }
  if (dd->n >= MAX_DISKS) {
    error (g, "%s: the domain has more than %d disks", dom, MAX_DISKS);
    goto out;
  }

  nd = realloc (dd->disks, (dd->n + 1) * sizeof *nd);
  if (nd == NULL) {
    perrorf (g, "realloc");
    goto out;
  }
  dd->disks = nd;
  nd[dd->n].path = safe_strdup (g, (const char *) path);
  nd[dd->n].format = format ? safe_strdup (g, (const char *) format) : NULL;
  nd[dd->n].readonly = xpath_exists (ctx, node, "./readonly");
  dd->n++;
  r = 0;

 out:
  xmlFree (type);
  xmlFree (path);
  xmlFree (format);
  return r;
}

/* The disks of domain DOM from its XML description. */
static int
parse_domain_xml (guestfs_h *g, const char *dom, const char *xml,
                  struct domain_disks *dd)
{
  xmlDocPtr doc;
  xmlXPathContextPtr ctx = NULL;
  xmlXPathObjectPtr obj = NULL;
  size_t len = strlen (xml);
  int r = -1;

  if (len > MAX_XML_LEN) {
    error (g, "%s: the domain XML is too large (%zu bytes)", dom, len);
    return -1;
  }
  doc = xmlReadMemory (xml, (int) len, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR |
                       XML_PARSE_NOWARNING);
  if (doc == NULL) {
    error (g, "%s: unable to parse the domain XML returned by libvirt", dom);
    return -1;
  }
  ctx = xmlXPathNewContext (doc);
  if (ctx == NULL) {
    error (g, "%s: unable to create an XPath context", dom);
    goto out;
  }
  obj = xmlXPathEvalExpression (BAD_CAST "/domain/devices/disk", ctx);
  if (obj == NULL || obj->type != XPATH_NODESET) {
    error (g, "%s: unable to evaluate XPath expression on the domain XML",
           dom);
    goto out;
  }
  if (obj->nodesetval)
    for (int i = 0; i < obj->nodesetval->nodeNr; ++i)
      if (parse_disk (g, dom, ctx, obj->nodesetval->nodeTab[i], dd) == -1)
        goto out;
  r = 0;

 out:
  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
  return r;
}

/* Connect to URI, find DOM, get its disks and whether it is running. */
static int
get_domain_disks (guestfs_h *g, const char *uri, const char *dom,
                  bool allowuuid, struct domain_disks *dd, bool *active)
{
  virConnectPtr conn;
  virDomainPtr d = NULL;
  char *xml = NULL;
  int r = -1, a;

  conn = libvirt_conn_open_ro (uri);
  if (conn == NULL) {
    error (g, "could not connect to libvirt (URI = %s): %s",
           uri ? uri : "NULL", libvirt_conn_message ());
    return -1;
  }
  if (allowuuid)
    d = virDomainLookupByUUIDString (conn, dom);
  if (d == NULL)
    d = virDomainLookupByName (conn, dom);
  if (d == NULL) {
    error (g, "no libvirt domain called '%s': %s", dom, libvirt_conn_message ());
    goto out;
  }
  a = virDomainIsActive (d);
  if (a == -1) {
    error (g, "%s: error getting domain state: %s", dom, libvirt_conn_message ());
    goto out;
  }
  *active = a == 1;
  xml = virDomainGetXMLDesc (d, 0);
  if (xml == NULL) {
    error (g, "%s: error reading the domain XML: %s", dom, libvirt_conn_message ());
    goto out;
  }
  r = parse_domain_xml (g, dom, xml, dd);

 out:
  free (xml);
  if (d)
    virDomainFree (d);
  virConnectClose (conn);
  return r;
}

int
guestfs_impl_add_domain (guestfs_h *g, const char *dom,
                         const struct guestfs_add_domain_argv *optargs)
{
  uint64_t m = optargs->bitmask;
  const char *uri = (m & GUESTFS_ADD_DOMAIN_LIBVIRTURI_BITMASK) ?
    optargs->libvirturi : NULL;
  bool readonly = (m & GUESTFS_ADD_DOMAIN_READONLY_BITMASK) && optargs->readonly;
  bool allowuuid = (m & GUESTFS_ADD_DOMAIN_ALLOWUUID_BITMASK) && optargs->allowuuid;
  const char *rodisk = (m & GUESTFS_ADD_DOMAIN_READONLYDISK_BITMASK) ?
    optargs->readonlydisk : "write";
  struct domain_disks dd = { NULL, 0 };
  bool active = false;
  size_t first = g->nr_drives, added = 0;
  int r = -1;

  if (STRNEQ (rodisk, "error") && STRNEQ (rodisk, "read") &&
      STRNEQ (rodisk, "write") && STRNEQ (rodisk, "ignore")) {
    error (g, "add_domain: readonlydisk must be 'error', 'read', 'write' "
           "or 'ignore'");
    return -1;
  }
  if (*dom == '\0') {
    error (g, "add_domain: the domain name cannot be empty");
    return -1;
  }

  if (get_domain_disks (g, uri, dom, allowuuid, &dd, &active) == -1)
    goto out;

  if (!readonly && active) {
    error (g, "domain ‘%s’ is a live virtual machine.\n"
           "Writing to the disks of a running virtual machine can cause "
           "disk corruption.\n"
           "Either use read-only access, or shut the domain down first.  "
           "In most libvirt-based tools you can use ‘--ro’ for read-only "
           "access.", dom);
    goto out;
  }
  if (dd.n == 0) {
    error (g, "%s: libvirt domain has no disks", dom);
    goto out;
  }
  if (!readonly && STREQ (rodisk, "error"))
    for (size_t i = 0; i < dd.n; ++i)
      if (dd.disks[i].readonly) {
        error (g, "%s: disk %s is marked <readonly/> in the domain XML "
               "and readonlydisk is 'error'", dom, dd.disks[i].path);
        goto out;
      }

  for (size_t i = 0; i < dd.n; ++i) {
    const struct domain_disk *dk = &dd.disks[i];
    struct guestfs_add_drive_opts_argv o = {
      .bitmask = GUESTFS_ADD_DRIVE_OPTS_READONLY_BITMASK,
      .readonly = readonly,
    };

    if (dk->readonly) {
      if (STREQ (rodisk, "ignore"))
        continue;
      if (STREQ (rodisk, "read"))
        o.readonly = 1;
    }
    if (dk->format) {
      o.bitmask |= GUESTFS_ADD_DRIVE_OPTS_FORMAT_BITMASK;
      o.format = dk->format;
    }
    if (m & GUESTFS_ADD_DOMAIN_IFACE_BITMASK) {
      o.bitmask |= GUESTFS_ADD_DRIVE_OPTS_IFACE_BITMASK;
      o.iface = optargs->iface;
    }
    if (m & GUESTFS_ADD_DOMAIN_CACHEMODE_BITMASK) {
      o.bitmask |= GUESTFS_ADD_DRIVE_OPTS_CACHEMODE_BITMASK;
      o.cachemode = optargs->cachemode;
    }
    if (m & GUESTFS_ADD_DOMAIN_DISCARD_BITMASK) {
      o.bitmask |= GUESTFS_ADD_DRIVE_OPTS_DISCARD_BITMASK;
      o.discard = optargs->discard;
    }
    if (m & GUESTFS_ADD_DOMAIN_COPYONREAD_BITMASK) {
      o.bitmask |= GUESTFS_ADD_DRIVE_OPTS_COPYONREAD_BITMASK;
      o.copyonread = optargs->copyonread;
    }
    if (guestfs_impl_add_drive_opts (g, dk->path, &o) == -1) {
      /* All or none: before launch, take back what was added. */
      if (g->state == CONFIG)
        guestfs_int_drop_drives_after (g, first);
      goto out;
    }
    added++;
  }
  r = (int) added;

 out:
  free_disks (&dd);
  return r;
}

#else /* !HAVE_LIBVIRT */

int
guestfs_impl_add_domain (guestfs_h *g, const char *dom,
                         const struct guestfs_add_domain_argv *optargs)
{
  (void) optargs;
  guestfs_int_error_errno (g, ENOTSUP,
                           "add_domain: %s: this guestkit was built without "
                           "libvirt", dom);
  return -1;
}

#endif /* !HAVE_LIBVIRT */
