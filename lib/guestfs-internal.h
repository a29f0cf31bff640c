/* libguestfs (guestkit): the handle structure and the internal functions
 * shared by the library's files.  Internal symbols carry the guestfs_int_
 * prefix and are hidden from the shared object. */

#ifndef GUESTFS_INTERNAL_H_
#define GUESTFS_INTERNAL_H_

#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <signal.h>
#include <pthread.h>
#include <sys/types.h>
#include <rpc/types.h>
#include <rpc/xdr.h>
#include <json-c/json.h>

#include "guestfs.h"

#define STREQ(a,b) (strcmp ((a),(b)) == 0)
#define STRNEQ(a,b) (strcmp ((a),(b)) != 0)
#define STRPREFIX(a,b) (strncmp ((a),(b),strlen ((b))) == 0)

/* Memory, in MiB, given to the appliance unless told otherwise.  The
 * appliance needs little: its root is the initramfs (~tens of MB). */
#define DEFAULT_MEMSIZE 768
#define MIN_MEMSIZE 320

/* How long launch waits for the daemon's hello. */
#define LAUNCH_TIMEOUT_SECS 600

/* Drives a handle may have: one virtio-scsi target each (0..254), as
 * libguestfs's guestfs_max_disks. */
#define MAX_DISKS 255

enum state { CONFIG = 0, LAUNCHING = 1, READY = 2 };

struct drive {
  char *filename;               /* as the caller gave it */
  char *format;                 /* NULL: detected at launch */
  bool readonly;
  char *label;
  char *cachemode;              /* NULL (writeback) or "unsafe" */
  char *discard;                /* NULL (disable), "enable", "besteffort" */
  int blocksize;                /* 0: default */
  bool virtio_blk;              /* iface virtio-blk (default virtio-scsi) */
  bool copyonread;
  bool discard_on;              /* this launch passes discards (prepare_drives) */
  char *overlay;                /* qcow2 overlay of a read-only drive */
  bool scratch;                 /* our temp file: deleted at close */
  int slot;                     /* SCSI target */
  unsigned qid;                 /* qemu ids hdN, devN: never reused, as
                                 * qemu may free an unplugged drive's
                                 * id only later */
  bool plugged;                 /* in the running appliance */
  bool qemu_readonly;           /* qemu opens it read-only (filein-disk.c) */
  bool in_fdsets;               /* qemu has our descriptors of its files
                                 * (drive-fds.c), in these fd sets: */
  int fdset;                    /* the image, or the overlay */
  int backing_fdset;            /* the overlay's original (read-only) */
  bool fdset_blockdev, backing_blockdev; /* host block devices */
};

struct event_handler {
  guestfs_event_callback cb;    /* NULL: free slot */
  uint64_t events;
  int flags;
  void *opaque;
};

struct error_handler {
  guestfs_error_handler_cb cb;
  void *data;
  struct error_handler *next;
};

struct pdata {
  char *key;
  void *data;
};

/* Extra hypervisor parameters (guestfs_config). */
struct hv_param {
  char *param;
  char *value;                  /* NULL: none */
};

/* Answers of internal_feature_available, kept until the next launch. */
struct cached_feature {
  char *group;
  int result;                   /* 0 available, 1 not, 2 unknown group */
};

struct guestfs_h {
  struct guestfs_h *next;       /* all handles, for the atexit close */
  pthread_mutex_t lock;         /* one call at a time (recursive) */
  enum state state;

  /* Properties. */
  bool verbose, trace, autosync, close_on_exit, pgroup;
  int memsize, smp;
  char *path;                   /* appliance inputs directory */
  char *append;
  char *tmpdir_prop, *cachedir_prop;
  char *backend;
  char **backend_settings;
  char *hv;                     /* qemu binary */
  char *program;                /* informative (set_program) */
  char *identifier;             /* "" or prefixes trace messages */
  bool network;                 /* user-mode network in the appliance */
  bool recovery_proc;           /* qemu dies with the launching process */
  bool direct;                  /* console on our stdin/stdout */
  struct hv_param *hv_params;
  size_t nr_hv_params;
  struct cached_feature *features;
  size_t nr_features;

  struct drive **drives;
  size_t nr_drives;
  unsigned overlay_seq;         /* overlay file names */
  unsigned next_qid;            /* drive ids for the running qemu */

