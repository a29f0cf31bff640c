/* guestkit appliance init: PID 1 of the appliance VM.  It turns the bare
 * initramfs into a place guestfsd can run (pseudo filesystems, drivers for
 * the virtual hardware, the user's disks), starts guestfsd on the
 * virtio-serial channel, reaps orphans while it runs, and powers the VM off
 * when it exits.  No udev and no shell: every millisecond here is paid on
 * every launch, and under TCG a fork+exec costs several of them.
 */

#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <linux/fs.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "init-network.h"

#define CHANNEL_NAME "org.libguestfs.channel.0"
#define DAEMON "/sbin/guestfsd"
#define EAGER_ORDER "/lib/modules/eager.order"
#define FAST_MODPROBE "/usr/lib/guestkit/modprobe"
#define WAIT_LIMIT_MS 30000
#define POLL_MS 2

static bool verbose;
static volatile sig_atomic_t shutdown_requested;

static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_BOOTTIME, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Same clock as the kernel's printk timestamps, so the console log reads
 * as one timeline. */
static void
phase (const char *fmt, ...)
{
  va_list ap;

  if (!verbose)
    return;
  fprintf (stderr, "[%12.6f] init: ", now ());
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
}

static void
warn_msg (const char *fmt, ...)
{
  va_list ap;

  fprintf (stderr, "guestkit-init: ");
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
}

static void __attribute__ ((noreturn))
power_off (void)
{
  sync ();
  /* Power-off says "done" (a reset also ends qemu under -no-reboot, but
   * so does a kernel panic with panic=1); without ACPI the kernel cannot
   * power off and would halt for ever, so reset then. */
  if (access ("/sys/firmware/acpi", F_OK) == 0)
    reboot (RB_POWER_OFF);
  reboot (RB_AUTOBOOT);
  for (;;)
    pause ();
}

static void __attribute__ ((noreturn, format (printf, 1, 2)))
fatal (const char *fmt, ...)
{
  va_list ap;

  fprintf (stderr, "guestkit-init: error: ");
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputs ("\nguestkit-init: powering off\n", stderr);
  power_off ();
}

static void
sleep_ms (long ms)
{
  struct timespec ts = { .tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000 };
  while (nanosleep (&ts, &ts) == -1 && errno == EINTR)
    ;
}

static void
do_mount (const char *src, const char *target, const char *type,
          unsigned long flags, const char *data)
{
  mkdir (target, 0755);
  if (mount (src, target, type, flags, data) == -1 && errno != EBUSY)
    fatal ("mount %s on %s: %m", type, target);
}

/* Read a small text file into buf, without its trailing newline. */
static ssize_t
read_file (const char *path, char *buf, size_t size)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  ssize_t n, total = 0;

  if (fd == -1)
    return -1;
  while ((size_t) total < size - 1 &&
         (n = read (fd, buf + total, size - 1 - total)) > 0)
    total += n;
  close (fd);
  buf[total] = '\0';
  while (total > 0 && buf[total-1] == '\n')
    buf[--total] = '\0';
  return total;
}

static void
write_file (const char *path, const char *content)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);

  if (fd == -1 || write (fd, content, strlen (content)) == -1)
    warn_msg ("%s: %m", path);
  if (fd >= 0)
    close (fd);
}

/* The kernel only hands init a console when the initramfs has a
 * /dev/console node; a cpio built by an unprivileged user cannot, so fall
 * back to devtmpfs's. */
static void
setup_console (void)
{
  int fd;

  if (fcntl (0, F_GETFD) != -1 && fcntl (1, F_GETFD) != -1 &&
      fcntl (2, F_GETFD) != -1)
    return;
  fd = open ("/dev/console", O_RDWR | O_NOCTTY);
  if (fd == -1)
    return;
  for (int i = 0; i <= 2; i++)
    if (fcntl (i, F_GETFD) == -1)
      dup2 (fd, i);
  if (fd > 2)
    close (fd);
}

