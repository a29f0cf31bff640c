/* guestfish: the guest filesystem shell.  This file holds main: option
 * parsing, adding the -a drives and launching for -m/-i, then one of
 * the three ways of running commands -- from the command line (separated
 * by ':'), from a script (-f FILE or stdin that is not a terminal) or at
 * an interactive prompt -- and the exit status rules: scripts and command
 * lines stop at the first failing command (exit 1), the prompt carries on.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <unistd.h>

#include "fish.h"

/* Once the session is known to be non-interactive, errors are prefixed
 * with the script name and line, as libguestfs's guestfish does.
 */
static int use_script_error_handler;

struct drive {
  const char *filename;
  const char *format;               /* NULL = autodetect */
  int blocksize;                    /* 0 = default */
  struct fish_prep *prep;           /* -N: made here, prepared after launch */
  const char *domain;               /* -d NAME or UUID (filename NULL) */
  size_t index;                     /* its first disk: 0 = /dev/sda */
};

/* -c URI: the libvirt connection for -d (NULL: libvirt's default). */
static const char *libvirt_uri;

struct mountpoint {
  char *device, *mountpoint, *options, *fstype;
};

static void __attribute__((noreturn))
usage (int status)
{
  if (status != EXIT_SUCCESS)
    fprintf (stderr, "Try ‘guestfish --help’ for more information.\n");
  else
    printf ("guestfish: guest filesystem shell\n"
            "guestfish lets you edit virtual machine filesystems\n"
            "Usage:\n"
            "  guestfish [--options] cmd [: cmd : cmd ...]\n"
            "Options:\n"
            "  -h|--cmd-help        List available commands\n"
            "  -h|--cmd-help cmd    Display detailed help on 'cmd'\n"
            "  -a|--add image       Add image\n"
            "  -c|--connect uri     Specify libvirt URI for -d option\n"
            "  -d|--domain guest    Add disks from libvirt guest\n"
            "  --blocksize[=512|4096]\n"
            "                       Set sector size of the disk for -a option\n"
            "  --csh                Make --listen csh-compatible\n"
            "  --echo-keys          Don’t turn off echo for passphrases\n"
            "  -f|--file file       Read commands from file\n"
            "  --format[=raw|..]    Force disk format for -a option\n"
#ifdef GUESTKIT_FISH_HAVE_INSPECTOR
            "  -i|--inspector       Automatically mount filesystems\n"
#endif
            "  --key selector       Specify a LUKS key\n"
            "  --keys-from-stdin    Read passphrases from stdin\n"
            "  --listen             Listen for remote commands\n"
            "  -m|--mount dev[:mnt[:opts[:fstype]]]\n"
            "                       Mount dev on mnt (if omitted, /)\n"
            "  -N|--new [filename=]type\n"
            "                       Create prepared disk (test<N>.img or filename)\n"
            "  -n|--no-sync         Don't autosync\n"
            "  --no-dest-paths      Don't tab-complete paths from guest fs\n"
            "  --pipe-error         Pipe commands can detect write errors\n"
            "  --progress-bars      Enable progress bars even when not interactive\n"
            "  --no-progress-bars   Disable progress bars\n"
            "  --remote[=pid]       Send commands to remote guestfish\n"
            "  -r|--ro              Mount read-only\n"
            "  -v|--verbose         Verbose messages\n"
            "  -V|--version         Display version and exit\n"
            "  -w|--rw              Mount read-write\n"
            "  -x                   Echo each command before executing it\n"
            "\n"
            "To examine a disk image, ISO, hard disk, filesystem etc:\n"
            "  guestfish [--ro|--rw] -a /path/to/disk.img run : list-filesystems\n"
            "\n"
            "--ro recommended to avoid any writes to the disk image.\n"
            "\n"
            "For more information, see the manpage guestfish(1).\n");
  exit (status);
}

static void
error_cb (guestfs_h *h, void *opaque, const char *msg)
{
  fprintf (stderr, "%s:%d: libguestfs: error: %s\n",
           fish_input_file, fish_input_lineno, msg);
}

guestfs_h *
fish_new_handle (void)
{
  guestfs_h *h = guestfs_create ();

  if (h == NULL) {
    fprintf (stderr, "guestfish: guestfs_create: failed to create handle\n");
    return NULL;
  }
  if (use_script_error_handler)
    guestfs_set_error_handler (h, error_cb, NULL);
  if (fish_progress_bars)
    progress_bars_attach (h, "guestfish");
  return h;
}

