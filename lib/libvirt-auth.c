/* libvirt authentication through the handle: the program names the
 * credential kinds it can supply (set_libvirt_supported_credentials);
 * when libvirt asks for them, an EVENT_LIBVIRT_AUTH event is raised and
 * its callback reads the questions and answers them with the
 * get/set_libvirt_requested_credential* calls, which are only valid
 * during that callback.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <limits.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"
#include "libvirt-auth.h"

#ifdef HAVE_LIBVIRT

#include "libvirt-conn.h"

/* libguestfs's names for libvirt's credential kinds. */
static const struct {
  const char *name;
  int type;
} cred_kinds[] = {
  { "username", VIR_CRED_USERNAME },
  { "authname", VIR_CRED_AUTHNAME },
  { "language", VIR_CRED_LANGUAGE },
  { "cnonce", VIR_CRED_CNONCE },
  { "passphrase", VIR_CRED_PASSPHRASE },
  { "echoprompt", VIR_CRED_ECHOPROMPT },
  { "noechoprompt", VIR_CRED_NOECHOPROMPT },
  { "realm", VIR_CRED_REALM },
  { "external", VIR_CRED_EXTERNAL },
};
#define NR_CRED_KINDS (sizeof cred_kinds / sizeof cred_kinds[0])

static int
cred_type (const char *name)
{
  for (size_t i = 0; i < NR_CRED_KINDS; ++i)
    if (STREQ (cred_kinds[i].name, name))
      return cred_kinds[i].type;
  return -1;
}

static const char *
cred_name (int type)
{
  for (size_t i = 0; i < NR_CRED_KINDS; ++i)
    if (cred_kinds[i].type == type)
      return cred_kinds[i].name;
  return "unknown";
}

int
guestfs_impl_set_libvirt_supported_credentials (guestfs_h *g,
                                                char *const *creds)
{
  size_t n = 0;
  int *types;

  while (creds[n])
    n++;
  /* Each kind once is all libvirt can use. */
  if (n > NR_CRED_KINDS) {
    error (g, "set_libvirt_supported_credentials: more than %zu credential "
           "kinds", NR_CRED_KINDS);
    return -1;
  }
  types = n ? malloc (n * sizeof *types) : NULL;
  if (n && types == NULL) {
    perrorf (g, "malloc");
    return -1;
  }
  for (size_t i = 0; i < n; ++i) {
    types[i] = cred_type (creds[i]);
    if (types[i] == -1) {
      error (g, "set_libvirt_supported_credentials: unknown credential "
             "kind '%s'", creds[i]);
      free (types);
      return -1;
    }
  }
  free (g->libvirt_creds);
  g->libvirt_creds = types;
  g->nr_libvirt_creds = n;
  return 0;
}

/* The requested credential INDEX, or NULL with the error set. */
static virConnectCredentialPtr
requested (guestfs_h *g, const char *call, int index)
{
  virConnectCredentialPtr cred = g->libvirt_requested;

  if (cred == NULL) {
    error (g, "%s: libvirt has not requested any credentials (this call "
           "is for an EVENT_LIBVIRT_AUTH callback)", call);
    return NULL;
  }
  if (index < 0 || (size_t) index >= g->nr_libvirt_requested) {
    error (g, "%s: credential index %d is out of range (0 to %zu)", call,
           index, g->nr_libvirt_requested - 1);
    return NULL;
  }
  return &cred[index];
}

char **
guestfs_impl_get_libvirt_requested_credentials (guestfs_h *g)
{
  virConnectCredentialPtr cred = g->libvirt_requested;
  size_t n = g->nr_libvirt_requested;
  char **r;

  if (cred == NULL) {
    error (g, "get_libvirt_requested_credentials: libvirt has not requested "
           "any credentials (this call is for an EVENT_LIBVIRT_AUTH "
           "callback)");
    return NULL;
  }
  r = calloc (n + 1, sizeof *r);
  if (r == NULL) {
    perrorf (g, "calloc");
    return NULL;
  }
  for (size_t i = 0; i < n; ++i)
    r[i] = safe_strdup (g, cred_name (cred[i].type));
  return r;
}

static char *
cred_string (guestfs_h *g, const char *call, int index, int which)
{
  virConnectCredentialPtr c = requested (g, call, index);
  const char *s;

  if (c == NULL)
    return NULL;
  s = which == 0 ? c->prompt : which == 1 ? c->challenge : c->defresult;
  return safe_strdup (g, s ? s : "");
}

