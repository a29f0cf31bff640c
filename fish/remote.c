/* guestfish: remote control.  "guestfish --listen" forks a server that
 * sets up its handle (drives, -N, -i, -m) and then runs commands sent by
 * "guestfish --remote[=PID] cmd ..." over a unix socket,
 * /tmp/.guestfish-$UID/socket-$PID (messages in rc_protocol.x).  The
 * client passes its stdin, stdout and stderr with each command, so
 * output, errors, pipes, "-" files and editors all work as if the
 * command ran locally.
 *
 * Security (CVE-2013-4419 was a hijack of this directory): the socket
 * directory must be a real directory owned by us and private (0700),
 * checked by both sides before use; and each side checks the peer's
 * credentials on the socket -- the server accepts only our own user, the
 * client talks only to the process it was told to.
 */

#include <config.h>

#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include "fish.h"
#include "rc_protocol.h"

pid_t fish_remote_pid;

static int listen_sock = -1;
static struct sockaddr_un listen_addr;
static int ready_fd = -1;           /* tells the --listen parent we run */
static volatile sig_atomic_t stop_listening;

static int
socket_dir (char *dir, size_t size, int create)
{
  struct stat st;

  snprintf (dir, size, "/tmp/.guestfish-%ju", (uintmax_t) geteuid ());
  if (create && mkdir (dir, 0700) == -1 && errno != EEXIST) {
    fprintf (stderr, "guestfish: mkdir: %s: %s\n", dir, strerror (errno));
    return -1;
  }
  if (lstat (dir, &st) == -1)
    return -1;
  if (!S_ISDIR (st.st_mode) || st.st_uid != geteuid () ||
      (st.st_mode & 077) != 0) {
    fprintf (stderr, "guestfish: ‘%s’ is not a directory or has insecure "
             "owner or permissions\n", dir);
    errno = EPERM;
    return -1;
  }
  return 0;
}

static int
socket_addr (pid_t pid, struct sockaddr_un *addr, int create)
{
  char dir[sizeof addr->sun_path - 32];

  if (socket_dir (dir, sizeof dir, create) == -1)
    return -1;
  memset (addr, 0, sizeof *addr);
  addr->sun_family = AF_UNIX;
  snprintf (addr->sun_path, sizeof addr->sun_path, "%s/socket-%d",
            dir, (int) pid);
  return 0;
}

static int
peer_creds (int s, struct ucred *cred)
{
  socklen_t len = sizeof *cred;

  return getsockopt (s, SOL_SOCKET, SO_PEERCRED, cred, &len);
}

/* Write or read exactly len bytes. */
static int
full_write (int fd, const void *buf, size_t len)
{
  const char *p = buf;

  while (len > 0) {
    ssize_t r = write (fd, p, len);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    p += r;
    len -= r;
  }
  return 0;
}

static int
full_read (int fd, void *buf, size_t len)
{
  char *p = buf;

  while (len > 0) {
    ssize_t r = read (fd, p, len);
    if (r == -1 && errno == EINTR && !stop_listening)
      continue;
    if (r <= 0) {
      if (r == 0)
        errno = ECONNRESET;
      return -1;
    }
    p += r;
    len -= r;
  }
  return 0;
}

/* Encode a message with its length in front and send it. */
static int
send_message (int s, xdrproc_t proc, void *msg)
{
  size_t size = 4096;

  for (;;) {
    char *buf = malloc (size);
    XDR xdr;

    if (buf == NULL)
      return -1;
    xdrmem_create (&xdr, buf + 4, size - 4, XDR_ENCODE);
    if (proc (&xdr, msg)) {
      uint32_t len = xdr_getpos (&xdr), be = htonl (len);
      int r;

      xdr_destroy (&xdr);
      memcpy (buf, &be, 4);
      r = full_write (s, buf, len + 4);
      free (buf);
      return r;
    }
    xdr_destroy (&xdr);
    free (buf);
    if (size >= FISH_RC_MESSAGE_MAX) {
      errno = EMSGSIZE;
      return -1;
    }
    size *= 4;
  }
}

