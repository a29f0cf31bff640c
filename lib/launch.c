/* libguestfs (guestkit): launch and shutdown — the handle's
 * CONFIG -> LAUNCHING -> READY transitions, KVM probing with TCG
 * fallback, and tearing everything down again (also when qemu died). */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>
#include <unistd.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

/* A KVM launch that has not said hello by then is taken as a KVM that
 * does not work on this host (nested hosts hang at boot). */
#define KVM_PROBE_TIMEOUT_SECS 30

void
guestfs_int_close_connection (guestfs_h *g)
{
  if (g->sock >= 0) {
    close (g->sock);
    g->sock = -1;
  }
  guestfs_int_kill_qemu (g);
  guestfs_int_qmp_close (g);
  for (size_t i = 0; i < g->nr_drives; ++i) {
    g->drives[i]->plugged = false;
    g->drives[i]->in_fdsets = false;    /* qemu's fd sets died with it */
  }
  if (g->console >= 0) {
    guestfs_int_conn_drain_console (g);
    if (g->console >= 0)
      close (g->console);
    g->console = -1;
  }
  g->rstart = g->rend = 0;
  g->have_unread_word = false;
  g->state = CONFIG;
  /* Another appliance may support other groups. */
  guestfs_int_free_features (g);
}

/* Overlays hold the writes of one session; a new launch starts clean. */
static void
discard_overlays (guestfs_h *g)
{
  for (size_t i = 0; i < g->nr_drives; ++i) {
    struct drive *d = g->drives[i];
    if (d->overlay) {
      unlink (d->overlay);
      free (d->overlay);
      d->overlay = NULL;
    }
  }
}

/* The launch breakdown for the debug log: each step's time since
 * launch began. */
static void
log_breakdown (guestfs_h *g)
{
  double t0 = g->t_launch;
  char k[32] = "-", h[32] = "-", r[32] = "-";

  if (!g->verbose)
    return;
  if (g->t_kernel > 0)
    snprintf (k, sizeof k, "%.3f", g->t_kernel - t0);
  if (g->t_hello > 0)
    snprintf (h, sizeof h, "%.3f", g->t_hello - t0);
  if (g->t_restored > 0)
    snprintf (r, sizeof r, "%.3f", g->t_restored - t0);
  debug (g, "launch breakdown (s since launch): qemu start %.3f, kernel output %s, "
         "daemon hello %s, state restored %s, drives ready %.3f",
         g->t_qemu - t0, k, h, r, guestfs_int_now () - t0);
}

/* A cold boot with the drives on qemu's command line (and a monitor, for
 * hot-plugging later). */
static int
launch_cold (guestfs_h *g, const struct appliance *ap, enum accel accel)
{
  struct launch_mode m = {
    .use_kvm = accel == ACCEL_KVM, .with_drives = true, .qmp = true,
    .incoming_fd = -1, .wait_hello = true,
  };
  int r;

  if (accel == ACCEL_KVM_PROBE) {
    m.use_kvm = true;
    guestfs_push_error_handler (g, NULL, NULL);
    r = guestfs_int_launch_direct (g, ap, &m, KVM_PROBE_TIMEOUT_SECS * 1000);
    guestfs_pop_error_handler (g);
    if (r == -1 && guestfs_int_explain_lock_failure (g))
      return -1;                /* an image in use, not KVM, failed */
    guestfs_int_record_kvm_verdict (g, r == 0);
    if (r == 0)
      goto plugged;
    debug (g, "KVM did not boot the appliance (%s); falling back to TCG",
           guestfs_last_error (g));
    guestfs_int_close_connection (g);
    g->state = LAUNCHING;
    m.use_kvm = false;
  }
  /* Quietly: if qemu's console says an image is held by another
   * process, that alone is said, plainly (image-lock.c). */
  guestfs_push_error_handler (g, NULL, NULL);
  r = guestfs_int_launch_direct (g, ap, &m, LAUNCH_TIMEOUT_SECS * 1000);
  guestfs_pop_error_handler (g);
  if (r == -1) {
    if (!guestfs_int_explain_lock_failure (g)) {
      char *msg = safe_strdup (g, guestfs_last_error (g) ? guestfs_last_error (g) : "?");
      guestfs_int_error_errno (g, guestfs_last_errno (g), "%s", msg);
      free (msg);
    }
    return -1;
  }
 plugged:
  for (size_t i = 0; i < g->nr_drives; ++i)
    g->drives[i]->plugged = true;
  g->next_qid = g->nr_drives;   /* drives hot-plugged later */
  return 0;
}

