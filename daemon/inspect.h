/* guestfsd: declarations shared by the inspection files (inspect*.c).
 *
 * inspect_os (inspect.c) probes every filesystem list_filesystems
 * reports: it mounts it read-only on a private directory, classifies it
 * (inspect-linux.c, inspect-windows.c) and keeps what it found in
 * memory; the inspect_get_* calls (inspect-get.c) answer from there.
 * Guest files are read through a directory fd of the private mount with
 * every path resolved inside it (inspect-files.c), with bounded sizes:
 * the guest is hostile.  None of these helpers reply unless they say
 * so. */

#ifndef GUESTFSD_INSPECT_H_
#define GUESTFSD_INSPECT_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Bounds on what a guest can make us read or keep. */
#define INSPECT_SMALL_FILE_MAX (2 * 1000 * 1000) /* release files, fstab... */
#define INSPECT_STRING_MAX 4096        /* one value kept (product name...) */
#define INSPECT_FSTAB_MAX 1024         /* fstab entries kept per root */
#define INSPECT_DRIVES_MAX 26          /* drive letters */

enum inspect_role { ROLE_OTHER, ROLE_ROOT, ROLE_USR };

struct inspect_fstab {
  char *mountable;              /* API name ("/dev/sda1", "btrfsvol:...") */
  char *mountpoint;             /* "/boot", or "swap", "none"... */
};

struct inspect_drive {
  char letter;                  /* 'C' */
  char *device;                 /* API name */
};

/* What inspection found on one filesystem.  Strings are malloc'd or
 * NULL (unknown). */
struct inspect_fs {
  char *mountable;              /* API name */
  char *kernel;                 /* the same as the kernel names it */
  char *vfs_type;
  enum inspect_role role;
  char *os_type;                /* "linux", "windows"... */
  char *distro;
  char *product_name, *product_variant;
  bool has_version;
  int major, minor;
  char *arch, *hostname, *build_id;
  char *package_format, *package_management;
  char *windows_systemroot, *windows_software_hive, *windows_system_hive;
  char *windows_current_control_set;
  int windows_group_policy;     /* -1: unknown */
  struct inspect_fstab *fstab;
  size_t nr_fstab;
  bool fstab_known;             /* fstab was read (Linux, BSD) */
  struct inspect_drive *drives;
  size_t nr_drives;
};

/* The addresses of every string field of an inspect_fs, for code that
 * visits them all (an initializer list of char **). */
#define INSPECT_FS_STRINGS(fs) \
  &(fs)->mountable, &(fs)->kernel, &(fs)->vfs_type, &(fs)->os_type, \
  &(fs)->distro, &(fs)->product_name, &(fs)->product_variant, &(fs)->arch, \
  &(fs)->hostname, &(fs)->build_id, &(fs)->package_format, \
  &(fs)->package_management, &(fs)->windows_systemroot, \
  &(fs)->windows_software_hive, &(fs)->windows_system_hive, \
  &(fs)->windows_current_control_set

/* One block device list_filesystems reported, with its probed tags. */
struct inspect_dev {
  char *api, *kernel;           /* kernel is NULL for btrfsvol: entries */
  char *type, *uuid, *label, *partuuid, *partlabel;
};

/* ---- inspect.c: the results of the last inspect_os ---- */
extern struct inspect_fs *inspect_fses;
extern size_t inspect_nr_fses;
extern struct inspect_dev *inspect_devs;
extern size_t inspect_nr_devs;
/* The inspected root named by a resolved Mountable argument; replies and
 * returns NULL if inspect_os was not called or it is not a root. */
extern struct inspect_fs *inspect_find_root (const char *mountable);
/* Free every field of fs and zero it. */
extern void inspect_free_fs (struct inspect_fs *fs);
/* Kernel mountable of an API name from the device table, or NULL. */
extern const char *inspect_kernel_name (const char *api);
/* strdup bounded to INSPECT_STRING_MAX, with trailing whitespace
 * trimmed; NULL on allocation failure. */