  /* Errors. */
  char *last_error;
  int last_errnum;
  guestfs_error_handler_cb error_cb;
  void *error_cb_data;
  struct error_handler *error_stack;
  guestfs_abort_cb abort_cb;

  struct event_handler *events;
  size_t nr_events;

  struct pdata *pdata;
  size_t nr_pdata;
  size_t pdata_iter;

  /* The running appliance. */
  char *tmpdir;                 /* this handle's temp dir (0700) */
  pid_t qemu_pid;
  pid_t watcher_pid;            /* kills qemu if we die (qemu-watch.c) */
  int sock;                     /* protocol channel, -1 if none */
  int console;                  /* qemu's serial console, -1 if none */
  int qmp;                      /* qemu's QMP monitor, -1 if none */
  char *qmp_buf, *qmp_line;     /* unparsed monitor input, last line */
  size_t qmp_len, qmp_alloc;
  bool qmp_ready;               /* greeting read, capabilities negotiated */
  /* Launch breakdown (guestfs_int_now () times; 0: not reached). */
  double t_launch, t_qemu, t_kernel, t_hello, t_restored;
  unsigned serial;
  volatile sig_atomic_t user_cancel;
  /* copy_in: the expected size of the piped upload of the next call,
   * so that the daemon can report progress (0 = unknown). */
  uint64_t filein_size_hint;
  unsigned char *rbuf;          /* buffered reads from sock */
  size_t rstart, rend;
  bool have_unread_word;        /* proto.c looked at the next word */
  uint32_t unread_word;
  char console_tail[4096];      /* last console bytes, for errors */
  size_t tail_len;
  bool kvm;                     /* this launch uses KVM */

  char *trace_buf;              /* the trace line being built */
  size_t trace_len;

  /* libvirt authentication (libvirt-auth.c). */
  int *libvirt_creds;           /* supported VIR_CRED_* kinds, or NULL */
  size_t nr_libvirt_creds;
  void *libvirt_requested;      /* virConnectCredentialPtr, only during an
                                   EVENT_LIBVIRT_AUTH callback */
  size_t nr_libvirt_requested;
};

/* ---- locking ---- */
static inline void
guestfs_int_unlock_cleanup (guestfs_h **gp)
{
  pthread_mutex_unlock (&(*gp)->lock);
}
#define ACQUIRE_LOCK_FOR_CURRENT_SCOPE(g) \
  guestfs_h *_lock_g __attribute__((cleanup (guestfs_int_unlock_cleanup))) = (g); \
  pthread_mutex_lock (&_lock_g->lock)

/* ---- errors.c ---- */
extern void guestfs_int_error_errno (guestfs_h *g, int errnum, const char *fs, ...)
  __attribute__((format (printf, 3, 4)));
extern void guestfs_int_perrorf (guestfs_h *g, const char *fs, ...)
  __attribute__((format (printf, 2, 3)));
#define guestfs_int_error(g, ...) guestfs_int_error_errno ((g), 0, __VA_ARGS__)
#define error(g, ...) guestfs_int_error_errno ((g), 0, __VA_ARGS__)
#define perrorf guestfs_int_perrorf
extern void guestfs_int_error_null_arg (guestfs_h *g, const char *fn, const char *arg);
extern void *guestfs_int_safe_malloc (guestfs_h *g, size_t n);
extern void *guestfs_int_safe_realloc (guestfs_h *g, void *p, size_t n);
extern char *guestfs_int_safe_strdup (guestfs_h *g, const char *s);
extern char *guestfs_int_safe_asprintf (guestfs_h *g, const char *fs, ...)
  __attribute__((format (printf, 2, 3)));
#define safe_malloc guestfs_int_safe_malloc
#define safe_realloc guestfs_int_safe_realloc
#define safe_strdup guestfs_int_safe_strdup
#define safe_asprintf guestfs_int_safe_asprintf

/* ---- events.c ---- */
extern void guestfs_int_call_callbacks_message (guestfs_h *g, uint64_t event,
                                                const char *buf, size_t len);
extern void guestfs_int_call_callbacks_array (guestfs_h *g, uint64_t event,
                                              const uint64_t *array, size_t len);