/* Restore (or boot and save) the appliance, then plug the drives.  Any
 * failure is only logged: the caller boots cold. */
static int
launch_warm (guestfs_h *g, const struct appliance *ap, enum accel accel)
{
  int r;

  if (accel == ACCEL_KVM_PROBE)
    return -1;                  /* the cold path finds out whether KVM works */
  guestfs_push_error_handler (g, NULL, NULL);
  r = guestfs_int_launch_warm (g, ap, accel == ACCEL_KVM);
  if (r == 0 && (r = guestfs_int_hotplug_all (g)) == -1)
    debug (g, "warm launch: plugging the drives failed (%s)", guestfs_last_error (g));
  guestfs_pop_error_handler (g);
  if (r == -1 && g->qemu_pid > 0) {
    guestfs_int_close_connection (g);
    g->state = LAUNCHING;
  }
  return r;
}

int
guestfs_impl_launch (guestfs_h *g)
{
  struct appliance ap = { NULL, NULL };
  enum accel accel;

  if (g->state != CONFIG) {
    error (g, "the libguestfs handle has already been launched");
    return -1;
  }
  if (g->backend && !STREQ (g->backend, "direct") && !STRPREFIX (g->backend, "libvirt")) {
    error (g, "backend '%s' is not supported (use 'direct')", g->backend);
    return -1;
  }
  g->state = LAUNCHING;
  g->t_launch = guestfs_int_now ();
  g->t_qemu = g->t_kernel = g->t_hello = g->t_restored = 0;
  g->next_qid = 0;

  /* The last appliance may have died with its overlays in place. */
  discard_overlays (g);
  if (guestfs_int_check_runas (g) == -1 ||
      guestfs_int_lazy_make_tmpdir (g) == -1 ||
      guestfs_int_build_appliance (g, &ap) == -1 ||
      guestfs_int_prepare_drives (g) == -1)
    goto fail;
  debug (g, "appliance ready after %.3f s", guestfs_int_now () - g->t_launch);

  accel = guestfs_int_choose_accel (g);
  if (launch_warm (g, &ap, accel) == -1 && launch_cold (g, &ap, accel) == -1)
    goto fail;

  guestfs_int_free_appliance (&ap);
  g->state = READY;
  log_breakdown (g);
  debug (g, "launch done in %.3f s (%s)", guestfs_int_now () - g->t_launch,
         g->kvm ? "KVM" : "TCG");
  guestfs_int_call_callbacks_message (g, GUESTFS_EVENT_LAUNCH_DONE, NULL, 0);
  return 0;

 fail:
  guestfs_int_free_appliance (&ap);
  guestfs_int_close_connection (g);
  discard_overlays (g);
  g->state = CONFIG;
  return -1;
}

int
guestfs_impl_shutdown (guestfs_h *g)
{
  int ret = 0;

  if (g->state == READY && g->autosync && g->sock >= 0) {
    /* Unmount and sync so writes reach the images before qemu stops. */
    if (guestfs_internal_autosync (g) == -1)
      ret = -1;
  }
  if (g->state != CONFIG || g->qemu_pid > 0)
    guestfs_int_close_connection (g);
  discard_overlays (g);
  return ret;
}