static int
recv_message (int s, xdrproc_t proc, void *msg)
{
  uint32_t be, len;
  char *buf;
  XDR xdr;
  int ok;

  if (full_read (s, &be, 4) == -1)
    return -1;
  len = ntohl (be);
  if (len > FISH_RC_MESSAGE_MAX) {
    errno = EMSGSIZE;
    return -1;
  }
  buf = malloc (len ? len : 1);
  if (buf == NULL)
    return -1;
  if (full_read (s, buf, len) == -1) {
    free (buf);
    return -1;
  }
  xdrmem_create (&xdr, buf, len, XDR_DECODE);
  ok = proc (&xdr, msg);
  xdr_destroy (&xdr);
  free (buf);
  if (!ok) {
    errno = EBADMSG;
    return -1;
  }
  return 0;
}

/* One byte carrying three file descriptors. */
static int
send_fds (int s, const int fds[3])
{
  char byte = 'F';
  struct iovec iov = { &byte, 1 };
  union {
    char buf[CMSG_SPACE (3 * sizeof (int))];
    struct cmsghdr align;
  } u;
  struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
                       .msg_control = u.buf, .msg_controllen = sizeof u.buf };
  struct cmsghdr *cm = CMSG_FIRSTHDR (&mh);

  memset (u.buf, 0, sizeof u.buf);
  cm->cmsg_level = SOL_SOCKET;
  cm->cmsg_type = SCM_RIGHTS;
  cm->cmsg_len = CMSG_LEN (3 * sizeof (int));
  memcpy (CMSG_DATA (cm), fds, 3 * sizeof (int));
  while (sendmsg (s, &mh, MSG_NOSIGNAL) == -1)
    if (errno != EINTR)
      return -1;
  return 0;
}

static int
recv_fds (int s, int fds[3])
{
  char byte;
  struct iovec iov = { &byte, 1 };
  union {
    char buf[CMSG_SPACE (3 * sizeof (int))];
    struct cmsghdr align;
  } u;
  struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
                       .msg_control = u.buf, .msg_controllen = sizeof u.buf };
  struct cmsghdr *cm;
  ssize_t r;

  while ((r = recvmsg (s, &mh, MSG_CMSG_CLOEXEC)) == -1 && errno == EINTR &&
         !stop_listening)
    ;
  if (r != 1)
    return -1;
  cm = CMSG_FIRSTHDR (&mh);
  if (cm == NULL || cm->cmsg_level != SOL_SOCKET ||
      cm->cmsg_type != SCM_RIGHTS ||
      cm->cmsg_len != CMSG_LEN (3 * sizeof (int)) ||
      (mh.msg_flags & MSG_CTRUNC)) {
    /* Close whatever did arrive. */
    for (cm = CMSG_FIRSTHDR (&mh); cm; cm = CMSG_NXTHDR (&mh, cm))
      if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_RIGHTS)
        for (size_t i = 0; i < (cm->cmsg_len - CMSG_LEN (0)) / sizeof (int); ++i) {
          int fd;
          memcpy (&fd, CMSG_DATA (cm) + i * sizeof (int), sizeof fd);
          close (fd);
        }
    errno = EBADMSG;
    return -1;
  }
  memcpy (fds, CMSG_DATA (cm), 3 * sizeof (int));
  return 0;
}

/* ---- client ------------------------------------------------------- */

/* Here-documents are read here, where the script is, into files the
 * server can read: returns the argument to send, maybe a new file name.
 */
static char *
client_arg (const struct fish_command *c, size_t i, char *arg, int *is_tmp)
{
  const char *k = c && c->argkinds ? c->argkinds : "";
  size_t n = strlen (k);
  char kind = i < n ? k[i] : n >= 2 && k[n-1] == '*' ? k[n-2] : '-';

  *is_tmp = 0;
  if (kind == 'L' && STRPREFIX (arg, "-<<")) {
    *is_tmp = 1;
    return fish_file_in (arg);
  }
  return arg;
}