extern char *inspect_strdup (const char *s);
/* Replace *field with a copy of s (bounded); -1 on allocation failure. */
extern int inspect_set (char **field, const char *s);

/* ---- inspect-files.c: guest files under a root directory fd ---- */
/* open(2) a guest path relative to the root fd, every component
 * resolved inside it.  follow: whether a symlink as last component is
 * followed.  -1 with errno. */
extern int guest_open (int root, const char *path, int flags, bool follow);
extern bool guest_is_file (int root, const char *path, bool follow);
extern bool guest_is_dir (int root, const char *path, bool follow);
/* Is path a symlink whose target is exactly target? */
extern bool guest_is_symlink_to (int root, const char *path,
                                 const char *target);
/* Contents of a regular file of at most max bytes, NUL-terminated
 * (*len_r gets the length); NULL with errno (EFBIG if too large). */
extern char *guest_read_file (int root, const char *path, size_t max,
                              size_t *len_r);
/* The file's lines (no \n or \r\n), NULL-terminated; NULL with errno. */
extern char **guest_read_lines (int root, const char *path);
/* The same for the contents of a file already read (an embedded NUL
 * ends its line). */
extern char **inspect_split_lines (const char *buf, size_t len);
/* The first line, "" if empty; NULL with errno. */
extern char *guest_read_first_line (int root, const char *path);
/* The path with each component matched case-insensitively against the
 * guest's directory entries ("/windows/system32" ->
 * "/Windows/System32"), NULL if some component does not exist. */
extern char *guest_case_path (int root, const char *path);
extern bool guest_is_file_nocase (int root, const char *path);
extern bool guest_is_dir_nocase (int root, const char *path);
/* Shell-style unquoting of a KEY=VALUE value ('...', "..." with
 * backslash escapes), malloc'd. */
extern char *shell_unquote (const char *s);
/* The first "major.minor" (or "major") number pair in s.  true if
 * found. */
extern bool parse_version (const char *s, int *major, int *minor);
extern void free_lines (char **lines);

/* ---- inspect-mount.c: private read-only mounts ---- */
/* Mount a kernel mountable ("/dev/sdc1", "btrfsvol:/dev/sdc1/vol")
 * read-only on a new private directory; the type is probed unless
 * vfs_type is given.  Returns the directory (malloc'd) or NULL with
 * errno. */
extern char *inspect_mount_private (const char *kernel, const char *vfs_type);
/* Mount another filesystem on a guest directory (resolved inside the
 * tree mounted at dir).  -1 with errno. */
extern int inspect_mount_under (const char *dir, const char *mountpoint,
                                const char *kernel);
/* Unmount everything at and below dir, remove dir and free it. */
extern void inspect_unmount_private (char *dir);
/* Mount the root's filesystems as the guest would (root first, then its
 * fstab mountpoints, shortest first; failures below / are skipped).
 * Replies and returns NULL on error. */
extern char *inspect_mount_root_tree (const struct inspect_fs *fs);

/* ---- inspect-linux.c ---- */
/* Classify the filesystem mounted at root fd: fills fs (role and
 * data).  -1 only on allocation failure. */
extern int inspect_check_unix (int root, struct inspect_fs *fs, bool *matched);
/* Package format and management from distro and version. */
extern int inspect_package_info (int root, struct inspect_fs *fs);
/* The contents of an os-release or lsb-release file, into fs: 1 if it
 * told enough, 0 if not, -1 on allocation failure. */
extern int inspect_parse_os_release (const char *buf, size_t len, struct inspect_fs *fs);
extern int inspect_parse_lsb_release (const char *buf, size_t len, struct inspect_fs *fs);

/* ---- inspect-fstab.c ---- */
/* Read /etc/fstab of the root and resolve its devices. */
extern int inspect_check_fstab (int root, struct inspect_fs *fs);
/* The same for the contents of the file (fs->os_type and fs->mountable
 * set); -1 on allocation failure. */
