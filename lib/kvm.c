/* libguestfs (guestkit): choosing between KVM and TCG.  /dev/kvm can
 * exist and still not boot a normal kernel (nested hosts: the kernel
 * hangs, or -cpu host aborts qemu), so the first launch probes KVM and
 * the verdict is remembered per host kernel and qemu binary. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/utsname.h>

#include "guestfs.h"
#include "guestfs-internal.h"

int
guestfs_int_has_backend_setting (guestfs_h *g, const char *name)
{
  size_t n = strlen (name);

  /* "name", or "name=VALUE" with a true value (set_backend_setting
   * writes "name=1"). */
  for (size_t i = 0; g->backend_settings && g->backend_settings[i]; ++i) {
    const char *s = g->backend_settings[i];
    if (strncmp (s, name, n) != 0)
      continue;
    if (s[n] == '\0')
      return 1;
    if (s[n] == '=')
      return STRNEQ (s + n + 1, "0") && STRNEQ (s + n + 1, "false") &&
        STRNEQ (s + n + 1, "no") && STRNEQ (s + n + 1, "off");
  }
  return 0;
}

const char *
guestfs_int_hv (guestfs_h *g)
{
  return g->hv ? g->hv : "qemu-system-x86_64";
}

/* Full path of the hypervisor binary (for keying the KVM verdict and
 * saved states), or NULL if it is not on PATH. */
char *
guestfs_int_hv_path (guestfs_h *g)
{
  const char *hv = guestfs_int_hv (g);
  const char *path = getenv ("PATH");
  char *copy, *dir, *save = NULL;

  if (strchr (hv, '/'))
    return safe_strdup (g, hv);
  copy = safe_strdup (g, path ? path : "/usr/bin:/bin");
  for (dir = strtok_r (copy, ":", &save); dir; dir = strtok_r (NULL, ":", &save)) {
    char *p = safe_asprintf (g, "%s/%s", dir, hv);
    if (access (p, X_OK) == 0) {
      free (copy);
      return p;
    }
    free (p);
  }
  free (copy);
  return NULL;
}

static char *
verdict_file (guestfs_h *g)
{
  struct utsname u;
  struct stat st;
  char *hv = guestfs_int_hv_path (g), *cachedir, *r;
  uint64_t h = 14695981039346656037ULL;
  const char *parts[3];

  if (hv == NULL || stat (hv, &st) == -1 || uname (&u) == -1) {
    free (hv);
    return NULL;
  }
  parts[0] = u.release;
  parts[1] = u.version;
  parts[2] = hv;
  for (int i = 0; i < 3; ++i)
    for (const char *p = parts[i]; *p; ++p)
      h = (h ^ (unsigned char) *p) * 1099511628211ULL;
  h = (h ^ (uint64_t) st.st_size) * 1099511628211ULL;
  h = (h ^ (uint64_t) st.st_mtime) * 1099511628211ULL;
  free (hv);
  cachedir = guestfs_int_get_cachedir (g);
  r = safe_asprintf (g, "%s/kvm-%016llx", cachedir, (unsigned long long) h);
  free (cachedir);
  return r;
}

enum accel
guestfs_int_choose_accel (guestfs_h *g)
{
  char *f, *v;
  enum accel a;

  if (guestfs_int_has_backend_setting (g, "force_tcg"))
    return ACCEL_TCG;
  if (guestfs_int_has_backend_setting (g, "force_kvm"))
    return ACCEL_KVM;
  if (access ("/dev/kvm", R_OK | W_OK) == -1) {
    debug (g, "/dev/kvm is not usable: %s; using TCG", strerror (errno));
    return ACCEL_TCG;
  }
  f = verdict_file (g);
  if (f == NULL)
    return ACCEL_KVM_PROBE;
  v = guestfs_int_read_small_file (f, 16);
  a = v == NULL ? ACCEL_KVM_PROBE : STRPREFIX (v, "works") ? ACCEL_KVM : ACCEL_TCG;
  debug (g, "KVM verdict in %s: %s", f, v ? v : "(none yet: probing)");
  free (v);
  free (f);
  return a;
}

void
guestfs_int_record_kvm_verdict (guestfs_h *g, bool works)
{
  char *f = verdict_file (g), *tmp;
  int fd;

  if (f == NULL)
    return;
  tmp = safe_asprintf (g, "%s.%d", f, getpid ());
  fd = open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd >= 0) {
    const char *s = works ? "works\n" : "broken\n";
    bool ok = write (fd, s, strlen (s)) == (ssize_t) strlen (s);
    if (close (fd) == 0 && ok)
      rename (tmp, f);
    else
      unlink (tmp);
  }
  debug (g, "KVM verdict recorded: %s", works ? "works" : "broken");
  free (tmp);
  free (f);
}
