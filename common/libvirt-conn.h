/* A read-only libvirt connection whose errors are reported by the
 * caller, not printed by libvirt or libxml2: shared by the library's
 * add_domain and virt-df's listing of every guest.
 */

#ifndef LIBVIRT_CONN_H
#define LIBVIRT_CONN_H

#include <libvirt/libvirt.h>

/* Open URI (libvirt's default if NULL) read-only, authenticating with
 * AUTH, or libvirt's default (asking on the terminal) if AUTH is NULL.
 * NULL on error: libvirt_conn_message says why.
 */
extern virConnectPtr libvirt_conn_open_ro (const char *uri,
                                           virConnectAuthPtr auth);

/* The domain DOM of CONN: by UUID first if ALLOWUUID, then by name.
 * NULL if there is none.
 */
extern virDomainPtr libvirt_conn_lookup (virConnectPtr conn, const char *dom,
                                         int allowuuid);

/* The message of libvirt's last error in this thread. */
extern const char *libvirt_conn_message (void);

#endif /* LIBVIRT_CONN_H */
