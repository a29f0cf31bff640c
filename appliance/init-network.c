/* guestkit appliance init: networking, when the library asked for it
 * (guestfs_network=1 on the kernel command line).  The card is qemu's
 * virtio-net on its user-mode network, whose addresses are fixed: the
 * appliance takes 169.254.2.15/16, the gateway is 169.254.2.2 and the
 * DNS server 169.254.2.3.  So a static configuration by ioctl does what
 * a DHCP client would, without a DHCP client in the appliance or the
 * time it takes.  Any failure is a warning: the daemon starts anyway,
 * just without a network. */

#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <net/route.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "init-network.h"

#define ADDRESS "169.254.2.15"
#define NETMASK "255.255.0.0"
#define GATEWAY "169.254.2.2"
#define NAMESERVER "169.254.2.3"
#define WAIT_MS 10000

static void
warn (const char *what)
{
  fprintf (stderr, "guestkit-init: warning: network: %s: %s\n", what, strerror (errno));
}

static int
modprobe (const char *module)
{
  const char *progs[] = { "/usr/lib/guestkit/modprobe", "/sbin/modprobe" };
  int status;
  pid_t pid;

  for (size_t i = 0; i < 2; ++i) {
    if (access (progs[i], X_OK) == -1)
      continue;
    pid = fork ();
    if (pid == -1)
      return -1;
    if (pid == 0) {
      execl (progs[i], "modprobe", module, (char *) NULL);
      _exit (127);
    }
    while (waitpid (pid, &status, 0) == -1)
      if (errno != EINTR)
        return -1;
    return WIFEXITED (status) && WEXITSTATUS (status) == 0 ? 0 : -1;
  }
  errno = ENOENT;
  return -1;
}

/* The first interface other than lo, once the driver has made it. */
static int
find_card (char *name, size_t size)
{
  struct timespec ms = { 0, 2 * 1000 * 1000 };

  for (int waited = 0; waited < WAIT_MS; waited += 2) {
    DIR *d = opendir ("/sys/class/net");
    struct dirent *e;
    if (d) {
      while ((e = readdir (d)) != NULL)
        if (e->d_name[0] != '.' && strcmp (e->d_name, "lo") != 0 &&
            strlen (e->d_name) < size) {
          strcpy (name, e->d_name);
          closedir (d);
          return 0;
        }
      closedir (d);
    }
    nanosleep (&ms, NULL);
  }
  errno = ENODEV;
  return -1;
}

static void
set_addr (struct sockaddr *sa, const char *addr)
{
  struct sockaddr_in *sin = (struct sockaddr_in *) sa;

  memset (sin, 0, sizeof *sin);
  sin->sin_family = AF_INET;
  inet_pton (AF_INET, addr, &sin->sin_addr);
}

static int
interface_up (int sock, const char *name)
{
  struct ifreq ifr;

  memset (&ifr, 0, sizeof ifr);
  snprintf (ifr.ifr_name, sizeof ifr.ifr_name, "%s", name);
  if (ioctl (sock, SIOCGIFFLAGS, &ifr) == -1)
    return -1;
  ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
  return ioctl (sock, SIOCSIFFLAGS, &ifr);
}

static int
configure (int sock, const char *name)
{
  struct ifreq ifr;
  struct rtentry rt;

  memset (&ifr, 0, sizeof ifr);
  snprintf (ifr.ifr_name, sizeof ifr.ifr_name, "%s", name);
  set_addr (&ifr.ifr_addr, ADDRESS);
  if (ioctl (sock, SIOCSIFADDR, &ifr) == -1)
    return -1;
  set_addr (&ifr.ifr_netmask, NETMASK);
  if (ioctl (sock, SIOCSIFNETMASK, &ifr) == -1)
    return -1;
  if (interface_up (sock, name) == -1)
    return -1;

  memset (&rt, 0, sizeof rt);
  set_addr (&rt.rt_dst, "0.0.0.0");
  set_addr (&rt.rt_genmask, "0.0.0.0");
  set_addr (&rt.rt_gateway, GATEWAY);
  rt.rt_flags = RTF_UP | RTF_GATEWAY;
  rt.rt_dev = (char *) name;
  return ioctl (sock, SIOCADDRT, &rt);
}

void
setup_network (bool verbose)
{
  char name[IFNAMSIZ];
  int sock, fd;

  sock = socket (AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (sock == -1) {
    warn ("socket");
    return;
  }
  /* The kernel gives lo 127.0.0.1 when it comes up. */
  if (interface_up (sock, "lo") == -1)
    warn ("lo");
  if (modprobe ("virtio_net") == -1)
    warn ("modprobe virtio_net");
  if (find_card (name, sizeof name) == -1) {
    warn ("no network card");
    close (sock);
    return;
  }
  if (configure (sock, name) == -1) {
    warn (name);
    close (sock);
    return;
  }
  close (sock);

  fd = open ("/etc/resolv.conf", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd == -1 || write (fd, "nameserver " NAMESERVER "\n",
                         strlen ("nameserver " NAMESERVER "\n")) == -1)
    warn ("/etc/resolv.conf");
  if (fd >= 0)
    close (fd);
  if (verbose)
    fprintf (stderr, "guestkit-init: network: %s is %s/16, gateway %s\n",
             name, ADDRESS, GATEWAY);
}