static void
user_cancel (int sig)
{
  if (g)
    guestfs_user_cancel (g);
}

/* -d: all the domain's disks, read-only with --ro (and those marked
 * <readonly/> in its XML always), as libguestfs's guestfish.  Returns
 * how many were added.
 */
static size_t
add_domain (const char *dom)
{
  struct guestfs_add_domain_argv optargs = {
    .bitmask = GUESTFS_ADD_DOMAIN_ALLOWUUID_BITMASK |
      GUESTFS_ADD_DOMAIN_READONLYDISK_BITMASK,
    .allowuuid = 1,
    .readonlydisk = "read",
  };
  int n;

  if (fish_read_only) {
    optargs.bitmask |= GUESTFS_ADD_DOMAIN_READONLY_BITMASK;
    optargs.readonly = 1;
  }
  if (libvirt_uri) {
    optargs.bitmask |= GUESTFS_ADD_DOMAIN_LIBVIRTURI_BITMASK;
    optargs.libvirturi = libvirt_uri;
  }
  n = guestfs_add_domain_argv (g, dom, &optargs);
  if (n == -1)
    exit (EXIT_FAILURE);
  return (size_t) n;
}

static void
add_drives (struct drive *drives, size_t n)
{
  size_t index = 0;

  for (size_t i = 0; i < n; ++i) {
    struct guestfs_add_drive_opts_argv optargs = { .bitmask = 0 };

    drives[i].index = index;
    if (drives[i].domain) {
      index += add_domain (drives[i].domain);
      continue;
    }
    index++;

    /* -N disks are created and added raw; --ro does not apply to them. */
    if (drives[i].prep) {
      fish_prep_create (drives[i].prep);
      continue;
    }

    if (fish_read_only) {
      optargs.bitmask |= GUESTFS_ADD_DRIVE_OPTS_READONLY_BITMASK;
      optargs.readonly = 1;
    }
    if (drives[i].format) {
      optargs.bitmask |= GUESTFS_ADD_DRIVE_OPTS_FORMAT_BITMASK;
      optargs.format = drives[i].format;
    }
#ifdef GUESTFS_ADD_DRIVE_OPTS_BLOCKSIZE_BITMASK
    if (drives[i].blocksize) {
      optargs.bitmask |= GUESTFS_ADD_DRIVE_OPTS_BLOCKSIZE_BITMASK;
      optargs.blocksize = drives[i].blocksize;
    }
#endif
    if (guestfs_add_drive_opts_argv (g, drives[i].filename, &optargs) == -1)
      exit (EXIT_FAILURE);
  }
}

/* After a failed -m, list what could have been meant. */
static void
display_mountpoints_on_failure (const struct mountpoint *mp)
{
  char **fses;

  guestfs_push_error_handler (g, NULL, NULL);
  fses = guestfs_list_filesystems (g);
  guestfs_pop_error_handler (g);
  if (fses == NULL)
    return;
  if (fses[0] == NULL) {
    fish_free_strings (fses);
    return;
  }

  fprintf (stderr, "guestfish: ‘%s’ could not be mounted.\n", mp->device);
  if (mp->options)
    fprintf (stderr,
             "guestfish: Check mount(8) man page to ensure options ‘%s’\n"
             "guestfish: are supported by the filesystem that is being mounted.\n",
             mp->options);
  fprintf (stderr, "guestfish: Did you mean to mount one of these filesystems?\n");
  for (size_t i = 0; fses[i] && fses[i+1]; i += 2)
    fprintf (stderr, "guestfish: \t%s (%s)\n", fses[i], fses[i+1]);
  fish_free_strings (fses);
}