extern void guestfs_int_call_enter (guestfs_h *g, const char *name);
/* Debug message (LIBRARY event, shown with -v). */
extern void guestfs_int_debug (guestfs_h *g, const char *fs, ...)
  __attribute__((format (printf, 2, 3)));
#define debug(g, ...) \
  do { if (__builtin_expect ((g)->verbose, 0)) guestfs_int_debug ((g), __VA_ARGS__); } while (0)
extern void guestfs_int_warning (guestfs_h *g, const char *fs, ...)
  __attribute__((format (printf, 2, 3)));

/* ---- trace.c ---- */
extern int guestfs_int_trace_enabled (guestfs_h *g);
extern FILE *guestfs_int_trace_open (guestfs_h *g);
extern void guestfs_int_trace_close (guestfs_h *g, FILE *tr);
extern void guestfs_int_trace_error (guestfs_h *g, const char *name, const char *errv);
extern void guestfs_int_trace_str (FILE *tr, const char *s);
extern void guestfs_int_trace_strlist (FILE *tr, char *const *l);
extern void guestfs_int_trace_buffer (FILE *tr, const char *buf, size_t len);
extern void guestfs_int_trace_optarg_str (FILE *tr, const char *name, const char *s);
extern void guestfs_int_trace_optarg_strlist (FILE *tr, const char *name, char *const *l);
extern void guestfs_int_trace_retlist (FILE *tr, char *const *l);

/* ---- utils.c ---- */
extern double guestfs_int_now (void);   /* CLOCK_MONOTONIC, seconds */
extern size_t guestfs_int_count_strings (char *const *l);
extern void guestfs_int_free_string_list (char **l);
extern char **guestfs_int_copy_string_list (guestfs_h *g, char *const *l);
/* Turn an XDR string array into a NULL-terminated list, checking it. */
extern char **guestfs_int_take_string_list (guestfs_h *g, const char *name,
                                            u_int len, char **val, int hashtable);
extern int guestfs_int_check_ready (guestfs_h *g, const char *name);
extern int guestfs_int_check_config (guestfs_h *g, const char *name);
/* Run a program, collecting stdout (may be NULL); 0 on exit status 0. */
extern int guestfs_int_run_command (guestfs_h *g, char **out, const char *const *argv);
/* Double the commas: qemu option values use ',' as a separator. */
extern char *guestfs_int_qemu_escape (guestfs_h *g, const char *s);
/* rm -rf of a directory we created. */
extern void guestfs_int_remove_dir (const char *dir);
/* Bounded reads of small files. */
extern char *guestfs_int_read_small_file (const char *path, size_t max);

/* ---- tmpdirs.c ---- */
extern int guestfs_int_lazy_make_tmpdir (guestfs_h *g);
extern char *guestfs_int_get_cachedir (guestfs_h *g);
extern void guestfs_int_remove_tmpdir (guestfs_h *g);

/* ---- conn.c: the channel to the daemon and qemu's console ---- */
/* Read exactly len bytes; timeout_ms < 0 waits forever. */
extern int guestfs_int_conn_read (guestfs_h *g, void *buf, size_t len, int timeout_ms);
extern int guestfs_int_conn_write (guestfs_h *g, const void *buf, size_t len);
/* Is there unread data from the daemon (without blocking)? */
extern int guestfs_int_conn_readable (guestfs_h *g);
/* Wait for events on fd, serving the console: 1 ready, 0 timeout, -1 error. */
extern int guestfs_int_wait_fd (guestfs_h *g, int fd, short events, int timeout_ms);
/* Consume pending console output without blocking. */
extern void guestfs_int_conn_drain_console (guestfs_h *g);
/* The appliance went away: error with the console tail, tear down. */
extern void guestfs_int_appliance_died (guestfs_h *g, const char *what);

/* ---- proto.c: calls ---- */
struct guestfs_int_call {
  const char *name;
  int proc;
  xdrproc_t args_xdr;
  void *args;
  xdrproc_t ret_xdr;
  void *ret;
  uint64_t optargs_bitmask;
  const char *filein;           /* local file streamed after the call */
  const char *fileout;          /* local file receiving the stream */
};
extern int guestfs_int_rpc (guestfs_h *g, const struct guestfs_int_call *call);
/* Wait for the daemon's hello. */
extern int guestfs_int_recv_hello (guestfs_h *g, int timeout_ms);