extern int inspect_parse_fstab (const char *buf, size_t len, struct inspect_fs *fs);
/* Probe the devices list_filesystems found (tags for UUID= etc.). */
extern void inspect_probe_dev (struct inspect_dev *d);

/* ---- inspect-arch.c ---- */
/* Architecture of an ELF or PE file ("x86_64"), malloc'd; NULL if it
 * cannot be told. */
extern char *inspect_file_arch (int root, const char *path);
/* Of the first of /bin/bash, /bin/ls... that exists. */
extern char *inspect_unix_arch (int root);

/* ---- inspect-windows.c ---- */
/* Does the filesystem hold a Windows system root?  If so, fill fs. */
extern int inspect_check_windows (int root, struct inspect_fs *fs, bool *matched);
/* What inspection reads from the SOFTWARE and SYSTEM hives at these
 * guest paths (a hive that cannot be opened is skipped); -1 on
 * allocation failure. */
extern int inspect_windows_registry (int root, const char *software,
                                     const char *system, struct inspect_fs *fs);
/* Is it a Windows data volume? */
extern bool inspect_is_windows_volume (int root);

/* ---- inspect-apps.c / inspect-rpm.c / inspect-icon.c ---- */
struct inspect_app {
  char *name, *display_name;
  int32_t epoch;
  char *version, *release, *arch, *install_path, *publisher, *url;
  char *source_package, *summary, *description;
};
struct inspect_apps {
  struct inspect_app *v;
  size_t n, alloc;
};
#define INSPECT_APPS_MAX 200000
/* Add an application (NULL fields become ""); -1 on allocation failure
 * or too many. */
extern int inspect_add_app (struct inspect_apps *apps, const char *name,
                            const char *display_name, int32_t epoch,
                            const char *version, const char *release,
                            const char *arch, const char *install_path,
                            const char *publisher, const char *url,
                            const char *source, const char *summary,
                            const char *description);
extern void inspect_free_apps (struct inspect_apps *apps);
/* Split "[epoch:]version[-release]" (the first '-', as libguestfs
 * does) into its parts; epoch -1 if it is not a number. */
extern void inspect_split_evr (char *evr, int32_t *epoch, char **version,
                               char **release);
/* inspect-apps-linux.c: dpkg, apk and pacman databases of the guest
 * tree at root.  Replies on error. */
extern int inspect_list_deb (int root, struct inspect_apps *apps);
extern int inspect_list_apk (int root, struct inspect_apps *apps);
extern int inspect_list_pacman (int root, struct inspect_apps *apps);
/* The parsers of those files' contents (buf NUL-terminated, modified in
 * place): dpkg's status, apk's installed, one pacman desc.  -1 with
 * errno on allocation failure (no reply). */
extern int inspect_parse_dpkg_status (char *buf, struct inspect_apps *apps);
extern int inspect_parse_apk_installed (char *buf, struct inspect_apps *apps);
extern int inspect_parse_pacman_desc (char *buf, struct inspect_apps *apps);
/* inspect-rpm.c: RPM packages of the guest tree at root.  Replies on
 * error. */
extern int inspect_list_rpm (int root, struct inspect_apps *apps);
/* The parser of rpm's output (one package a line, shell-quoted fields);
 * -1 with errno on allocation failure (no reply). */
extern int inspect_parse_rpm_output (const char *out, struct inspect_apps *apps);
/* inspect-apps-win.c: applications from the Windows SOFTWARE hive.
 * Replies on error. */
extern int inspect_list_windows_apps (int root, const struct inspect_fs *fs,
                                      struct inspect_apps *apps);
/* Open a guest hive with hivex (hive_h *), NULL with errno. */
extern void *inspect_open_hive (int root, const char *path);

#endif /* GUESTFSD_INSPECT_H_ */