static void
mount_mps (const struct mountpoint *mps, size_t n)
{
  for (size_t i = 0; i < n; ++i) {
    const struct mountpoint *mp = &mps[i];
    const char *options =
      mp->options ? mp->options : fish_read_only ? "ro" : "";
    int r;

    if (mp->fstype) {
#ifdef GUESTFS_HAVE_MOUNT_VFS
      r = guestfs_mount_vfs (g, options, mp->fstype, mp->device,
                             mp->mountpoint);
#else
      fprintf (stderr, "guestfish: -m %s: choosing the filesystem type is "
               "not supported yet; leave out ‘:%s’\n", mp->device, mp->fstype);
      exit (EXIT_FAILURE);
#endif
    }
    else
      r = guestfs_mount_options (g, options, mp->device, mp->mountpoint);
    if (r == -1) {
      display_mountpoints_on_failure (mp);
      exit (EXIT_FAILURE);
    }
  }
}

/* -m dev[:mountpoint[:options[:fstype]]] */
static void
parse_mount_option (char *arg, struct mountpoint *mp)
{
  char *fields[4] = { arg, NULL, NULL, NULL };
  char *p = arg;

  for (size_t i = 1; i < 4 && (p = strchr (p, ':')) != NULL; ++i) {
    *p++ = '\0';
    fields[i] = p;
  }
  mp->device = fields[0];
  mp->mountpoint = fields[1] && *fields[1] ? fields[1] : (char *) "/";
  mp->options = fields[2];
  mp->fstype = fields[3] && *fields[3] ? fields[3] : NULL;
}

/* "/dev/sda" for drive 0, ... "/dev/sdz", "/dev/sdaa", ... */
static void
drive_name (size_t index, char *buf, size_t size)
{
  char letters[16];
  size_t n = 0, len;

  /* Bijective base 26: a..z, aa..zz, aaa.. */
  for (index++; index > 0 && n < sizeof letters; index = (index - 1) / 26)
    letters[n++] = 'a' + (index - 1) % 26;
  len = snprintf (buf, size, "/dev/sd");
  while (n > 0 && len < size - 1)
    buf[len++] = letters[--n];
  buf[len] = '\0';
}

/* After launch: partition and format the -N disks. */
static void
prepare_drives (struct drive *drives, size_t n)
{
  for (size_t i = 0; i < n; ++i) {
    char dev[32];

    if (drives[i].prep == NULL)
      continue;
    drive_name (drives[i].index, dev, sizeof dev);
    fish_prep_postlaunch (drives[i].prep, dev);
  }
}

static void
cmdline (char *argv[], int i, int argc)
{
  while (i < argc && !fish_quit) {
    char *cmd = argv[i++];
    int exit_on_error = 1;
    int start = i, r;
    char *saved;

    if (STREQ (cmd, ":")) {
      fprintf (stderr, "guestfish: empty command on command line\n");
      exit (EXIT_FAILURE);
    }
    /* "-cmd" lets this one command fail without stopping. */
    if (cmd[0] == '-') {
      exit_on_error = 0;
      cmd++;
    }
    while (i < argc && STRNEQ (argv[i], ":"))
      i++;
    saved = i < argc ? argv[i] : NULL;
    argv[i] = NULL;             /* argv[argc] is NULL already */
    r = fish_issue_top_command (cmd, &argv[start], NULL, exit_on_error);
    argv[i] = saved;
    if (r == -1 && exit_on_error)
      exit (EXIT_FAILURE);
    if (i < argc)
      i++;                      /* skip the ':' */
  }
}

/* Commands from a script: -f FILE, or stdin when it is not a terminal. */
static void
script (void)
{
  char *buf = NULL;
  size_t bufsize = 0;
  ssize_t n;

  while (!fish_quit && (n = getline (&buf, &bufsize, fish_script_input)) != -1) {
    int exit_on_error = 1;

    if (n > 0 && buf[n-1] == '\n')
      buf[n-1] = '\0';
    fish_input_lineno++;
    if (fish_run_line (buf, &exit_on_error) == -1 && exit_on_error)
      exit (EXIT_FAILURE);
  }
  free (buf);
}

static void
interactive (void)
{
  fish_print_banner ();
  fish_print_inspect_prompt ();

  while (!fish_quit) {
    char *buf = fish_readline ();
    int exit_on_error = 0;

    if (buf == NULL)
      break;
    fish_input_lineno++;
    fish_run_line (buf, &exit_on_error);
    free (buf);
  }
  fish_print_restore ();
}

