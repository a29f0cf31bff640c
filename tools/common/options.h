/* tools/common: what every virt-* tool shares -- the common command line
 * options (-a, -d, -c, --format, -m, -i, -v, -x, -V, --key ...), adding the
 * drives read-only, launching, opening encrypted devices and mounting
 * the guest's filesystems as the guest sees them.  Each tool extends the
 * getopt_long tables below with its own options and passes every option
 * it does not handle itself to tools_handle_option.  A read-only tool
 * accepts --ro as a no-op and has no --rw, so getopt refuses it, as
 * libguestfs's read-only tools do.  A tool that writes sets
 * tools.writable before parsing its options: its drives are then added
 * and its filesystems mounted read-write, unless it also offers --ro
 * (TOOLS_RW_LONG_OPTIONS) and the user gave it.
 */

#ifndef GUESTKIT_TOOLS_OPTIONS_H
#define GUESTKIT_TOOLS_OPTIONS_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <getopt.h>

#include "guestfs.h"
#include "keys.h"

#define STREQ(a,b) (strcmp ((a),(b)) == 0)
#define STRNEQ(a,b) (strcmp ((a),(b)) != 0)
#define STRCASEEQ(a,b) (strcasecmp ((a),(b)) == 0)
#define STRPREFIX(a,b) (strncmp ((a),(b),strlen ((b))) == 0)

/* Values of the long-only common options.  Tools number their own long
 * options from TOOLS_OPT_TOOL upwards.
 */
enum {
  TOOLS_OPT_FORMAT = 0x100,
  TOOLS_OPT_BLOCKSIZE,
  TOOLS_OPT_KEY,
  TOOLS_OPT_KEYS_FROM_STDIN,
  TOOLS_OPT_ECHO_KEYS,
  TOOLS_OPT_RO,
  TOOLS_OPT_RW,
  TOOLS_OPT_HELP,
  TOOLS_OPT_LONG_OPTIONS,
  TOOLS_OPT_SHORT_OPTIONS,
  TOOLS_OPT_PROGRESS_BARS,
  TOOLS_OPT_NO_PROGRESS_BARS,
  TOOLS_OPT_TOOL = 0x200
};

/* Short options every tool has ("-i" and "-m" are added by the tools
 * that take them).
 */
#define TOOLS_SHORT_OPTIONS "a:c:d:vVx"

/* The long options every tool has: put this first in the tool's table,
 * then the tool's own entries, then { 0, 0, 0, 0 }.  A writing tool
 * without --ro (virt-edit) uses TOOLS_LONG_OPTIONS_NO_RO instead.
 */
#define TOOLS_LONG_OPTIONS                                      \
  TOOLS_LONG_OPTIONS_NO_RO,                                     \
  { "ro", 0, 0, TOOLS_OPT_RO }
#define TOOLS_LONG_OPTIONS_NO_RO                                \
  { "add", 1, 0, 'a' },                                         \
  { "blocksize", 2, 0, TOOLS_OPT_BLOCKSIZE },                   \
  { "connect", 1, 0, 'c' },                                     \
  { "domain", 1, 0, 'd' },                                      \
  { "echo-keys", 0, 0, TOOLS_OPT_ECHO_KEYS },                   \
  { "format", 2, 0, TOOLS_OPT_FORMAT },                         \
  { "help", 0, 0, TOOLS_OPT_HELP },                             \
  { "key", 1, 0, TOOLS_OPT_KEY },                               \
  { "keys-from-stdin", 0, 0, TOOLS_OPT_KEYS_FROM_STDIN },       \
  { "long-options", 0, 0, TOOLS_OPT_LONG_OPTIONS },             \
  { "short-options", 0, 0, TOOLS_OPT_SHORT_OPTIONS },           \
  { "verbose", 0, 0, 'v' },                                     \
  { "version", 0, 0, 'V' }

/* --rw, for writing tools that also take --ro (after TOOLS_LONG_OPTIONS):
 * --ro then makes the drives read-only and --rw undoes it, as with
 * guestfish, whose options libguestfs's virt-copy-in and virt-tar-in
 * take.
 */
#define TOOLS_RW_LONG_OPTION { "rw", 0, 0, TOOLS_OPT_RW }

