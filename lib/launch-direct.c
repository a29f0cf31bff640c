/* libguestfs (guestkit): the direct backend — build qemu's command line
 * and run it.  The protocol channel and the serial console are socket
 * pairs handed to qemu as file descriptors, so no socket file, no accept
 * and no path-length limits are involved. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "guestfs.h"
#include "guestfs-internal.h"

/* The fd numbers of the channel, the monitor and a saved state inside
 * qemu. */
#define CHANNEL_FD 3
#define QMP_FD 4
#define STATE_FD 5
#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

struct argv {
  char **v;
  size_t n, alloc;
};

static void
add_arg (guestfs_h *g, struct argv *a, const char *s)
{
  if (a->n + 2 > a->alloc) {
    a->alloc = a->alloc ? a->alloc * 2 : 64;
    a->v = safe_realloc (g, a->v, a->alloc * sizeof (char *));
  }
  a->v[a->n++] = safe_strdup (g, s);
  a->v[a->n] = NULL;
}

static void __attribute__((format (printf, 3, 4)))
add_argf (guestfs_h *g, struct argv *a, const char *fs, ...)
{
  va_list args;
  char *s;

  va_start (args, fs);
  if (vasprintf (&s, fs, args) == -1)
    s = NULL;
  va_end (args);
  if (s == NULL)
    abort ();
  add_arg (g, a, s);
  free (s);
}

static void
free_argv (struct argv *a)
{
  for (size_t i = 0; i < a->n; ++i)
    free (a->v[i]);
  free (a->v);
}

/* Enough free huge pages for the whole appliance?  Then its memory comes
 * from them: fewer TLB misses, no page zeroing on demand. */
static bool
hugepages_available (guestfs_h *g)
{
  char *m = guestfs_int_read_small_file ("/proc/meminfo", 65536);
  const char *p;
  long free_pages = 0, size_kb = 0;

  if (m == NULL)
    return false;
  if ((p = strstr (m, "HugePages_Free:")))
    free_pages = strtol (p + 15, NULL, 10);
  if ((p = strstr (m, "Hugepagesize:")))
    size_kb = strtol (p + 13, NULL, 10);
  free (m);
  return size_kb == 2048 && free_pages * 2 >= g->memsize;
}

/* Each option here was measured under TCG (appliance/NOTES-boot.md):
 * quiet, cryptomgr.notests and pci=noacpi (virtio-pci probing with ACPI
 * interrupt routing is slow) each save about a third of a second. */
static char *
kernel_cmdline (guestfs_h *g, size_t ndisks)
{
  return safe_asprintf (g,
    "panic=1 console=ttyS0 %s cryptomgr.notests pci=noacpi no_timer_check "
    "tsc=reliable 8250.nr_uarts=1 edd=off usbcore.nousb random.trust_cpu=on "
    "selinux=0 TERM=linux guestfs_disks=%zu%s%s%s%s%s",
    g->verbose ? "guestfs_verbose=1" : "quiet",
    ndisks,
    g->network ? " guestfs_network=1" : "",
    g->identifier[0] ? " guestfs_identifier=" : "", g->identifier,
    g->append ? " " : "", g->append ? g->append : "");
}

/* qboot (shipped with qemu for microvm) starts the kernel much sooner
 * than SeaBIOS, on the pc machine too. */
#define QBOOT "/usr/share/qemu/bios-microvm.bin"

/* qemu-privs.c decides; the reasons are there. */
static void
privileges (guestfs_h *g, struct argv *a)
{
  char *user = guestfs_int_qemu_runas (g);
  const char *sandbox = guestfs_int_qemu_sandbox (g, user != NULL);

  if (user) {
    add_arg (g, a, "-runas");
    add_arg (g, a, user);
    free (user);
  }
  if (sandbox) {
    add_arg (g, a, "-sandbox");
    add_arg (g, a, sandbox);
  }
}