static void
mount_pseudo_filesystems (void)
{
  do_mount ("proc", "/proc", "proc", MS_NOSUID|MS_NODEV|MS_NOEXEC, NULL);
  do_mount ("sysfs", "/sys", "sysfs", MS_NOSUID|MS_NODEV|MS_NOEXEC, NULL);
  do_mount ("devtmpfs", "/dev", "devtmpfs", MS_NOSUID, "mode=0755");
  setup_console ();
  do_mount ("devpts", "/dev/pts", "devpts", MS_NOSUID|MS_NOEXEC,
            "gid=5,mode=620,ptmxmode=666");
  do_mount ("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID|MS_NODEV, "mode=1777");
  do_mount ("tmpfs", "/run", "tmpfs", MS_NOSUID|MS_NODEV, "mode=0755");
  do_mount ("tmpfs", "/tmp", "tmpfs", MS_NOSUID|MS_NODEV, "mode=1777");
  mkdir ("/run/lock", 01777);
  mkdir ("/run/lvm", 0700);
  /* udev would make these; programs and shells expect them. */
  symlink ("/proc/self/fd", "/dev/fd");
  symlink ("/proc/self/fd/0", "/dev/stdin");
  symlink ("/proc/self/fd/1", "/dev/stdout");
  symlink ("/proc/self/fd/2", "/dev/stderr");
  symlink ("/proc/kcore", "/dev/core");
  mkdir ("/dev/disk", 0755);
  mkdir ("/dev/mapper", 0755);
}

/* Device nodes whose modules are not loaded yet (/dev/fuse, /dev/loop-control,
 * /dev/mapper/control, /dev/btrfs-control, ...): opening one makes the kernel
 * load its module.  This is what `kmod static-nodes` does for systemd. */
static void
create_static_nodes (const char *release)
{
  char path[512], line[512];
  FILE *fp;

  snprintf (path, sizeof path, "/lib/modules/%s/modules.devname", release);
  fp = fopen (path, "re");
  if (!fp)
    return;
  while (fgets (line, sizeof line, fp)) {
    char module[128], devname[256], type;
    unsigned maj, min;
    char node[300];

    if (line[0] == '#' ||
        sscanf (line, "%127s %255s %c%u:%u", module, devname, &type,
                &maj, &min) != 5 ||
        (type != 'c' && type != 'b') || strstr (devname, ".."))
      continue;
    snprintf (node, sizeof node, "/dev/%s", devname);
    char *slash = strrchr (node, '/');
    if (slash != node + 4) {
      *slash = '\0';
      mkdir (node, 0755);
      *slash = '/';
    }
    if (mknod (node, (type == 'c' ? S_IFCHR : S_IFBLK) | 0600,
               makedev (maj, min)) == -1 && errno != EEXIST)
      warn_msg ("mknod %s: %m", node);
  }
  fclose (fp);
}

static char cmdline[4096];

/* modprobe applies "module.param=value" from the kernel command line; init
 * loads the eager modules itself, so it does the same (appended after the
 * parameters from eager.order, so that the command line wins). */
static void
add_cmdline_params (const char *path, char *params, size_t size)
{
  char name[64];
  const char *base = strrchr (path, '/');
  size_t len;

  base = base ? base + 1 : path;
  len = strcspn (base, ".");
  if (len >= sizeof name)
    return;
  for (size_t i = 0; i < len; i++)
    name[i] = base[i] == '-' ? '_' : base[i];
  name[len] = '\0';

  for (const char *p = cmdline; *p; ) {
    size_t toklen = strcspn (p, " \t\n");
    if (toklen > len + 1 && strncmp (p, name, len) == 0 && p[len] == '.') {
      size_t used = strlen (params);
      if (used + toklen - len + 1 < size)
        snprintf (params + used, size - used, "%s%.*s", used ? " " : "",
                  (int) (toklen - len - 1), p + len + 1);
    }
    p += toklen;
    p += strspn (p, " \t\n");
  }
}

/* finit_module straight from the initramfs: one syscall per module, where
 * modprobe would cost a fork+exec and an index lookup each. */
static void
load_eager_modules (void)
{
  char line[1024], params[1024];
  FILE *fp = fopen (EAGER_ORDER, "re");
  int n = 0;

  if (!fp) {
    warn_msg ("%s: %m (no drivers loaded)", EAGER_ORDER);
    return;
  }
  /* Each line: PATH [PARAMS] */
  while (fgets (line, sizeof line, fp)) {
    line[strcspn (line, "\n")] = '\0';
    if (line[0] != '/')
      continue;
    char *p = strchr (line, ' ');
    if (p)
      *p++ = '\0';
    snprintf (params, sizeof params, "%s", p ? p : "");
    add_cmdline_params (line, params, sizeof params);
    int fd = open (line, O_RDONLY | O_CLOEXEC);
    if (fd == -1) {
      warn_msg ("%s: %m", line);
      continue;
    }
    if (syscall (SYS_finit_module, fd, params, 0) == -1 && errno != EEXIST)
      /* e.g. ENODEV from an accelerated crc module on a CPU without
       * the instructions; the generic fallback is also in the list. */
      phase ("module %s: %m", line);
    close (fd);
    n++;
  }
  fclose (fp);
  phase ("loaded %d eager modules", n);
}

struct cmdline {
  int disks;                    /* -1: not given, do not wait */
  bool rescue;
  bool network;                 /* guestfs_network=1 */
  const char *channel;
};

static void
parse_cmdline (struct cmdline *c)
{
  static char buf[sizeof cmdline];
  char *tok, *save = NULL;

  c->disks = -1;
  c->rescue = false;
  c->network = false;
  c->channel = CHANNEL_NAME;
  if (read_file ("/proc/cmdline", cmdline, sizeof cmdline) < 0)
    return;
  memcpy (buf, cmdline, sizeof buf);
  for (tok = strtok_r (buf, " \t", &save); tok;
       tok = strtok_r (NULL, " \t", &save)) {
    if (strcmp (tok, "guestfs_verbose=1") == 0)
      verbose = true;
    else if (strncmp (tok, "guestfs_disks=", 14) == 0)
      c->disks = atoi (tok + 14);
    else if (strcmp (tok, "guestfs_rescue=1") == 0)
      c->rescue = true;
    else if (strcmp (tok, "guestfs_network=1") == 0)
      c->network = true;
    else if (strncmp (tok, "guestfs_channel=", 16) == 0 && tok[16])
      c->channel = tok + 16;
  }
}

/* A user disk is a whole SCSI or virtio-blk disk: sdX or vdX. */
static bool
is_user_disk (const char *name)
{
  return (name[0] == 's' || name[0] == 'v') && name[1] == 'd' &&
    islower ((unsigned char) name[2]);
}

static int
count_disks (void)
{
  DIR *d = opendir ("/sys/block");
  struct dirent *e;
  int n = 0;

  if (!d)
    return 0;
  while ((e = readdir (d)) != NULL)
    if (is_user_disk (e->d_name))
      n++;
  closedir (d);
  return n;
}

/* The disk appears in sysfs (and devtmpfs) before the kernel has read its
 * partition table, and an open that comes before the kernel starts its
 * scan does not wait for it.  So re-read the table ourselves: BLKRRPART
 * takes the lock the kernel's scan holds and returns once the partitions
 * (and their /dev nodes) exist.  Nothing uses the disks yet, so it cannot
 * be refused as busy. */
static void
settle_disks (void)
{
  DIR *d = opendir ("/sys/block");
  struct dirent *e;

  if (!d)
    return;
  while ((e = readdir (d)) != NULL) {
    if (!is_user_disk (e->d_name))
      continue;
    char dev[300];
    snprintf (dev, sizeof dev, "/dev/%s", e->d_name);
    int fd, waited = 0;
    while ((fd = open (dev, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1 &&
           (errno == ENOENT || errno == ENXIO) && waited < WAIT_LIMIT_MS) {
      sleep_ms (POLL_MS);
      waited += POLL_MS;
    }
    if (fd >= 0) {
      if (ioctl (fd, BLKRRPART) == -1 && errno != EINVAL)
        fprintf (stderr, "guestkit-init: %s: re-reading the partition table: %m\n",
                 dev);
      close (fd);
    }
  }
  closedir (d);
}

/* scsi_mod is loaded with scan=manual (see modules.list), so the
 * virtio-scsi bus is not scanned target by target; the library puts user
 * disk i at target i, LUN 0, so scan exactly those.  Without a disk count
 * scan the whole bus.  Then scanning goes back to the default, because
 * the kernel drops qemu's hot-plug events for new targets in manual mode. */
static void
scan_scsi (int disks)
{
  DIR *d = opendir ("/sys/class/scsi_host");
  struct dirent *e;
  char buf[64];

  if (!d)
    return;                     /* no scsi_mod: nothing to scan or restore */
  while ((e = readdir (d)) != NULL) {
    char path[512];

    if (e->d_name[0] == '.')
      continue;
    snprintf (path, sizeof path, "/sys/class/scsi_host/%s/proc_name",
              e->d_name);
    if (read_file (path, buf, sizeof buf) <= 0 ||
        strcmp (buf, "virtio_scsi") != 0)
      continue;
    snprintf (path, sizeof path, "/sys/class/scsi_host/%s/scan", e->d_name);
    if (disks < 0)
      write_file (path, "- - -\n");
    else
      for (int t = 0; t < disks; t++) {
        snprintf (buf, sizeof buf, "0 %d 0\n", t);
        write_file (path, buf);
      }
  }
  closedir (d);
  if (read_file ("/sys/module/scsi_mod/parameters/scan", buf, sizeof buf) > 0 &&
      strcmp (buf, "manual") == 0)
    write_file ("/sys/module/scsi_mod/parameters/scan", "async\n");
  phase ("scanned the virtio-scsi bus");
}

static void
wait_for_disks (int want)
{
  int waited = 0, n = 0;

  if (want <= 0)
    return;
  while ((n = count_disks ()) < want) {
    if (waited >= WAIT_LIMIT_MS)
      fatal ("only %d of %d disks appeared after %d s", n, want,
             WAIT_LIMIT_MS / 1000);
    sleep_ms (POLL_MS);
    waited += POLL_MS;
  }
  settle_disks ();
  phase ("%d disks present", n);
}

/* The port exists as soon as virtio_console probes, but its name arrives
 * later in a control message from qemu, so poll for the name. */
static void
find_channel (const char *name, char *dev, size_t devsize)
{
  int waited = 0;

  for (;;) {
    DIR *d = opendir ("/sys/class/virtio-ports");
    if (d) {
      struct dirent *e;
      while ((e = readdir (d)) != NULL) {
        char path[512], buf[256];
        if (e->d_name[0] == '.')
          continue;
        snprintf (path, sizeof path, "/sys/class/virtio-ports/%s/name",
                  e->d_name);
        if (read_file (path, buf, sizeof buf) > 0 && strcmp (buf, name) == 0) {
          snprintf (dev, devsize, "/dev/%s", e->d_name);
          if (access (dev, R_OK|W_OK) == 0) {
            closedir (d);
            phase ("channel %s is %s", name, dev);
            return;
          }
        }
      }
      closedir (d);
    }
    if (waited >= WAIT_LIMIT_MS)
      fatal ("virtio-serial port '%s' did not appear after %d s "
             "(is virtio_console in the appliance, and the virtserialport "
             "on the qemu command line?)", name, WAIT_LIMIT_MS / 1000);
    sleep_ms (POLL_MS);
    waited += POLL_MS;
  }
}

/* What busybox's halt, poweroff and reboot send to PID 1: handy in the
 * rescue shell. */
static const int shutdown_signals[] = { SIGTERM, SIGUSR1, SIGUSR2, SIGINT };

static void
on_signal (int sig)
{
  (void) sig;
  shutdown_requested = 1;
}

/* Without SA_RESTART, so that the wait() in main returns to look. */
static void
catch_shutdown_signals (void)
{
  struct sigaction sa = { .sa_handler = on_signal };

  sigemptyset (&sa.sa_mask);
  for (size_t i = 0; i < sizeof shutdown_signals / sizeof shutdown_signals[0]; i++)
    sigaction (shutdown_signals[i], &sa, NULL);
}

/* on_console: a shell for a person at the serial console (rescue mode),
 * with the kernel's TERM; otherwise the daemon, whose output is a log. */
static pid_t
spawn (char *const argv[], bool on_console)
{
  static char term[64];
  char *envp[] = {
    "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
    "LC_ALL=C",
    "HOME=/",
    "TERM=dumb",
    NULL
  };
  pid_t pid;

  if (on_console) {
    snprintf (term, sizeof term, "TERM=%s",
              getenv ("TERM") ? getenv ("TERM") : "linux");
    envp[3] = term;
  }
  pid = fork ();

  if (pid == -1)
    fatal ("fork: %m");
  if (pid == 0) {
    struct sigaction dfl = { .sa_handler = SIG_DFL };
    sigset_t none;
    sigemptyset (&none);
    sigprocmask (SIG_SETMASK, &none, NULL);
    for (size_t i = 0; i < sizeof shutdown_signals / sizeof shutdown_signals[0]; i++)
      sigaction (shutdown_signals[i], &dfl, NULL);
    setsid ();
    if (on_console) {
      /* A shell wants a controlling terminal for job control. */
      int fd = open ("/dev/console", O_RDWR);
      if (fd >= 0) {
        dup2 (fd, 0); dup2 (fd, 1); dup2 (fd, 2);
        if (fd > 2)
          close (fd);
        ioctl (0, TIOCSCTTY, 1);
      }
    }
    umask (022);
    if (chdir ("/") == -1)
      _exit (127);
    execve (argv[0], argv, envp);
    fprintf (stderr, "guestkit-init: error: exec %s: %m\n", argv[0]);
    _exit (127);
  }
  return pid;
}

int
main (void)
{
  struct cmdline cmd;
  char channel[300];
  char release[128] = "";
  pid_t daemon_pid;
  int status = 0;

  umask (022);
  mount_pseudo_filesystems ();
  parse_cmdline (&cmd);
  phase ("started, pseudo filesystems mounted");

  if (read_file ("/proc/sys/kernel/osrelease", release, sizeof release) <= 0)
    fatal ("cannot read /proc/sys/kernel/osrelease: %m");
  create_static_nodes (release);
  load_eager_modules ();
  /* See make-appliance.sh: hidden until now so that the kernel's own
   * requests during boot (all for things it has builtin or that are
   * eager) fail fast instead of running kmod; and busybox's modprobe, when
   * there, serves the kernel's requests from now on because it starts
   * faster. */
  if (rename ("/sbin/.modprobe", "/sbin/modprobe") == -1 && errno != ENOENT)
    warn_msg ("rename /sbin/.modprobe: %m");
  write_file ("/proc/sys/kernel/modprobe",
              access (FAST_MODPROBE, X_OK) == 0 ? FAST_MODPROBE "\n"
                                                : "/sbin/modprobe\n");

  scan_scsi (cmd.disks);
  wait_for_disks (cmd.disks);
  if (cmd.network) {
    setup_network (verbose);
    phase ("network configured");
  }

  catch_shutdown_signals ();

  if (cmd.rescue) {
    /* busybox's ash has line editing; /bin/sh (dash) is the fallback. */
    char *const bb[] = { "/bin/busybox", "sh", NULL };
    char *const sh[] = { "/bin/sh", NULL };
    fputs ("guestkit rescue shell; exit it to power off\n", stderr);
    daemon_pid = spawn (access (bb[0], X_OK) == 0 ? bb : sh, true);
  }
  else {
    if (access (DAEMON, X_OK) == -1)
      fatal ("%s: %m", DAEMON);
    find_channel (cmd.channel, channel, sizeof channel);
    char *argv[5] = { DAEMON, "--channel", channel, NULL, NULL };
    if (verbose)
      argv[3] = "--verbose";
    daemon_pid = spawn (argv, false);
    phase ("started %s --channel %s%s", DAEMON, channel,
           verbose ? " --verbose" : "");
  }

  /* PID 1 inherits every orphan: reap them all until the daemon goes. */
  for (;;) {
    pid_t pid = wait (&status);
    if (pid == daemon_pid)
      break;
    if (pid == -1 && errno == ECHILD)
      break;
    if (shutdown_requested) {
      phase ("shutdown requested by signal");
      break;
    }
  }

  if (!cmd.rescue && !shutdown_requested) {
    if (WIFEXITED (status) && WEXITSTATUS (status) != 0)
      warn_msg ("%s exited with status %d", DAEMON, WEXITSTATUS (status));
    else if (WIFSIGNALED (status))
      warn_msg ("%s killed by signal %d", DAEMON, WTERMSIG (status));
  }
  phase ("powering off");
  power_off ();
}