static const char short_options[] = "+a:c:d:Df:h::im:nN:rv?Vwx";
enum {
  HELP_OPTION = CHAR_MAX + 1,
  BLOCKSIZE_OPTION, CSH_OPTION, ECHO_KEYS_OPTION, FORMAT_OPTION, KEY_OPTION,
  KEYS_FROM_STDIN_OPTION, LISTEN_OPTION, LONG_OPTIONS_OPTION, NETWORK_OPTION,
  NO_DEST_PATHS_OPTION, NO_PROGRESS_BARS_OPTION, PIPE_ERROR_OPTION,
  PROGRESS_BARS_OPTION, REMOTE_OPTION, SELINUX_OPTION, SHORT_OPTIONS_OPTION,
  UNSUPPORTED_OPTION,
};
static const struct option long_options[] = {
  { "add", 1, 0, 'a' },
  { "blocksize", 2, 0, BLOCKSIZE_OPTION },
  { "cmd-help", 2, 0, 'h' },
  { "connect", 1, 0, 'c' },
  { "csh", 0, 0, CSH_OPTION },
  { "domain", 1, 0, 'd' },
  { "echo-keys", 0, 0, ECHO_KEYS_OPTION },
  { "file", 1, 0, 'f' },
  { "format", 2, 0, FORMAT_OPTION },
  { "help", 0, 0, HELP_OPTION },
  { "inspector", 0, 0, 'i' },
  { "key", 1, 0, KEY_OPTION },
  { "keys-from-stdin", 0, 0, KEYS_FROM_STDIN_OPTION },
  { "listen", 0, 0, LISTEN_OPTION },
  { "long-options", 0, 0, LONG_OPTIONS_OPTION },
  { "mount", 1, 0, 'm' },
  { "network", 0, 0, NETWORK_OPTION },
  { "new", 1, 0, 'N' },
  { "no-dest-paths", 0, 0, NO_DEST_PATHS_OPTION },
  { "no-progress-bars", 0, 0, NO_PROGRESS_BARS_OPTION },
  { "no-sync", 0, 0, 'n' },
  { "pipe-error", 0, 0, PIPE_ERROR_OPTION },
  { "progress-bars", 0, 0, PROGRESS_BARS_OPTION },
  { "remote", 2, 0, REMOTE_OPTION },
  { "ro", 0, 0, 'r' },
  { "rw", 0, 0, 'w' },
  { "selinux", 0, 0, SELINUX_OPTION },
  { "short-options", 0, 0, SHORT_OPTIONS_OPTION },
  { "verbose", 0, 0, 'v' },
  { "version", 0, 0, 'V' },
  { 0, 0, 0, 0 }
};

/* For bash completion and the docs test, as the virt tools do. */
static void __attribute__((noreturn))
display_long_options (void)
{
  for (const struct option *o = long_options; o->name; ++o)
    if (o->val != UNSUPPORTED_OPTION && STRNEQ (o->name, "long-options") &&
        STRNEQ (o->name, "short-options"))
      printf ("--%s\n", o->name);
  exit (EXIT_SUCCESS);
}

static void __attribute__((noreturn))
display_short_options (void)
{
  for (const char *p = short_options; *p; ++p)
    if (*p != '+' && *p != ':' && *p != '?')
      printf ("-%c\n", *p);
  exit (EXIT_SUCCESS);
}

static void __attribute__((noreturn))
unsupported (const char *option)
{
  fprintf (stderr, "guestfish: %s: this option is not supported by this "
           "version of guestfish\n", option);
  exit (EXIT_FAILURE);
}

/* Append D to the array *DRIVES of *N drives. */
static void
append_drive (struct drive **drives, size_t *n, struct drive d)
{
  struct drive *nd = realloc (*drives, (*n + 1) * sizeof *nd);

  if (nd == NULL) {
    perror ("realloc");
    exit (EXIT_FAILURE);
  }
  *drives = nd;
  nd[(*n)++] = d;
}

/* A key read from the script is one of its lines. */
static void
count_key_line (void)
{
  if (fish_script_input == stdin)
    fish_input_lineno++;
}