static void
build_argv (guestfs_h *g, struct argv *a, const struct appliance *ap,
            const struct launch_mode *m)
{
  bool use_kvm = m->use_kvm, with_drives = m->with_drives;
  char *cmdline;

  add_arg (g, a, guestfs_int_hv (g));
  add_arg (g, a, "-no-user-config");
  add_arg (g, a, "-nodefaults");
  add_arg (g, a, "-display");
  add_arg (g, a, "none");
  add_arg (g, a, "-no-reboot");
  privileges (g, a);
  add_arg (g, a, "-machine");
  add_argf (g, a, "pc,accel=%s", use_kvm ? "kvm" : "tcg");
  add_arg (g, a, "-cpu");
  /* Under TCG, "rep movsb" (ERMS/FSRM) is emulated a byte at a time and
   * the kernel's and glibc's memcpy prefer it when advertised. */
  add_arg (g, a, use_kvm ? "host" : "max,la57=off,-erms,-fsrm");
  if (g->smp > 1) {
    add_arg (g, a, "-smp");
    add_argf (g, a, "%d", g->smp);
  }
  add_arg (g, a, "-m");
  add_argf (g, a, "%d", g->memsize);
  if (m->ram_path) {
    /* A warm launch's RAM is a file: the saving appliance writes it
     * (shared), restored ones map it privately, copy on write, so they
     * start at once and share the pages nobody writes. */
    char *path = guestfs_int_qemu_escape (g, m->ram_path);
    add_arg (g, a, "-object");
    add_argf (g, a, "memory-backend-file,id=mem0,size=%dM,mem-path=%s,share=%s",
              g->memsize, path, m->ram_shared ? "on" : "off");
    free (path);
    add_arg (g, a, "-machine");
    add_arg (g, a, "memory-backend=mem0");
  }
  else if (hugepages_available (g)) {
    add_arg (g, a, "-object");
    add_argf (g, a, "memory-backend-memfd,id=mem0,size=%dM,hugetlb=on,hugetlbsize=2M",
              g->memsize);
    add_arg (g, a, "-machine");
    add_arg (g, a, "memory-backend=mem0");
  }
  if (use_kvm) {
    add_arg (g, a, "-global");
    add_arg (g, a, "kvm-pit.lost_tick_policy=discard");
  }
  if (access (QBOOT, R_OK) == 0) {
    add_arg (g, a, "-bios");
    add_arg (g, a, QBOOT);
  }
  /* A restored appliance is long past booting: without a kernel, qemu
   * neither reads it nor copies it over the restored RAM at reset. */
  if (!m->restoring) {
    add_arg (g, a, "-kernel");
    add_arg (g, a, ap->kernel);
    add_arg (g, a, "-initrd");
    add_arg (g, a, ap->initrd);
  }
  add_arg (g, a, "-object");
  add_arg (g, a, "rng-random,filename=/dev/urandom,id=rng0");
  add_arg (g, a, "-device");
  add_arg (g, a, "virtio-rng-pci,rng=rng0");
  add_arg (g, a, "-device");
  add_arg (g, a, "virtio-scsi-pci,id=scsi");

  for (size_t i = 0; with_drives && i < g->nr_drives; ++i) {
    struct drive *d = g->drives[i];
    char *opt;

    d->slot = d->qid = i;
    add_arg (g, a, "-drive");
    opt = guestfs_int_drive_option (g, d);
    add_arg (g, a, opt);
    free (opt);
    add_arg (g, a, "-device");
    opt = guestfs_int_device_option (g, d);
    add_arg (g, a, opt);
    free (opt);
  }

  add_arg (g, a, "-device");
  add_arg (g, a, "virtio-serial-pci");
  add_arg (g, a, "-chardev");
  add_argf (g, a, "socket,id=channel0,fd=%d", CHANNEL_FD);
  add_arg (g, a, "-device");
  add_arg (g, a, "virtserialport,chardev=channel0,name=org.libguestfs.channel.0");
  add_arg (g, a, "-serial");
  add_arg (g, a, "stdio");
  if (g->network) {
    /* qemu's user-mode network: the appliance configures itself
     * statically for it (10.0.2.x would clash with common LANs). */
    add_arg (g, a, "-netdev");
    add_arg (g, a, "user,id=usernet,net=169.254.0.0/16");
    add_arg (g, a, "-device");
    add_arg (g, a, "virtio-net-pci,netdev=usernet");
  }

  if (m->qmp) {
    add_arg (g, a, "-chardev");
    add_argf (g, a, "socket,id=qmp,fd=%d", QMP_FD);
    add_arg (g, a, "-mon");
    add_arg (g, a, "chardev=qmp,mode=control");
  }

  cmdline = kernel_cmdline (g, with_drives ? g->nr_drives : 0);
  if (!m->restoring) {
    add_arg (g, a, "-append");
    add_arg (g, a, cmdline);
  }
  free (cmdline);

  /* guestfs_config's parameters come last. */
  for (size_t i = 0; i < g->nr_hv_params; ++i) {
    add_arg (g, a, g->hv_params[i].param);
    if (g->hv_params[i].value)
      add_arg (g, a, g->hv_params[i].value);
  }
}

