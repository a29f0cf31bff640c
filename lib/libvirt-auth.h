/* The library's libvirt connections, authenticated through the
 * handle's EVENT_LIBVIRT_AUTH callbacks when the program said which
 * credentials it supplies (libvirt-auth.c).
 */

#ifndef GUESTFS_LIBVIRT_AUTH_H
#define GUESTFS_LIBVIRT_AUTH_H

#ifdef HAVE_LIBVIRT
#include <libvirt/libvirt.h>

/* A read-only connection to URI (libvirt's default if NULL), or NULL
 * (libvirt_conn_message says why; nothing is set on G).
 */
extern virConnectPtr guestfs_int_libvirt_open (guestfs_h *g, const char *uri);
#endif

#endif /* GUESTFS_LIBVIRT_AUTH_H */
