/* The C-only libvirt calls, through libvirt's test driver (no daemon):
 * add_libvirt_dom with a domain the program looked up itself, and
 * authentication through EVENT_LIBVIRT_AUTH callbacks with the
 * set_libvirt_supported_credentials / *_requested_credential* calls
 * (the test driver asks for a user name and password when its XML has
 * an <auth> section).
 */

#define _GNU_SOURCE 1           /* asprintf */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "guestfs.h"
#include "tap.h"

static char tmpdir[] = "/tmp/libvirtapi.XXXXXX";

/* A domain list file; AUTH is an <auth> section or "". */
static char *
write_domains (const char *file, const char *auth, const char *image)
{
  char *path, *uri;
  FILE *fp;

  if (asprintf (&path, "%s/%s", tmpdir, file) == -1 ||
      (fp = fopen (path, "w")) == NULL)
    TAP_BAIL ("cannot write %s", file);
  fprintf (fp,
           "<node>%s"
           "<domain type='test'><name>debian</name><memory>1048576</memory>"
           "<os><type>hvm</type></os><devices>"
           "<disk type='file' device='disk'><driver name='qemu' type='raw'/>"
           "<source file='%s'/><target dev='vda'/></disk>"
           "</devices></domain></node>\n", auth, image);
  if (fclose (fp) != 0 || asprintf (&uri, "test://%s", path) == -1)
    TAP_BAIL ("cannot write %s", file);
  free (path);
  return uri;
}

static void
remove_file (const char *file)
{
  char path[sizeof tmpdir + 64];

  snprintf (path, sizeof path, "%s/%s", tmpdir, file);
  unlink (path);
}

/* What the auth callback does and saw (libvirt may ask for each
 * credential in a call of its own).
 */
static const char *answer_user, *answer_password;
static int bad_index_refused, calls;
static char requested[256], prompt[256], event_uri[512];

static void
auth_event (guestfs_h *g, void *opaque, uint64_t event, int event_handle,
            int flags, const char *buf, size_t buf_len,
            const uint64_t *array, size_t array_len)
{
  char **creds = guestfs_get_libvirt_requested_credentials (g);

  (void) opaque; (void) event; (void) event_handle; (void) flags;
  (void) array; (void) array_len;
  calls++;
  snprintf (event_uri, sizeof event_uri, "%.*s", (int) buf_len, buf);
  if (creds == NULL)
    return;
  for (size_t i = 0; creds[i]; ++i) {
    const char *ans = NULL;

    strncat (requested, creds[i], sizeof requested - strlen (requested) - 2);
    strcat (requested, " ");
    if (strcmp (creds[i], "authname") == 0) {
      char *p = guestfs_get_libvirt_requested_credential_prompt (g, (int) i);

      if (p) {
        snprintf (prompt, sizeof prompt, "%s", p);
        free (p);
      }
      ans = answer_user;
    }
    else if (strcmp (creds[i], "passphrase") == 0)
      ans = answer_password;
    if (ans)
      guestfs_set_libvirt_requested_credential (g, (int) i, ans, strlen (ans));
    free (creds[i]);
  }
  /* One past the last credential is refused. */
  bad_index_refused =
    guestfs_set_libvirt_requested_credential (g, 99, "x", 1) == -1 &&
    strstr (guestfs_last_error (g), "out of range") != NULL;
  free (creds);
}

static int
add_with_auth (guestfs_h *g, const char *uri, const char *user,
               const char *password)
{
  answer_user = user;
  answer_password = password;
  calls = 0;
  requested[0] = '\0';
  return guestfs_add_domain (g, "debian", GUESTFS_ADD_DOMAIN_LIBVIRTURI, uri,
                             GUESTFS_ADD_DOMAIN_READONLY, 1, -1);
}