/* ---- drives.c ---- */
extern int guestfs_int_prepare_drives (guestfs_h *g);
extern void guestfs_int_free_drives (guestfs_h *g);
extern void guestfs_int_drop_drives_after (guestfs_h *g, size_t n);
/* Image format from the first bytes of a file: "qcow2", "raw", ... */
extern const char *guestfs_int_detect_format (guestfs_h *g, const char *filename);

/* ---- appliance.c ---- */
struct appliance {
  char *kernel;
  char *initrd;
};
extern int guestfs_int_build_appliance (guestfs_h *g, struct appliance *ap);
extern void guestfs_int_free_appliance (struct appliance *ap);
extern const char *guestfs_int_appliance_path (guestfs_h *g);

/* ---- kvm.c ---- */
enum accel { ACCEL_TCG, ACCEL_KVM, ACCEL_KVM_PROBE };
extern enum accel guestfs_int_choose_accel (guestfs_h *g);
extern void guestfs_int_record_kvm_verdict (guestfs_h *g, bool works);
extern int guestfs_int_has_backend_setting (guestfs_h *g, const char *name);
extern const char *guestfs_int_hv (guestfs_h *g);
extern char *guestfs_int_hv_path (guestfs_h *g);

/* ---- launch-direct.c ---- */
struct launch_mode {
  bool use_kvm;
  bool with_drives;             /* false: drives are hot-plugged later */
  bool qmp;                     /* give qemu a monitor (g->qmp) */
  int incoming_fd;              /* >= 0: restore the saved state in it */
  bool restoring;               /* no kernel: the state has a booted one */
  const char *ram_path;         /* guest RAM in this file (warm launches) */
  bool ram_shared;              /* written back to it (saving) */
  bool wait_hello;              /* wait for the daemon's hello */
};
extern int guestfs_int_launch_direct (guestfs_h *g, const struct appliance *ap,
                                      const struct launch_mode *m, int timeout_ms);
/* Where a restoring qemu (-incoming defer) finds the state. */
extern const char *guestfs_int_incoming_uri (void);
/* The command line of mode m as one string (without -incoming). */
extern char *guestfs_int_qemu_cmdline_key (guestfs_h *g, const struct appliance *ap,
                                           const struct launch_mode *m);

/* ---- qemu-privs.c: the user and seccomp filter qemu runs with ---- */
/* -runas's argument, to free, or NULL: qemu keeps our user. */
extern char *guestfs_int_qemu_runas (guestfs_h *g);
/* Before a launch: does that user exist?  -1 with the error if not. */
extern int guestfs_int_check_runas (guestfs_h *g);
/* -sandbox's argument, or NULL for none. */
extern const char *guestfs_int_qemu_sandbox (guestfs_h *g, bool runas);

/* ---- drive-fds.c: drive files passed to a running qemu ---- */
/* Open d's files and give qemu the descriptors (d->in_fdsets). */
extern int guestfs_int_drive_pass_fds (guestfs_h *g, struct drive *d);
/* Take them back (after unplugging). */
extern void guestfs_int_drive_remove_fds (guestfs_h *g, struct drive *d);

/* ---- image-lock.c: images another process holds ---- */
/* Is msg qemu's report of a lock held by someone else? */
extern bool guestfs_int_is_lock_failure (const char *msg);
/* The error saying d's image is in use (EBUSY). */
extern void guestfs_int_image_locked_error (guestfs_h *g, const struct drive *d);
/* After a failed launch: if qemu's console says a drive was locked, set
 * that error and return 1. */
extern int guestfs_int_explain_lock_failure (guestfs_h *g);

/* ---- qemu-watch.c: qemu dies with us after -runas too ---- */
/* A watcher process for qemu, or -1 (in the debug log). */
extern pid_t guestfs_int_watch_qemu (guestfs_h *g, pid_t qemu);
/* Once qemu is reaped: the watcher too. */
extern void guestfs_int_reap_watcher (guestfs_h *g);

/* ---- qemu-drive.c ---- */
extern char *guestfs_int_drive_option (guestfs_h *g, const struct drive *d);
extern char *guestfs_int_device_option (guestfs_h *g, const struct drive *d);

