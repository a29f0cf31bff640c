/* guestfsd: what the augeas calls (augeas.c) and the augeas worker
 * process (augeas-worker.c) share: the requests, and the messages that
 * carry them over their socket (augeas-msg.c). */

#ifndef GUESTFSD_AUGEAS_INT_H_
#define GUESTFSD_AUGEAS_INT_H_

#include <stddef.h>
#include <stdint.h>
#include <augeas.h>

#include "guestfs_protocol.h"

/* Requests, in a message's first number.  The strings and numbers they
 * take are listed in augeas-worker.c. */
enum aug_op {
  AUGOP_DEFVAR = 1,
  AUGOP_DEFNODE,
  AUGOP_GET,
  AUGOP_SET,                    /* a NULL value clears the node */
  AUGOP_SETM,
  AUGOP_INSERT,
  AUGOP_RM,
  AUGOP_MV,
  AUGOP_MATCH,
  AUGOP_LABEL,
  AUGOP_SAVE,
  AUGOP_LOAD,
  AUGOP_TRANSFORM,
};

/* One message: three numbers and a list of strings (each may be NULL).
 * A request is { op, arg, 0, strings }; a reply is { 0 or -1, result,
 * result2, strings }, and a failed request's only string is the error
 * message. */
struct augmsg {
  int32_t n[3];
  uint32_t nstr;
  char **str;
};

/* The largest message either side accepts: about what one reply to the
 * library can carry. */
#define AUGMSG_MAX ((size_t) GUESTFS_STREAM_MAX - 4096)

/* Send a message; 0, or -1 with errno set. */
extern int augmsg_send (int fd, int32_t n0, int32_t n1, int32_t n2,
                        size_t nstr, char *const *str);
/* Receive one message into *m (free it with augmsg_free).  While
 * nothing arrives, idle (if not NULL) is called every third of a second
 * and may give up by returning -1 with errno set.  Returns 0, or -1
 * with errno set (EIO: the other side went away or sent something
 * malformed; EFBIG: a message over AUGMSG_MAX). */
typedef int (*augmsg_idle) (void *opaque);
extern int augmsg_recv (int fd, struct augmsg *m, augmsg_idle idle,
                        void *opaque);
extern void augmsg_free (struct augmsg *m);

/* The worker: serves requests on sock until it is closed, then exits.
 * It owns an augeas handle made from template (a pristine handle with
 * the lenses loaded, copied by fork) or, if template is NULL, one it
 * makes itself with flags; flags also choose how files are saved.  root
 * is the guest directory augeas sees as "/".  The first message it
 * sends is the result of initialization. */
extern void augeas_worker (int sock, augeas *template, const char *root,
                           int flags) __attribute__((noreturn));

#endif /* GUESTFSD_AUGEAS_INT_H_ */