int
main (void)
{
  const char *datadir = getenv ("datadir");
  char image[4096], *auth_uri, *plain_uri, *root, **roots;
  char *creds_ok[] = { (char *) "authname", (char *) "passphrase", NULL };
  char *creds_bad[] = { (char *) "authname", (char *) "password", NULL };
  guestfs_h *g;
  virConnectPtr conn;
  virDomainPtr dom;
  int r;

  TAP_PLAN (15);
  if (datadir == NULL || mkdtemp (tmpdir) == NULL)
    TAP_BAIL ("no datadir or temp dir");
  snprintf (image, sizeof image, "%s/inspect-debian.img", datadir);
  auth_uri = write_domains ("auth.xml",
                            "<auth><user password='123456'>alice</user></auth>",
                            image);
  plain_uri = write_domains ("plain.xml", "", image);

  g = guestfs_create ();
  if (g == NULL)
    TAP_BAIL ("guestfs_create");
  guestfs_set_error_handler (g, NULL, NULL);

  /* Outside a callback, and with unknown kinds. */
  TAP_OK (guestfs_set_libvirt_supported_credentials (g, creds_bad) == -1 &&
          strstr (guestfs_last_error (g), "unknown credential kind 'password'"),
          "an unknown credential kind is refused: %s", guestfs_last_error (g));
  TAP_OK (guestfs_get_libvirt_requested_credentials (g) == NULL &&
          strstr (guestfs_last_error (g), "has not requested any credentials"),
          "requested credentials outside a callback: an error");

  /* The callback answers: the domain's disk is added. */
  if (guestfs_set_libvirt_supported_credentials (g, creds_ok) == -1 ||
      guestfs_set_event_callback (g, auth_event, GUESTFS_EVENT_LIBVIRT_AUTH,
                                  0, NULL) == -1)
    TAP_BAIL ("setting up authentication: %s", guestfs_last_error (g));
  r = add_with_auth (g, auth_uri, "alice", "123456");
  TAP_OK (r == 1, "authenticated add_domain added 1 disk (%d: %s)", r,
          r == -1 ? guestfs_last_error (g) : "");
  TAP_OK (calls >= 1 && strcmp (event_uri, auth_uri) == 0,
          "EVENT_LIBVIRT_AUTH raised with the URI (%d calls, '%s')",
          calls, event_uri);
  TAP_OK (strstr (requested, "authname") && strstr (requested, "passphrase"),
          "libvirt asked for authname and passphrase: %s", requested);
  TAP_OK (prompt[0] != '\0', "the authname prompt: '%s'", prompt);
  TAP_OK (bad_index_refused, "an out-of-range credential index is refused");

  /* A wrong password, and no answer, fail the connection. */
  r = add_with_auth (g, auth_uri, "alice", "wrong");
  TAP_OK (r == -1 && strstr (guestfs_last_error (g),
                             "could not connect to libvirt"),
          "a wrong password fails: %s", guestfs_last_error (g));
  r = add_with_auth (g, auth_uri, NULL, NULL);
  TAP_OK (r == -1, "unanswered credentials fail: %s", guestfs_last_error (g));
  guestfs_close (g);

  /* add_libvirt_dom with the program's own domain. */
  conn = virConnectOpenReadOnly (plain_uri);
  dom = conn ? virDomainLookupByName (conn, "debian") : NULL;
  if (dom == NULL)
    TAP_BAIL ("libvirt test driver: %s", virGetLastErrorMessage ());
  g = guestfs_create ();
  if (g == NULL)
    TAP_BAIL ("guestfs_create");
  guestfs_set_error_handler (g, NULL, NULL);
  TAP_OK (guestfs_add_libvirt_dom (g, NULL, -1) == -1,
          "add_libvirt_dom: a NULL domain is refused");
  r = guestfs_add_libvirt_dom (g, dom, -1);
  TAP_OK (r == -1 && strstr (guestfs_last_error (g),
                             "domain ‘debian’ is a live virtual machine"),
          "add_libvirt_dom: writing to a running domain is refused: %s",
          guestfs_last_error (g));
  r = guestfs_add_libvirt_dom (g, dom, GUESTFS_ADD_LIBVIRT_DOM_READONLY, 1,
                               GUESTFS_ADD_LIBVIRT_DOM_READONLYDISK, "bad", -1);
  TAP_OK (r == -1 && strstr (guestfs_last_error (g), "readonlydisk must be"),
          "add_libvirt_dom: a bad readonlydisk is refused");
  r = guestfs_add_libvirt_dom (g, dom, GUESTFS_ADD_LIBVIRT_DOM_READONLY, 1, -1);
  TAP_OK (r == 1, "add_libvirt_dom read-only added 1 disk (%d)", r);
  roots = NULL;
  root = NULL;
  if (guestfs_launch (g) == 0 && (roots = guestfs_inspect_os (g)) != NULL &&
      roots[0] != NULL)
    root = guestfs_inspect_get_distro (g, roots[0]);
  TAP_OK (root && strcmp (root, "debian") == 0,
          "the domain's disk inspects as debian (%s)",
          root ? root : guestfs_last_error (g));
  TAP_OK (virDomainGetName (dom) != NULL && virConnectIsAlive (conn) == 1,
          "the caller's domain and connection are left alone");
  free (root);
  if (roots)
    for (size_t i = 0; roots[i]; ++i)
      free (roots[i]);
  free (roots);
  guestfs_close (g);
  virDomainFree (dom);
  virConnectClose (conn);

  free (auth_uri);
  free (plain_uri);
  remove_file ("auth.xml");
  remove_file ("plain.xml");
  rmdir (tmpdir);
  TAP_EXIT ();
}
