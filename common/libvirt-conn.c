/* A read-only libvirt connection that prints nothing itself: libvirt
 * would print every error on stderr, and libxml2 the test driver's parse
 * errors, which are in libvirt's message anyway.
 */

#include <config.h>

#ifdef HAVE_LIBVIRT

#include <libvirt/virterror.h>
#include <libxml/xmlerror.h>

#include "libvirt-conn.h"

static void
ignore_libvirt_error (void *opaque, virErrorPtr err)
{
  (void) opaque;
  (void) err;
}

static void
ignore_xml_error (void *ctx, const char *msg, ...)
{
  (void) ctx;
  (void) msg;
}

virConnectPtr
libvirt_conn_open_ro (const char *uri, virConnectAuthPtr auth)
{
  xmlGenericErrorFunc old_xml_func = xmlGenericError;
  void *old_xml_ctx = xmlGenericErrorContext;
  virConnectPtr conn;

  virSetErrorFunc (NULL, ignore_libvirt_error);
  xmlSetGenericErrorFunc (NULL, ignore_xml_error);
  conn = virConnectOpenAuth (uri, auth ? auth : virConnectAuthPtrDefault,
                             VIR_CONNECT_RO);
  xmlSetGenericErrorFunc (old_xml_ctx, old_xml_func);
  return conn;
}

virDomainPtr
libvirt_conn_lookup (virConnectPtr conn, const char *dom, int allowuuid)
{
  virDomainPtr d = NULL;

  if (allowuuid)
    d = virDomainLookupByUUIDString (conn, dom);
  if (d == NULL)
    d = virDomainLookupByName (conn, dom);
  return d;
}

const char *
libvirt_conn_message (void)
{
  const virError *err = virGetLastError ();

  return err && err->message ? err->message : "unknown libvirt error";
}

#endif /* HAVE_LIBVIRT */