/* ---- qmp.c: qemu's monitor ---- */
/* Run cmd (args consumed; fd_to_pass >= 0 goes along with SCM_RIGHTS);
 * returns its "return" value (to json_object_put) or NULL with error. */
extern json_object *guestfs_int_qmp (guestfs_h *g, const char *cmd, json_object *args,
                                     int fd_to_pass, int timeout_ms);
extern int guestfs_int_qmp_simple (guestfs_h *g, const char *cmd, json_object *args,
                                   int timeout_ms);
extern int guestfs_int_qmp_hmp (guestfs_h *g, const char *line, int timeout_ms);
extern void guestfs_int_qmp_close (guestfs_h *g);

/* ---- warm.c: saved appliance states ---- */
/* 0: the appliance runs (restored or booted and saved), drives not yet
 * plugged; -1: not possible now (reason in the debug log), cold boot. */
extern int guestfs_int_launch_warm (guestfs_h *g, const struct appliance *ap, bool use_kvm);

/* Drop qemu's fd set `set` (drive-fds.c), quietly: the caller's error stays. */
extern void guestfs_int_remove_fdset (guestfs_h *g, int set);

/* ---- filein-disk.c: large uploads through a read-only disk ---- */
struct filein_disk {
  struct drive d;
  int fdset;                    /* qemu's fd set holding the file, -1 */
};
/* Plug the regular file open on fd into the appliance; 0 on success, -1
 * if the data must be streamed instead (the reason in the debug log). */
extern int guestfs_int_filein_disk_attach (guestfs_h *g, const char *name, int fd,
                                           uint64_t size, struct filein_disk *fd_disk);
/* Unplug it; -1 if that failed, with the error set only if report
 * (a failed call keeps its own error). */
extern int guestfs_int_filein_disk_detach (guestfs_h *g, const char *name,
                                           struct filein_disk *fd_disk, bool report);

/* ---- hotplug.c ---- */
/* Plug every drive into a running appliance and wait until it sees them. */
extern int guestfs_int_hotplug_all (guestfs_h *g);
/* Fresh entropy and the host's clock for a restored appliance. */
extern int guestfs_int_reseed (guestfs_h *g);
/* One drive (already in g->drives, prepared) into or out of the appliance. */
extern int guestfs_int_hot_add (guestfs_h *g, struct drive *d);
extern int guestfs_int_hot_remove (guestfs_h *g, struct drive *d);
/* The monitor steps alone: no checks, no rescan by the daemon. */
extern int guestfs_int_plug_drive (guestfs_h *g, struct drive *d);
extern int guestfs_int_unplug_drive (guestfs_h *g, struct drive *d);
extern int guestfs_int_nr_plugged (guestfs_h *g);
extern int guestfs_int_next_slot (guestfs_h *g, const struct drive *d);
extern void guestfs_int_kill_qemu (guestfs_h *g);

/* ---- handle.c ---- */
extern void guestfs_int_close_connection (guestfs_h *g);

/* ---- environment.c ---- */
/* Set handle properties from LIBGUESTFS_* variables; lookup returns a
 * variable's value or NULL.  strict: a bad value is an error (-1). */
extern int guestfs_int_parse_environment (guestfs_h *g,
                                          const char *(*lookup) (void *, const char *),
                                          void *opaque, bool strict);

/* ---- available.c ---- */
extern void guestfs_int_free_features (guestfs_h *g);

/* ---- config.c ---- */
extern void guestfs_int_free_hv_params (guestfs_h *g);

/* ---- qemu-img.c ---- */
/* Run "qemu-img info --output json -U" on filename and return the
 * named top-level field as a string ("format", "backing-filename") or
 * the integer field in *num ("virtual-size").  Returns 1 if found, 0
 * if absent, -1 on error (set). */
extern int guestfs_int_qemu_img_info (guestfs_h *g, const char *filename,
                                      const char *field, char **str, int64_t *num);
/* Run qemu-img (argv); on failure the error names filename and quotes
 * qemu-img's message. */
extern int guestfs_int_run_qemu_img (guestfs_h *g, const char *filename, char **out,
                                     const char *const *argv);
/* A filename qemu cannot mistake for a protocol or a json: spec. */
extern char *guestfs_int_qemu_safe_filename (guestfs_h *g, const char *filename);

#endif /* GUESTFS_INTERNAL_H_ */
