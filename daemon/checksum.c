/* guestfsd: the checksum call.  The guest file is opened inside the
 * guest root and handed to cksum / md5sum / sha*sum as their stdin, so
 * the program never sees a guest path; only the checksum field of its
 * output is returned. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"

static const struct {
  const char *type;
  const char *prog;
} programs[] = {
  { "crc", "cksum" },
  { "md5", "md5sum" },
  { "sha1", "sha1sum" },
  { "sha224", "sha224sum" },
  { "sha256", "sha256sum" },
  { "sha384", "sha384sum" },
  { "sha512", "sha512sum" },
};

char *
do_checksum (const char *csumtype, const char *path)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *out = NULL, *err = NULL;
  const char *prog = NULL;
  const char *argv[2];
  struct stat st;
  size_t start, len;
  char *r;
  int flags, status;

  for (size_t i = 0; i < sizeof programs / sizeof programs[0]; ++i)
    if (strcasecmp (csumtype, programs[i].type) == 0)
      prog = programs[i].prog;
  if (prog == NULL) {
    reply_with_error_errno (EINVAL, "unknown checksum type '%s', expecting "
                            "crc|md5|sha1|sha224|sha256|sha384|sha512",
                            csumtype);
    return NULL;
  }

  /* O_NONBLOCK so a FIFO in the image can't block us; it is refused
   * below, and the flag cleared for what remains. */
  fd = sysroot_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK, 0);
  if (fd == -1 || fstat (fd, &st) == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  if (S_ISDIR (st.st_mode)) {
    reply_with_error_errno (EISDIR, "%s: %s", path, strerror (EISDIR));
    return NULL;
  }
  if (S_ISFIFO (st.st_mode) || S_ISSOCK (st.st_mode)) {
    reply_with_error_errno (EINVAL, "%s: not a regular file", path);
    return NULL;
  }
  flags = fcntl (fd, F_GETFL);
  if (flags == -1 || fcntl (fd, F_SETFL, flags & ~O_NONBLOCK) == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }

  argv[0] = prog;
  argv[1] = NULL;
  status = commandv (&out, &err, argv, fd);
  if (status != 0) {
    if (err)
      trim_trailing (err);
    reply_with_error ("%s: %s: %s", path, prog,
                      err && *err ? err : status > 0 ? "failed" : "could not run");
    return NULL;
  }

  /* "<sum>  -" for the *sum programs, "<crc> <size>" for cksum. */
  start = strspn (out, " \t\n");
  len = strcspn (out + start, " \t\n");
  if (len == 0) {
    reply_with_error ("%s: %s: no checksum in its output", path, prog);
    return NULL;
  }
  r = strndup (out + start, len);
  if (r == NULL)
    reply_with_perror ("strndup");
  return r;
}