static void
log_argv (guestfs_h *g, const struct argv *a)
{
  char *line = NULL;
  size_t len = 0;
  FILE *fp;

  if (!g->verbose)
    return;
  fp = open_memstream (&line, &len);
  if (fp == NULL)
    return;
  for (size_t i = 0; i < a->n; ++i)
    fprintf (fp, "%s%s", i ? " \\\n    " : "", a->v[i]);
  fclose (fp);
  debug (g, "%s", line);
  free (line);
}

/* The command line of a launch in mode m without its per-launch parts
 * (-incoming), as one string: what a saved state depends on. */
char *
guestfs_int_qemu_cmdline_key (guestfs_h *g, const struct appliance *ap,
                              const struct launch_mode *m)
{
  struct argv a = { NULL, 0, 0 };
  char *key = NULL;
  size_t len = 0;
  FILE *fp;

  build_argv (g, &a, ap, m);
  fp = open_memstream (&key, &len);
  if (fp == NULL)
    abort ();
  for (size_t i = 0; i < a.n; ++i)
    fprintf (fp, "%s\n", a.v[i]);
  fclose (fp);
  free_argv (&a);
  return key;
}

const char *
guestfs_int_incoming_uri (void)
{
  return "fd:" STRINGIFY (STATE_FD);
}

/* Move fd to a number above the ones the child sets up, so that no dup2
 * onto a target can clobber a source still to be moved. */
static int
lift_fd (int fd)
{
  return fd < 0 ? -1 : fcntl (fd, F_DUPFD_CLOEXEC, 16);
}

