/* libguestfs (guestkit): add_domain and add_libvirt_dom -- ask libvirt
 * (read-only connection) for a domain by name or UUID, or take the
 * caller's, parse its XML with libxml2 for the disks' sources and
 * formats, refuse write access to a running domain, and add every disk
 * with add_drive_opts, all or none. */

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
#include "libvirt-auth.h"

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

/* The disks of the domain D (NAME in messages) and whether it runs. */
static int
domain_disks (guestfs_h *g, virDomainPtr d, const char *name,
              struct domain_disks *dd, bool *active)
{
  char *xml;
  int r, a;

  a = virDomainIsActive (d);
  if (a == -1) {
    error (g, "%s: error getting domain state: %s", name,
           libvirt_conn_message ());
    return -1;
  }
  *active = a == 1;
  xml = virDomainGetXMLDesc (d, 0);
  if (xml == NULL) {
    error (g, "%s: error reading the domain XML: %s", name,
           libvirt_conn_message ());
    return -1;
  }
  r = parse_domain_xml (g, name, xml, dd);
  free (xml);
  return r;
}

/* How the disks are added: add_domain's and add_libvirt_dom's common
 * optional arguments.
 */
struct add_options {
  bool readonly;
  const char *rodisk;           /* readonlydisk */
  const char *iface, *cachemode, *discard;  /* NULL: not given */
  int copyonread;               /* -1: not given */
};

