/* virt-edit: edit files in a guest, with $EDITOR or, with -e, a Perl
 * expression run over each line, as libguestfs's virt-edit does.  This
 * file has the options and the walk over the files: each is resolved
 * (Windows paths, symbolic links followed to the file they name),
 * downloaded to a private local directory, changed there (local.c) and,
 * only if its content changed, put back in one rename (replace.c).  The
 * first failure stops the program, leaving that file and the rest as
 * they were.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <unistd.h>

#include "options.h"
#include "edit.h"

enum { OPT_BACKUP = TOOLS_OPT_TOOL, OPT_EXPR };

static const char short_options[] = TOOLS_SHORT_OPTIONS "b:e:m:";
static const struct option long_options[] = {
  TOOLS_LONG_OPTIONS_NO_RO,
  TOOLS_MOUNT_LONG_OPTION,
  { "backup", 1, 0, 'b' },
  { "edit", 1, 0, 'e' },
  { "expr", 1, 0, 'e' },
  { 0, 0, 0, 0 }
};

static const char *backup_ext, *expr;

static void __attribute__((noreturn))
usage (int status)
{
  if (status != EXIT_SUCCESS)
    tools_try_help ();
  printf ("virt-edit: Edit a file in a virtual machine\n"
          "Usage:\n"
          "  virt-edit [--options] -d domname file [file ...]\n"
          "  virt-edit [--options] -a disk.img [-a disk.img ...] file [file ...]\n");
  tools_print_options ("  -b|--backup .ext     Backup original as original.ext\n"
                       "  -e|--edit|--expr expr\n"
                       "                       Non-interactive editing using Perl expr\n");
  printf ("For more information, see the manpage virt-edit(1).\n");
  exit (EXIT_SUCCESS);
}

/* A file argument must be absolute, or a Windows path with a drive
 * letter or a leading backslash; checked before anything starts.
 */
static void
check_file_argument (const char *arg)
{
  if (arg[0] == '/' || arg[0] == '\\' ||
      (isalpha ((unsigned char) arg[0]) && arg[1] == ':'))
    return;
  tools_error ("%s: the file name must be an absolute path in the guest "
               "(starting with /)", arg);
  exit (EXIT_FAILURE);
}

/* The guest path to edit for ARG, or NULL (reported). */
static char *
resolve (const char *root, int windows, const char *arg)
{
  char *path = windows ? tools_windows_path (root, arg) : strdup (arg);
  char *real;
  int r;

  if (path == NULL)
    return NULL;
  /* Edit the file a symbolic link names; never replace the link. */
  r = guestfs_is_symlink (tools.g, path);
  if (r == 1) {
    real = guestfs_realpath (tools.g, path);
    free (path);
    path = real;
    if (path == NULL)
      return NULL;
  }
  else if (r == -1) {
    free (path);
    return NULL;
  }

  r = guestfs_is_file (tools.g, path);
  if (r == 1)
    return path;
  if (r == 0) {
    if (guestfs_exists (tools.g, path) == 1)
      tools_error ("%s: not a regular file", arg);
    else
      tools_error ("%s: No such file or directory "
                   "(virt-edit cannot create files)", arg);
  }
  free (path);
  return NULL;
}

/* Edit one file: 0 or -1 (reported). */
static int
edit_one (const char *root, int windows, const char *arg)
{
  char *path, *local = NULL, *other = NULL;
  const char *newfile;
  int r = -1, changed;

  path = resolve (root, windows, arg);
  if (path == NULL)
    return -1;
  local = edit_local_name (path, "");
  other = edit_local_name (path, expr ? ".virt-edit-new" : ".virt-edit-orig");
  if (guestfs_download (tools.g, path, local) == -1)
    goto out;

  if (expr) {
    if (edit_run_perl (expr, local, other) == -1)
      goto out;
    changed = edit_files_differ (local, other);
    newfile = other;
  }
  else {
    if (edit_copy_local (local, other) == -1 ||
        edit_run_editor (local) == -1)
      goto out;
    changed = edit_files_differ (other, local);
    newfile = local;
  }

  if (changed == 0) {
    if (!expr)
      printf ("File not changed.\n");   /* as libguestfs says */
    r = 0;
  }
  else if (changed == 1)
    r = edit_replace (path, newfile, backup_ext);

 out:
  unlink (local);
  unlink (other);
  free (local);
  free (other);
  free (path);
  return r;
}

/* "virt-edit disk.img [disk.img ...] file" or "virt-edit guest file",
 * from before -a and -d: every argument but the last names a disk image
 * (when it has a '/' or exists) or a libvirt guest.
 */
static void
old_style_arguments (int argc, char *argv[])
{
  for (; optind < argc - 1; ++optind) {
    const char *arg = argv[optind];

    tools_handle_option (strchr (arg, '/') || access (arg, F_OK) == 0
                         ? 'a' : 'd', arg);
  }
}

int
main (int argc, char *argv[])
{
  char *root;
  int c, windows, errors = 0;

  tools_init ("virt-edit", argv, usage, short_options, long_options);
  tools.writable = 1;
  while ((c = getopt_long (argc, argv, short_options, long_options,
                           NULL)) != -1) {
    if (tools_handle_option (c, optarg))
      continue;
    switch (c) {
    case 'b':
      if (backup_ext) {
        tools_error ("-b option given multiple times");
        exit (EXIT_FAILURE);
      }
      if (optarg[0] == '\0' || strchr (optarg, '/')) {
        tools_error ("-b: ‘%s’ is not a file name extension", optarg);
        exit (EXIT_FAILURE);
      }
      backup_ext = optarg;
      break;
    case 'e':
      if (expr) {
        tools_error ("-e option given multiple times");
        exit (EXIT_FAILURE);
      }
      expr = optarg;
      break;
    default:
      usage (EXIT_FAILURE);
    }
  }

  if (tools.nr_drives == 0 && argc - optind >= 2)
    old_style_arguments (argc, argv);
  if (optind >= argc)
    usage (EXIT_FAILURE);
  tools_check_drives ();
  for (int i = optind; i < argc; ++i)
    check_file_argument (argv[i]);
  if (edit_local_dir () == NULL)
    exit (EXIT_FAILURE);

  tools_add_drives_and_launch ();
  root = tools_mount_guest ();
  windows = tools_is_windows (root);

  for (int i = optind; i < argc; ++i)
    if (edit_one (root, windows, argv[i]) == -1) {
      errors++;
      break;
    }

  free (root);
  return tools_finish (errors);
}
