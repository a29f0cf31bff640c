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

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

void
guestfs_int_close_connection (guestfs_h *g)
{
  if (g->sock >= 0) {
    close (g->sock);
    g->sock = -1;
  }
  guestfs_int_kill_qemu (g);
  if (g->console >= 0) {
    guestfs_int_conn_drain_console (g);
    if (g->console >= 0)
      close (g->console);
    g->console = -1;
  }
  g->rstart = g->rend = 0;
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

int
guestfs_impl_launch (guestfs_h *g)
{
  struct appliance ap = { NULL, NULL };
  double t0 = now ();
  enum accel accel;
  int r;

  if (g->state != CONFIG) {
    error (g, "the libguestfs handle has already been launched");
    return -1;
  }
  if (g->backend && !STREQ (g->backend, "direct") && !STRPREFIX (g->backend, "libvirt")) {
    error (g, "backend '%s' is not supported (use 'direct')", g->backend);
    return -1;
  }
  g->state = LAUNCHING;

  if (guestfs_int_lazy_make_tmpdir (g) == -1 ||
      guestfs_int_build_appliance (g, &ap) == -1 ||
      guestfs_int_prepare_drives (g) == -1)
    goto fail;
  debug (g, "appliance ready after %.3f s", now () - t0);

  accel = guestfs_int_choose_accel (g);
  if (accel == ACCEL_KVM_PROBE) {
    guestfs_push_error_handler (g, NULL, NULL);
    r = guestfs_int_launch_direct (g, &ap, true, KVM_PROBE_TIMEOUT_SECS * 1000);
    guestfs_pop_error_handler (g);
    guestfs_int_record_kvm_verdict (g, r == 0);
    if (r == -1) {
      debug (g, "KVM did not boot the appliance (%s); falling back to TCG",
             guestfs_last_error (g));
      guestfs_int_close_connection (g);
      g->state = LAUNCHING;
      r = guestfs_int_launch_direct (g, &ap, false, LAUNCH_TIMEOUT_SECS * 1000);
    }
  }
  else
    r = guestfs_int_launch_direct (g, &ap, accel == ACCEL_KVM, LAUNCH_TIMEOUT_SECS * 1000);
  if (r == -1)
    goto fail;

  guestfs_int_free_appliance (&ap);
  g->state = READY;
  debug (g, "launch done in %.3f s (%s)", now () - t0, g->kvm ? "KVM" : "TCG");
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