/* Add every disk of D (NAME in messages), all or none. */
static int
add_domain_disks (guestfs_h *g, virDomainPtr d, const char *name,
                  const struct add_options *ao)
{
  struct domain_disks dd = { NULL, 0 };
  bool active = false;
  size_t first = g->nr_drives, added = 0;
  int r = -1;

  if (STRNEQ (ao->rodisk, "error") && STRNEQ (ao->rodisk, "read") &&
      STRNEQ (ao->rodisk, "write") && STRNEQ (ao->rodisk, "ignore")) {
    error (g, "readonlydisk must be 'error', 'read', 'write' or 'ignore'");
    return -1;
  }
  if (domain_disks (g, d, name, &dd, &active) == -1)
    goto out;

  if (!ao->readonly && active) {
    error (g, "domain ‘%s’ is a live virtual machine.\n"
           "Writing to the disks of a running virtual machine can cause "
           "disk corruption.\n"
           "Either use read-only access, or shut the domain down first.  "
           "In most libvirt-based tools you can use ‘--ro’ for read-only "
           "access.", name);
    goto out;
  }
  if (dd.n == 0) {
    error (g, "%s: libvirt domain has no disks", name);
    goto out;
  }
  if (!ao->readonly && STREQ (ao->rodisk, "error"))
    for (size_t i = 0; i < dd.n; ++i)
      if (dd.disks[i].readonly) {
        error (g, "%s: disk %s is marked <readonly/> in the domain XML "
               "and readonlydisk is 'error'", name, dd.disks[i].path);
        goto out;
      }

  for (size_t i = 0; i < dd.n; ++i) {
    const struct domain_disk *dk = &dd.disks[i];
    struct guestfs_add_drive_opts_argv o = {
      .bitmask = GUESTFS_ADD_DRIVE_OPTS_READONLY_BITMASK,
      .readonly = ao->readonly,
    };

    if (dk->readonly) {
      if (STREQ (ao->rodisk, "ignore"))
        continue;
      if (STREQ (ao->rodisk, "read"))
        o.readonly = 1;
    }
    if (dk->format) {
      o.bitmask |= GUESTFS_ADD_DRIVE_OPTS_FORMAT_BITMASK;
      o.format = dk->format;
    }
    if (ao->iface) {
      o.bitmask |= GUESTFS_ADD_DRIVE_OPTS_IFACE_BITMASK;
      o.iface = ao->iface;
    }
    if (ao->cachemode) {
      o.bitmask |= GUESTFS_ADD_DRIVE_OPTS_CACHEMODE_BITMASK;
      o.cachemode = ao->cachemode;
    }
    if (ao->discard) {
      o.bitmask |= GUESTFS_ADD_DRIVE_OPTS_DISCARD_BITMASK;
      o.discard = ao->discard;
    }
    if (ao->copyonread != -1) {
      o.bitmask |= GUESTFS_ADD_DRIVE_OPTS_COPYONREAD_BITMASK;
      o.copyonread = ao->copyonread;
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

#define OPT(call, m, name, field, unset) \
  (((m) & GUESTFS_##call##_##name##_BITMASK) ? optargs->field : (unset))

int
guestfs_impl_add_domain (guestfs_h *g, const char *dom,
                         const struct guestfs_add_domain_argv *optargs)
{
  uint64_t m = optargs->bitmask;
  const char *uri = OPT (ADD_DOMAIN, m, LIBVIRTURI, libvirturi, NULL);
  bool allowuuid = OPT (ADD_DOMAIN, m, ALLOWUUID, allowuuid, 0);
  struct add_options ao = {
    .readonly = OPT (ADD_DOMAIN, m, READONLY, readonly, 0),
    .rodisk = OPT (ADD_DOMAIN, m, READONLYDISK, readonlydisk, "write"),
    .iface = OPT (ADD_DOMAIN, m, IFACE, iface, NULL),
    .cachemode = OPT (ADD_DOMAIN, m, CACHEMODE, cachemode, NULL),
    .discard = OPT (ADD_DOMAIN, m, DISCARD, discard, NULL),
    .copyonread = OPT (ADD_DOMAIN, m, COPYONREAD, copyonread, -1),
  };
  virConnectPtr conn;
  virDomainPtr d;
  int r = -1;

  if (*dom == '\0') {
    error (g, "add_domain: the domain name cannot be empty");
    return -1;
  }
  conn = guestfs_int_libvirt_open (g, uri);
  if (conn == NULL) {
    error (g, "could not connect to libvirt (URI = %s): %s",
           uri ? uri : "NULL", libvirt_conn_message ());
    return -1;
  }
  d = libvirt_conn_lookup (conn, dom, allowuuid);
  if (d == NULL)
    error (g, "no libvirt domain called '%s': %s", dom,
           libvirt_conn_message ());
  else {
    r = add_domain_disks (g, d, dom, &ao);
    virDomainFree (d);
  }
  virConnectClose (conn);
  return r;
}

int
guestfs_impl_add_libvirt_dom (guestfs_h *g, void *dom,
                              const struct guestfs_add_libvirt_dom_argv *optargs)
{
  uint64_t m = optargs->bitmask;
  struct add_options ao = {
    .readonly = OPT (ADD_LIBVIRT_DOM, m, READONLY, readonly, 0),
    .rodisk = OPT (ADD_LIBVIRT_DOM, m, READONLYDISK, readonlydisk, "write"),
    .iface = OPT (ADD_LIBVIRT_DOM, m, IFACE, iface, NULL),
    .cachemode = OPT (ADD_LIBVIRT_DOM, m, CACHEMODE, cachemode, NULL),
    .discard = OPT (ADD_LIBVIRT_DOM, m, DISCARD, discard, NULL),
    .copyonread = OPT (ADD_LIBVIRT_DOM, m, COPYONREAD, copyonread, -1),
  };
  const char *name;

  if (dom == NULL) {
    error (g, "add_libvirt_dom: the domain pointer is NULL");
    return -1;
  }
  name = virDomainGetName (dom);
  if (name == NULL) {
    error (g, "add_libvirt_dom: not a valid libvirt domain: %s",
           libvirt_conn_message ());
    return -1;
  }
  return add_domain_disks (g, dom, name, &ao);
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


int
guestfs_impl_add_libvirt_dom (guestfs_h *g, void *dom,
                              const struct guestfs_add_libvirt_dom_argv *optargs)
{
  (void) dom;
  (void) optargs;
  guestfs_int_error_errno (g, ENOTSUP,
                           "add_libvirt_dom: this guestkit was built without "
                           "libvirt");
  return -1;
}

#endif /* !HAVE_LIBVIRT */