int
guestfs_int_launch_direct (guestfs_h *g, const struct appliance *ap,
                           const struct launch_mode *m, int timeout_ms)
{
  struct argv a = { NULL, 0, 0 };
  int chan[2] = { -1, -1 }, con[2] = { -1, -1 }, mon[2] = { -1, -1 };
  pid_t pid;
  char *user;
  bool pgroup, recovery, direct;
  int state_fd = m->incoming_fd;

  build_argv (g, &a, ap, m);
  if (state_fd >= 0) {
    /* Started through the monitor (guestfs_int_qmp_incoming) once the
     * migration capabilities are set. */
    add_arg (g, &a, "-incoming");
    add_arg (g, &a, "defer");
  }
  log_argv (g, &a);

  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, chan) == -1 ||
      socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, con) == -1 ||
      (m->qmp && socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, mon) == -1)) {
    perrorf (g, "socketpair");
    goto fail;
  }

  pgroup = g->pgroup;
  recovery = g->recovery_proc;
  direct = g->direct;
  g->t_qemu = guestfs_int_now ();
  g->t_kernel = g->t_hello = 0;
  pid = fork ();
  if (pid == -1) {
    perrorf (g, "fork");
    goto fail;
  }
  if (pid == 0) {
    /* Child: only async-signal-safe calls from here on. */
    int nullfd = open ("/dev/null", O_RDONLY);
    int cfd = lift_fd (chan[1]), qfd = lift_fd (mon[1]), sfd = lift_fd (state_fd);
    if (recovery)
      prctl (PR_SET_PDEATHSIG, SIGKILL);  /* no orphan qemu if we die */
    if (pgroup)
      setpgid (0, 0);                   /* ^C at the shell spares qemu */
    if (!direct) {
      /* In direct mode the console is our caller's stdin and stdout. */
      dup2 (nullfd, 0);
      dup2 (con[1], 1);
      dup2 (con[1], 2);
    }
    dup2 (cfd, CHANNEL_FD);
    if (qfd >= 0)
      dup2 (qfd, QMP_FD);
    if (sfd >= 0)
      dup2 (sfd, STATE_FD);
    signal (SIGPIPE, SIG_DFL);
    execvp (a.v[0], a.v);
    {
      static const char msg[] = "could not execute the hypervisor\n";
      if (write (2, msg, sizeof msg - 1) == -1)
        _exit (126);
    }
    _exit (127);
  }

  /* -runas clears the child's PR_SET_PDEATHSIG: a watcher stands in. */
  if (recovery && (user = guestfs_int_qemu_runas (g)) != NULL) {
    free (user);
    g->watcher_pid = guestfs_int_watch_qemu (g, pid);
  }
  free_argv (&a);
  a.v = NULL;
  close (chan[1]);
  close (con[1]);
  if (mon[1] >= 0)
    close (mon[1]);
  g->qemu_pid = pid;
  g->sock = chan[0];
  g->console = con[0];
  g->qmp = mon[0];
  if (direct) {
    close (g->console);
    g->console = -1;
  }
  else
    fcntl (g->console, F_SETFL, O_NONBLOCK);
  g->rstart = g->rend = 0;
  g->have_unread_word = false;
  g->tail_len = 0;
  g->kvm = m->use_kvm;

  if (!m->wait_hello)
    return 0;
  if (guestfs_int_recv_hello (g, timeout_ms) == -1) {
    if (g->sock >= 0) {
      /* Timed out, appliance still running: quote its console. */
      char *msg = safe_asprintf (g, "launch: the appliance did not start within %d s (%s)",
                                 timeout_ms / 1000, guestfs_last_error (g));
      guestfs_int_appliance_died (g, msg);
      free (msg);
    }
    return -1;
  }
  g->t_hello = guestfs_int_now ();
  return 0;

 fail:
  free_argv (&a);
  for (int i = 0; i < 2; ++i) {
    if (chan[i] >= 0)
      close (chan[i]);
    if (con[i] >= 0)
      close (con[i]);
    if (mon[i] >= 0)
      close (mon[i]);
  }
  return -1;
}

/* Stop qemu: SIGTERM (qemu flushes its block layer and exits), then
 * SIGKILL if it is stuck. */
void
guestfs_int_kill_qemu (guestfs_h *g)
{
  pid_t pid = g->qemu_pid;
  struct rusage ru;
  int status, pidfd;

  if (pid <= 0)
    return;
  g->qemu_pid = 0;
  kill (pid, SIGTERM);
  pidfd = syscall (SYS_pidfd_open, pid, 0);
  if (pidfd >= 0) {
    struct pollfd p = { .fd = pidfd, .events = POLLIN };
    if (poll (&p, 1, 10000) == 0)
      kill (pid, SIGKILL);
    close (pidfd);
  }
  while (wait4 (pid, &status, 0, &ru) == -1)
    if (errno != EINTR) {
      guestfs_int_reap_watcher (g);
      return;
    }
  guestfs_int_reap_watcher (g);
  debug (g, "qemu exited (status 0x%x), maxrss %ldK", status, ru.ru_maxrss);
}
