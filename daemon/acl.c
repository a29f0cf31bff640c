/* guestfsd: acl_get_file, acl_set_file and acl_delete_def_file — POSIX
 * ACLs of guest files with libacl.  The file is opened with
 * sysroot_open (resolved inside the guest root) and libacl reaches it
 * through the fd's magic link, so it never walks a guest path. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/acl.h>

#include "daemon.h"
#include "actions.h"

/* acl_type_t for "access" or "default"; -1 after replying. */
static int
acl_type (const char *acltype, acl_type_t *t)
{
  if (STREQ (acltype, "access"))
    *t = ACL_TYPE_ACCESS;
  else if (STREQ (acltype, "default"))
    *t = ACL_TYPE_DEFAULT;
  else {
    reply_with_error_errno (EINVAL, "invalid acltype parameter: %s "
                            "(must be \"access\" or \"default\")", acltype);
    return -1;
  }
  return 0;
}

/* The guest file as a /proc/self/fd path; *fd_r keeps it open. */
static char *
open_guest (const char *path, int *fd_r)
{
  char *p;

  *fd_r = sysroot_open (path, O_PATH, 0);
  if (*fd_r == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  p = fd_path (*fd_r);
  if (p == NULL)
    reply_with_perror ("%s", path);
  return p;
}

char *
do_acl_get_file (const char *path, const char *acltype)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *p = NULL;
  acl_type_t t;
  acl_t acl;
  char *text, *r;

  if (acl_type (acltype, &t) == -1)
    return NULL;
  p = open_guest (path, &fd);
  if (p == NULL)
    return NULL;
  acl = acl_get_file (p, t);
  if (acl == NULL) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  text = acl_to_text (acl, NULL);
  acl_free (acl);
  if (text == NULL) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  /* acl_to_text's string must be released with acl_free. */
  r = strdup (text);
  acl_free (text);
  if (r == NULL)
    reply_with_perror ("strdup");
  return r;
}

int
do_acl_set_file (const char *path, const char *acltype, const char *acl_text)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *p = NULL;
  acl_type_t t;
  acl_t acl;
  int r;

  if (acl_type (acltype, &t) == -1)
    return -1;
  acl = acl_from_text (acl_text);
  if (acl == NULL) {
    reply_with_error_errno (EINVAL, "%s: invalid ACL: %s", path, acl_text);
    return -1;
  }
  p = open_guest (path, &fd);
  if (p == NULL) {
    acl_free (acl);
    return -1;
  }
  r = acl_set_file (p, t, acl);
  acl_free (acl);
  if (r == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

int
do_acl_delete_def_file (const char *dir)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *p = NULL;

  p = open_guest (dir, &fd);
  if (p == NULL)
    return -1;
  if (acl_delete_def_file (p) == -1) {
    reply_with_perror ("%s", dir);
    return -1;
  }
  return 0;
}