int
fish_rc_remote (const char *cmd, char *argv[], int exit_on_error)
{
  const struct fish_command *c = fish_lookup_command (cmd);
  size_t argc = fish_count_strings (argv);
  fish_rc_call call = { 0 };
  fish_rc_reply reply = { 0 };
  struct sockaddr_un addr;
  struct ucred cred;
  int *is_tmp = calloc (argc + 1, sizeof (int));
  char **args = calloc (argc + 1, sizeof (char *));
  const int fds[3] = { 0, 1, 2 };
  int s = -1, r = -1;
  size_t i;

  if (is_tmp == NULL || args == NULL) {
    perror ("calloc");
    goto out;
  }
  for (i = 0; i < argc; ++i) {
    args[i] = client_arg (c, i, argv[i], &is_tmp[i]);
    if (args[i] == NULL)
      goto out;
  }

  if (socket_addr (fish_remote_pid, &addr, 0) == -1) {
    if (errno != EPERM)
      fprintf (stderr, "guestfish: remote: looks like the server is not "
               "running\n");
    goto out;
  }
  s = socket (AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0);
  if (s == -1) {
    perror ("socket");
    goto out;
  }
  if (connect (s, (struct sockaddr *) &addr, sizeof addr) == -1) {
    fprintf (stderr, "%s: %s\n", addr.sun_path, strerror (errno));
    fprintf (stderr, "guestfish: remote: looks like the server is not "
             "running\n");
    goto out;
  }
  if (peer_creds (s, &cred) == -1 || cred.uid != geteuid () ||
      cred.pid != fish_remote_pid) {
    fprintf (stderr, "guestfish: remote: %s is not served by process %d "
             "of this user\n", addr.sun_path, (int) fish_remote_pid);
    goto out;
  }

  call.vers = (char *) PACKAGE_VERSION;
  call.cmd = (char *) cmd;
  call.args.args_len = argc;
  call.args.args_val = args;
  call.exit_on_error = exit_on_error;
  /* The server writes to the same stdout: what we printed goes first. */
  fflush (stdout);
  if (send_message (s, (xdrproc_t) xdr_fish_rc_call, &call) == -1 ||
      send_fds (s, fds) == -1) {
    fprintf (stderr, "guestfish: remote: sending the command: %s\n",
             strerror (errno));
    goto out;
  }
  if (recv_message (s, (xdrproc_t) xdr_fish_rc_reply, &reply) == -1) {
    fprintf (stderr, "guestfish: remote: the server did not reply: %s\n",
             strerror (errno));
    goto out;
  }
  r = reply.r == 0 ? 0 : -1;

 out:
  if (s >= 0)
    close (s);
  for (i = 0; args && i < argc; ++i)
    if (is_tmp[i])
      fish_free_file_in (args[i]);
  free (args);
  free (is_tmp);
  return r;
}

/* ---- server ------------------------------------------------------- */

static void
on_stop_signal (int sig)
{
  stop_listening = 1;
}

int
fish_rc_listen_fork (int csh)
{
  int pfd[2];
  pid_t pid;
  char c;
  ssize_t r;

  if (pipe2 (pfd, O_CLOEXEC) == -1) {
    perror ("pipe");
    exit (EXIT_FAILURE);
  }
  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  if (pid == -1) {
    perror ("fork");
    exit (EXIT_FAILURE);
  }

  if (pid > 0) {
    /* Wait until the server listens (or fails, having said why), so that
     * the printed PID is usable and errors give a non-zero status.
     */
    close (pfd[1]);
    while ((r = read (pfd[0], &c, 1)) == -1 && errno == EINTR)
      ;
    if (r != 1)
      exit (EXIT_FAILURE);
    if (csh)
      printf ("setenv GUESTFISH_PID %d\n", (int) pid);
    else
      printf ("GUESTFISH_PID=%d; export GUESTFISH_PID\n", (int) pid);
    fflush (stdout);
    _exit (EXIT_SUCCESS);
  }

  /* The server: its own session, away from the terminal's signals; our
   * stdout must not keep "eval $(guestfish --listen)" waiting.
   */
  close (pfd[0]);
  ready_fd = pfd[1];
  setsid ();
  {
    int null = open ("/dev/null", O_RDWR|O_CLOEXEC);
    if (null >= 0) {
      dup2 (null, 0);
      dup2 (null, 1);
      close (null);
    }
  }
  return 0;
}