char *
guestfs_impl_get_libvirt_requested_credential_prompt (guestfs_h *g, int index)
{
  return cred_string (g, "get_libvirt_requested_credential_prompt", index, 0);
}

char *
guestfs_impl_get_libvirt_requested_credential_challenge (guestfs_h *g,
                                                         int index)
{
  return cred_string (g, "get_libvirt_requested_credential_challenge",
                      index, 1);
}

char *
guestfs_impl_get_libvirt_requested_credential_defresult (guestfs_h *g,
                                                         int index)
{
  return cred_string (g, "get_libvirt_requested_credential_defresult",
                      index, 2);
}

int
guestfs_impl_set_libvirt_requested_credential (guestfs_h *g, int index,
                                               const char *cred,
                                               size_t cred_size)
{
  virConnectCredentialPtr c =
    requested (g, "set_libvirt_requested_credential", index);
  char *result;

  if (c == NULL)
    return -1;
  if (cred_size > UINT_MAX - 1) {
    error (g, "set_libvirt_requested_credential: the credential is too long");
    return -1;
  }
  /* libvirt frees the result with free(). */
  result = malloc (cred_size + 1);
  if (result == NULL) {
    perrorf (g, "malloc");
    return -1;
  }
  memcpy (result, cred, cred_size);
  result[cred_size] = '\0';
  free (c->result);
  c->result = result;
  c->resultlen = (unsigned int) cred_size;
  return 0;
}

struct auth_data {
  guestfs_h *g;
  const char *uri;
};

static int
auth_callback (virConnectCredentialPtr cred, unsigned int ncred, void *opaque)
{
  struct auth_data *d = opaque;
  guestfs_h *g = d->g;

  for (unsigned int i = 0; i < ncred; ++i) {
    cred[i].result = NULL;
    cred[i].resultlen = 0;
  }
  g->libvirt_requested = cred;
  g->nr_libvirt_requested = ncred;
  guestfs_int_call_callbacks_message (g, GUESTFS_EVENT_LIBVIRT_AUTH,
                                      d->uri, strlen (d->uri));
  g->libvirt_requested = NULL;
  g->nr_libvirt_requested = 0;

  /* An unanswered question fails the authentication. */
  for (unsigned int i = 0; i < ncred; ++i)
    if (cred[i].result == NULL) {
      debug (g, "libvirt credential %u (%s) was not answered", i,
             cred_name (cred[i].type));
      return -1;
    }
  return 0;
}

virConnectPtr
guestfs_int_libvirt_open (guestfs_h *g, const char *uri)
{
  struct auth_data d = { g, uri ? uri : "" };
  virConnectAuth auth = {
    .credtype = g->libvirt_creds,
    .ncredtype = (unsigned int) g->nr_libvirt_creds,
    .cb = auth_callback,
    .cbdata = &d,
  };

  return libvirt_conn_open_ro (uri, g->nr_libvirt_creds ? &auth : NULL);
}

#else /* !HAVE_LIBVIRT */

static void *
no_libvirt (guestfs_h *g, const char *call)
{
  guestfs_int_error_errno (g, ENOTSUP, "%s: this guestkit was built without "
                           "libvirt", call);
  return NULL;
}

int
guestfs_impl_set_libvirt_supported_credentials (guestfs_h *g,
                                                char *const *creds)
{
  (void) creds;
  no_libvirt (g, "set_libvirt_supported_credentials");
  return -1;
}

char **
guestfs_impl_get_libvirt_requested_credentials (guestfs_h *g)
{
  return no_libvirt (g, "get_libvirt_requested_credentials");
}

char *
guestfs_impl_get_libvirt_requested_credential_prompt (guestfs_h *g, int index)
{
  (void) index;
  return no_libvirt (g, "get_libvirt_requested_credential_prompt");
}

char *
guestfs_impl_get_libvirt_requested_credential_challenge (guestfs_h *g,
                                                         int index)
{
  (void) index;
  return no_libvirt (g, "get_libvirt_requested_credential_challenge");
}

char *
guestfs_impl_get_libvirt_requested_credential_defresult (guestfs_h *g,
                                                         int index)
{
  (void) index;
  return no_libvirt (g, "get_libvirt_requested_credential_defresult");
}

int
guestfs_impl_set_libvirt_requested_credential (guestfs_h *g, int index,
                                               const char *cred,
                                               size_t cred_size)
{
  (void) index;
  (void) cred;
  (void) cred_size;
  no_libvirt (g, "set_libvirt_requested_credential");
  return -1;
}

#endif /* !HAVE_LIBVIRT */