/* --progress-bars and --no-progress-bars, for the tools that copy or
 * create data.  As with libguestfs's guestfish-based tools, bars are off
 * unless asked for, and then drawn only on a terminal (common/progress.c).
 */
#define TOOLS_PROGRESS_LONG_OPTIONS                             \
  { "progress-bars", 0, 0, TOOLS_OPT_PROGRESS_BARS },           \
  { "no-progress-bars", 0, 0, TOOLS_OPT_NO_PROGRESS_BARS }

/* The -m and -i long options, for the tools that take them. */
#define TOOLS_MOUNT_LONG_OPTION { "mount", 1, 0, 'm' }
#define TOOLS_INSPECTOR_LONG_OPTION { "inspector", 0, 0, 'i' }

/* One -a image, or one -d libvirt domain (filename NULL). */
struct tools_drive {
  const char *filename;
  const char *format;               /* NULL = autodetect */
  int blocksize;                    /* 0 = default */
  const char *domain;               /* -d NAME or UUID, or NULL */
};

struct tools_mount {
  char *device, *mountpoint, *options, *fstype;  /* last two may be NULL */
};

/* The state the common options build up; one per program. */
struct tools_state {
  const char *program;              /* "virt-cat": prefixes every message */
  guestfs_h *g;
  struct tools_drive *drives;
  size_t nr_drives;
  struct tools_mount *mounts;
  size_t nr_mounts;
  int inspector;                    /* -i given */
  int writable;                     /* the tool writes: set before parsing */
  int ro;                           /* --ro given (writing tools) */
  int verbose;
  const char *libvirt_uri;          /* -c URI, or NULL: libvirt's default */
  int progress_bars;                /* --progress-bars given */
  const char *format;               /* current --format, sticky */
  int blocksize;                    /* current --blocksize, sticky */
  void (*usage) (int status);       /* the tool's usage(), for --help */
  const char *short_options;        /* the tool's tables, for --*-options */
  const struct option *long_options;
};

extern struct tools_state tools;

/* Set up: locale, SIGPIPE ignored (so a closed pipe is an error, not a
 * death), argv[0] replaced by PROGRAM so getopt's messages do not name a
 * libtool wrapper, and a new handle in tools.g.  Exits on failure.
 */
extern void tools_init (const char *program, char **argv,
                        void (*usage) (int status),
                        const char *short_options,
                        const struct option *long_options);

/* Handle one common option C (from getopt_long, with optarg ARG).
 * Returns 1 if it was a common option, 0 if the tool must handle it.
 * Exits for --help, -V, --long-options, --short-options and bad values.
 */
extern int tools_handle_option (int c, const char *arg);

/* The "Try 'virt-NAME --help'" line, then exit with STATUS; for usage()
 * when STATUS is not success.
 */
extern void tools_try_help (void) __attribute__((noreturn));

/* For a tool with no options of its own: parse the command line with
 * tools_handle_option (usage on an unknown option), require at least
 * MIN_ARGS arguments after the options (usage if fewer), then
 * tools_check_drives.  The arguments start at argv[optind].
 */
extern void tools_parse_options (int argc, char **argv, int min_args);

/* Print "Options:" and the help lines of the options the tool takes:
 * the common ones found in its long_options (--ro only if it writes)
 * and OWN, its own lines ("  -o|--opt arg        Text\n", deeper
 * indented lines continuing an entry; an own entry replaces the common
 * one of the same name), all in alphabetical order (tools/common/usage.c).
 */
extern void tools_print_options (const char *own);

/* Check that at least one -a was given and that a trailing --format was
 * used, as libguestfs does.  Exits with libguestfs's messages if not.
 */
extern void tools_check_drives (void);

/* --json excludes --csv and -h (JSON sizes are in bytes): exits with
 * the message if JSON is set with either.
 */
extern void tools_check_json (int json, int csv, int human);

/* Whether drives and mounts are read-only: always for a read-only
 * tool, and for a writing tool given --ro.
 */
extern int tools_read_only (void);

/* Add D to G: an image with add_drive_opts, a domain's disks with
 * add_domain (-c's URI, UUIDs allowed, disks marked <readonly/> added
 * read-only).  Returns -1 on error, reported by the library.
 */
extern int tools_add_drive (guestfs_h *g, const struct tools_drive *d,
                            int readonly);