int
main (int argc, char *argv[])
{
  struct drive *drives = NULL;
  size_t nr_drives = 0;
  struct mountpoint *mps = NULL;
  size_t nr_mps = 0;
  const char *file = NULL, *format = NULL;
  int blocksize = 0, format_consumed = 1, blocksize_consumed = 1;
  int rw_given = 0, inspector = 0, override_progress_bars = -1;
  int listen = 0, csh = 0;
  unsigned nr_preps = 0;
  int c, option_index;
  struct sigaction sa;

  keys_settings.program = "guestfish";
  keys_settings.read_from_stdin = count_key_line;

  setlocale (LC_ALL, "");

  /* Writes to a finished "| host command" must fail, not kill us. */
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = SIG_IGN;
  sa.sa_flags = SA_RESTART;
  sigaction (SIGPIPE, &sa, NULL);

  g = fish_new_handle ();
  if (g == NULL)
    exit (EXIT_FAILURE);

  /* getopt's messages name argv[0]; don't let them show a libtool path. */
  argv[0] = (char *) "guestfish";

  while ((c = getopt_long (argc, argv, short_options, long_options,
                           &option_index)) != -1) {
    switch (c) {
    case 'a': {
      if (strstr (optarg, "://")) {
        fprintf (stderr, "guestfish: %s: remote disks (URIs) are not "
                 "supported yet\n", optarg);
        exit (EXIT_FAILURE);
      }
      if (access (optarg, R_OK) != 0) {
        fprintf (stderr, "guestfish: access: %s: %s\n", optarg,
                 strerror (errno));
        exit (EXIT_FAILURE);
      }
      append_drive (&drives, &nr_drives, (struct drive) {
        optarg, format, blocksize, NULL, NULL, 0
      });
      format_consumed = blocksize_consumed = 1;
      break;
    }
    case 'N': {
      struct fish_prep *prep;

      if (STREQ (optarg, "help")) {
        fish_prep_help ();
        exit (EXIT_SUCCESS);
      }
      prep = fish_prep_parse (optarg, ++nr_preps);
      append_drive (&drives, &nr_drives, (struct drive) {
        fish_prep_filename (prep), NULL, 0, prep, NULL, 0
      });
      break;
    }
    case FORMAT_OPTION:
      /* Sticky: applies to every later -a; "--format" alone goes back to
       * autodetection.
       */
      format = optarg && *optarg ? optarg : NULL;
      format_consumed = 0;
      break;
    case BLOCKSIZE_OPTION: {
      long long v = 0;

      if (optarg && *optarg &&
          (fish_xstrtoll (optarg, &v) != 0 || v < 0 || v > INT_MAX)) {
        fprintf (stderr, "guestfish: --blocksize option is not numeric\n");
        exit (EXIT_FAILURE);
      }
      blocksize = (int) v;
      blocksize_consumed = 0;
      break;
    }
    case 'f':
      if (file) {
        fprintf (stderr, "guestfish: only one -f parameter can be given\n");
        exit (EXIT_FAILURE);
      }
      file = optarg;
      break;
    case 'h': {
      int r = 0;

      if (optarg)
        r = fish_display_command (optarg);
      else if (argv[optind] && argv[optind][0] != '-')
        r = fish_display_command (argv[optind++]);
      else
        fish_list_commands ();
      exit (r == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
    }
    case 'i':
#ifdef GUESTKIT_FISH_HAVE_INSPECTOR
      inspector = 1;
      break;
#else
      unsupported ("-i");
#endif
    case 'm': {
      struct mountpoint *nm = realloc (mps, (nr_mps + 1) * sizeof *mps);

      if (nm == NULL) {
        perror ("realloc");
        exit (EXIT_FAILURE);
      }
      mps = nm;
      parse_mount_option (optarg, &mps[nr_mps++]);
      break;
    }
    case 'n':
      guestfs_set_autosync (g, 0);
      break;
    case 'r':
      if (rw_given) {
        fprintf (stderr, "guestfish: cannot mix --ro and --rw options\n");
        exit (EXIT_FAILURE);
      }
      fish_read_only = 1;
      break;
    case 'w':
      if (fish_read_only) {
        fprintf (stderr, "guestfish: cannot mix --ro and --rw options\n");
        exit (EXIT_FAILURE);
      }
      rw_given = 1;
      break;
    case 'v':
      fish_verbose++;
      guestfs_set_verbose (g, 1);
      break;
    case 'V': {
      struct guestfs_version *v = guestfs_version (g);

      if (v == NULL)
        exit (EXIT_FAILURE);
      /* libguestfs's number, then which implementation this is. */
      printf ("guestfish %" PRIi64 ".%" PRIi64 ".%" PRIi64,
              v->major, v->minor, v->release);
      if (v->extra[0] == '\0' || !isalnum ((unsigned char) v->extra[0]))
        printf ("%s\n", v->extra);
      else
        printf (" (%s)\n", v->extra);
      guestfs_free_version (v);
      exit (EXIT_SUCCESS);
    }
    case 'x':
      /* As libguestfs: each API call is echoed to stderr as a trace line. */
      guestfs_set_trace (g, 1);
      break;
    case 'D':
      fprintf (stderr, "guestfish: warning: -D option is deprecated, "
               "use --no-dest-paths instead\n");
      /* fallthrough */
    case NO_DEST_PATHS_OPTION:
      fish_complete_dest_paths = 0;
      break;
    case PIPE_ERROR_OPTION:
      fish_pipe_error = 1;
      break;
    case PROGRESS_BARS_OPTION:
      override_progress_bars = 1;
      break;
    case NO_PROGRESS_BARS_OPTION:
      override_progress_bars = 0;
      break;
    case NETWORK_OPTION:
#ifdef GUESTFS_HAVE_SET_NETWORK
      if (guestfs_set_network (g, 1) == -1)
        exit (EXIT_FAILURE);
      break;
#else
      unsupported ("--network");
#endif
    case SELINUX_OPTION:
      break;                    /* deprecated and ignored, as libguestfs */
    case LONG_OPTIONS_OPTION:
      display_long_options ();
    case SHORT_OPTIONS_OPTION:
      display_short_options ();
    case KEY_OPTION:
      keys_add_selector (optarg);
      break;
    case KEYS_FROM_STDIN_OPTION:
      keys_settings.from_stdin = 1;
      break;
    case ECHO_KEYS_OPTION:
      keys_settings.echo = 1;
      break;
    case LISTEN_OPTION:
      listen = 1;
      break;
    case CSH_OPTION:
      csh = 1;
      break;
    case REMOTE_OPTION:
      if (optarg) {
        char *end;
        long pid;

        errno = 0;
        pid = strtol (optarg, &end, 10);
        if (errno != 0 || end == optarg || *end || pid < 0 || pid > INT_MAX) {
          fprintf (stderr, "guestfish: --remote=PID: PID was not a number: "
                   "%s\n", optarg);
          exit (EXIT_FAILURE);
        }
        fish_remote_pid = pid;
      }
      else {
        const char *env = getenv ("GUESTFISH_PID");
        char *end;
        long pid = -1;

        if (env) {
          errno = 0;
          pid = strtol (env, &end, 10);
          if (errno != 0 || end == env || *end || pid <= 0 || pid > INT_MAX)
            pid = -1;
        }
        if (pid == -1) {
          fprintf (stderr, "guestfish: remote: $GUESTFISH_PID must be set to "
                   "the PID of the remote process\n");
          exit (EXIT_FAILURE);
        }
        fish_remote_pid = pid;
      }
      break;
    case 'c':
      libvirt_uri = optarg;
      break;
    case 'd': {
      if (*optarg == '\0') {
        fprintf (stderr, "guestfish: -d: the domain name cannot be empty\n");
        exit (EXIT_FAILURE);
      }
      append_drive (&drives, &nr_drives, (struct drive) { NULL, NULL, 0, NULL, optarg, 0 });
      break;
    }
    case UNSUPPORTED_OPTION: {
      char opt[64];
      snprintf (opt, sizeof opt, "--%s", long_options[option_index].name);
      unsupported (opt);
    }
    case HELP_OPTION:
      usage (EXIT_SUCCESS);
    default:
      usage (EXIT_FAILURE);
    }
  }

  /* Old-style "guestfish -i disk.img": the remaining words are disks. */
  if (inspector && nr_drives == 0) {
    for (; optind < argc; optind++) {
      append_drive (&drives, &nr_drives, (struct drive) {
        argv[optind], format, blocksize, NULL, NULL, 0
      });
      format_consumed = blocksize_consumed = 1;
    }
  }

  if (!format_consumed) {
    fprintf (stderr,
             "guestfish: --format parameter must appear before -a parameter\n");
    exit (EXIT_FAILURE);
  }
  if (!blocksize_consumed) {
    fprintf (stderr,
             "guestfish: --blocksize parameter must appear before -a parameter\n");
    exit (EXIT_FAILURE);
  }

  if (listen && fish_remote_pid) {
    fprintf (stderr, "guestfish: cannot use --listen and --remote options "
             "at the same time\n");
    exit (EXIT_FAILURE);
  }
  if (listen && optind < argc) {
    fprintf (stderr, "guestfish: extra parameters on the command line with "
             "--listen flag\n");
    exit (EXIT_FAILURE);
  }
  if (listen && file) {
    fprintf (stderr, "guestfish: cannot use --listen and --file options at "
             "the same time\n");
    exit (EXIT_FAILURE);
  }
  /* Documented libguestfs pitfall: these would act on this process's
   * handle, not the server's.  Say so rather than silently ignoring them.
   */
  if (fish_remote_pid && (nr_drives > 0 || nr_mps > 0 || inspector))
    fprintf (stderr, "guestfish: warning: -a, -N, -m and -i are not sent to "
             "the remote guestfish; use add, run and mount commands\n");

  /* Clevis unlocks over the network. */
  if (keys_have_clevis ()) {
#ifdef GUESTFS_HAVE_SET_NETWORK
    if (guestfs_set_network (g, 1) == -1)
      exit (EXIT_FAILURE);
#else
    unsupported ("--key ID:clevis");
#endif
  }

  fish_interactive = !listen && file == NULL && isatty (0);

  /* At the prompt ^C cancels the running call instead of killing us. */
  if (fish_interactive) {
    memset (&sa, 0, sizeof sa);
    sa.sa_handler = user_cancel;
    sa.sa_flags = SA_RESTART;
    sigaction (SIGINT, &sa, NULL);
    sigaction (SIGQUIT, &sa, NULL);
#ifdef GUESTFS_HAVE_SET_PGROUP
    /* The terminal sends ^C to its whole foreground process group; keep
     * qemu out of it so that ^C cancels a call rather than killing the
     * appliance.
     */
    if (guestfs_set_pgroup (g, 1) == -1)
      exit (EXIT_FAILURE);
#endif
  }

  /* The server forks before launching, so that the appliance is its
   * child and setup errors still reach the --listen caller's status.
   */
  if (listen)
    fish_rc_listen_fork (csh);

  add_drives (drives, nr_drives);

  /* -N, -m and -i need the appliance running. */
  if (nr_mps > 0 || inspector || nr_preps > 0) {
    if (guestfs_is_config (g) > 0 && guestfs_launch (g) == -1)
      exit (EXIT_FAILURE);
    prepare_drives (drives, nr_drives);
    if (inspector)
      fish_inspect_mount ();
    mount_mps (mps, nr_mps);
  }
  for (size_t i = 0; i < nr_drives; ++i)
    fish_prep_free (drives[i].prep);
  free (drives);
  free (mps);

  if (listen) {
    if (fish_rc_listen_serve () == -1)
      exit (EXIT_FAILURE);
    goto out;
  }

  /* The script is read from its own stream, so that "-" (stdin) in a
   * -f script still means guestfish's stdin.
   */
  fish_script_input = stdin;
  if (file) {
    fish_script_input = fopen (file, "re");
    if (fish_script_input == NULL) {
      fprintf (stderr, "guestfish: open: %s: %s\n", file, strerror (errno));
      exit (EXIT_FAILURE);
    }
  }

  if (!fish_interactive) {
    fish_input_file = file ? file : "*stdin*";
    use_script_error_handler = 1;
    guestfs_set_error_handler (g, error_cb, NULL);
  }

  fish_progress_bars = override_progress_bars >= 0 ? override_progress_bars
    : optind >= argc && fish_interactive;
  if (fish_progress_bars)
    progress_bars_attach (g, "guestfish");

  if (optind < argc)
    cmdline (argv, optind, argc);
  else if (fish_interactive) {
    fish_readline_init ();
    interactive ();
    fish_readline_cleanup ();
  }
  else
    script ();

 out:
  if (guestfs_shutdown (g) == -1)
    exit (EXIT_FAILURE);
  guestfs_close (g);
  g = NULL;

  if (fflush (stdout) == EOF || ferror (stdout)) {
    fprintf (stderr, "guestfish: write error\n");
    exit (EXIT_FAILURE);
  }
  exit (EXIT_SUCCESS);
}