/* Run one command with the client's stdin, stdout and stderr. */
static int
serve_call (fish_rc_call *call, const int fds[3])
{
  int saved[3], r;
  char **argv = calloc (call->args.args_len + 1, sizeof (char *));

  if (argv == NULL)
    return -1;
  for (size_t i = 0; i < call->args.args_len; ++i)
    argv[i] = call->args.args_val[i];

  fflush (stdout);
  for (int i = 0; i < 3; ++i) {
    saved[i] = fcntl (i, F_DUPFD_CLOEXEC, 3);
    dup2 (fds[i], i);
  }
  /* Nothing read from an earlier client's stdin may be left over. */
  __fpurge (stdin);
  clearerr (stdin);

  if (STRNEQ (call->vers, PACKAGE_VERSION)) {
    fprintf (stderr, "guestfish: protocol error: version mismatch, server "
             "version ‘%s’ does not match client version ‘%s’.  The two "
             "versions must match exactly.\n", PACKAGE_VERSION, call->vers);
    r = -1;
  }
  else
    r = fish_issue_command (call->cmd, argv, NULL);

  fflush (stdout);
  clearerr (stdout);
  for (int i = 0; i < 3; ++i) {
    if (saved[i] >= 0) {
      dup2 (saved[i], i);
      close (saved[i]);
    }
  }
  __fpurge (stdin);
  clearerr (stdin);
  free (argv);
  return r;
}

int
fish_rc_listen_serve (void)
{
  struct sigaction sa;

  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_stop_signal;
  sigaction (SIGTERM, &sa, NULL);
  sigaction (SIGHUP, &sa, NULL);
  sigaction (SIGINT, &sa, NULL);

  if (socket_addr (getpid (), &listen_addr, 1) == -1)
    return -1;
  listen_sock = socket (AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0);
  if (listen_sock == -1) {
    perror ("socket");
    return -1;
  }
  unlink (listen_addr.sun_path);    /* left by a dead process of this pid */
  if (bind (listen_sock, (struct sockaddr *) &listen_addr,
            sizeof listen_addr) == -1 ||
      listen (listen_sock, 4) == -1) {
    fprintf (stderr, "guestfish: %s: %s\n", listen_addr.sun_path,
             strerror (errno));
    return -1;
  }

  /* Ready: let the parent print our PID and exit. */
  if (write (ready_fd, "R", 1) != 1) {
    perror ("write");
    unlink (listen_addr.sun_path);
    return -1;
  }
  close (ready_fd);

  while (!fish_quit && !stop_listening) {
    fish_rc_call call;
    fish_rc_reply reply = { 0 };
    struct ucred cred;
    int s, fds[3];

    s = accept4 (listen_sock, NULL, NULL, SOCK_CLOEXEC);
    if (s == -1) {
      if (errno != EINTR)
        perror ("accept");
      continue;
    }
    if (peer_creds (s, &cred) == -1 || cred.uid != geteuid ()) {
      close (s);
      continue;
    }
    memset (&call, 0, sizeof call);
    if (recv_message (s, (xdrproc_t) xdr_fish_rc_call, &call) == -1 ||
        recv_fds (s, fds) == -1) {
      xdr_free ((xdrproc_t) xdr_fish_rc_call, (char *) &call);
      close (s);
      continue;
    }
    reply.r = serve_call (&call, fds);
    /* As libguestfs: a failing command stops the server unless it was
     * sent as "-command".
     */
    if (reply.r == -1 && call.exit_on_error)
      fish_quit = 1;
    reply.quit = fish_quit;
    for (int i = 0; i < 3; ++i)
      close (fds[i]);
    send_message (s, (xdrproc_t) xdr_fish_rc_reply, &reply);
    xdr_free ((xdrproc_t) xdr_fish_rc_call, (char *) &call);
    close (s);
  }

  unlink (listen_addr.sun_path);
  close (listen_sock);
  return 0;
}