/* Attach the progress bars to tools.g if --progress-bars was given
 * (tools_add_drives_and_launch does it; for tools that launch by
 * themselves).
 */
extern void tools_progress_bars_setup (void);

/* Add every -a drive and -d domain (read-only unless tools_read_only
 * says otherwise), then launch.  Exits on failure.
 */
extern void tools_add_drives_and_launch (void);

/* --key, --keys-from-stdin, --echo-keys and opening LUKS and BitLocker
 * devices (keys_decrypt) are in common/keys.h, shared with guestfish. */

/* Inspect, insist on exactly one operating system (libguestfs's messages
 * otherwise) and mount its filesystems where the guest mounts them
 * (read-only, or read-write for a writing tool).  Returns the root
 * device (the caller frees it).  Exits on error.
 */
extern char *tools_inspect_mount (void);

/* Mount the -m filesystems (read-only, or for a writing tool with the
 * options given), in the order given.  Exits on error.
 */
extern void tools_mount_mps (void);

/* Either -m mounts, or -i / implied inspection: what virt-cat and virt-ls
 * do after launch.  Returns the root found by inspection, or NULL when
 * -m was used.
 */
extern char *tools_mount_guest (void);

/* windows.c: true if inspection says ROOT (may be NULL) is Windows. */
extern int tools_is_windows (const char *root);
/* The guest path for a Windows PATH ("C:\\x\\y" or "/x/Y"), remounting
 * the drive's filesystem on "/" for a drive letter.  NULL on error
 * (reported by the library); exits if the drive letter is unknown.
 */
extern char *tools_windows_path (const char *root, const char *path);

/* The end of a tool's main: shut the appliance down (that flushes what
 * was written, so its failure is the tool's), close the handle and
 * return the exit status -- EXIT_SUCCESS only if ERRORS is 0 and the
 * shutdown worked. */
extern int tools_finish (int errors);

/* A message "PROGRAM: ..." on stderr. */
extern void tools_error (const char *fs, ...)
  __attribute__((format (printf, 1, 2)));


/* A guestfish-style boolean ("true", "yes", "on", "1", "false", "no",
 * "off", "0", any case): 1 or 0, or -1 if it is none of those.
 */
extern int tools_parse_bool (const char *s);

/* A table of a call's optional arguments as a tool takes them after
 * its own arguments, guestfish-style ("compress:gzip"): name, kind of
 * value, and where it goes in the call's guestfs_*_opts_argv struct
 * (whose first member is the uint64_t bitmask).  Ends with a NULL name.
 * The generator writes one per call (call-optargs.h).
 */
enum tools_optarg_kind {
  TOOLS_OPTARG_STRING,          /* const char * */
  TOOLS_OPTARG_BOOL,            /* int */
  TOOLS_OPTARG_INT,             /* int */
  TOOLS_OPTARG_INT64,           /* int64_t */
  TOOLS_OPTARG_WORDS            /* char *const *, from "a b c" */
};
struct tools_optarg {
  const char *name;
  enum tools_optarg_kind kind;
  uint64_t bit;
  size_t offset;
};
/* Parse ARG into ARGV per TABLE; exits with a clear error if ARG is not
 * name:value, names no entry, or has a bad value.  Words lists are
 * freed by tools_free_optargs.
 */
extern void tools_parse_optarg (const char *arg,
                                const struct tools_optarg *table, void *argv);
extern void tools_free_optargs (const struct tools_optarg *table, void *argv);

/* Small helpers over NULL-terminated string lists. */
extern size_t tools_count_strings (char *const *l);
extern void tools_free_strings (char **l);

/* Human-readable size as libguestfs prints it (gnulib's human_readable
 * with autoscale, base 1024, SI suffixes): "512", "1.0K", "7.4G", "10M".
 * NEAREST rounds to nearest, otherwise up.  BUF needs 32 bytes.
 */
extern char *tools_human_size (unsigned long long bytes, int nearest,
                               char *buf);

/* Print FIELD to FP as one CSV field (RFC 4180: quoted when it contains
 * a comma, quote, space or line break).
 */
extern void tools_csv_field (FILE *fp, const char *field);

#endif /* GUESTKIT_TOOLS_OPTIONS_H */
