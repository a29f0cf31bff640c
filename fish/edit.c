/* guestfish: the edit command (and its aliases vi and emacs).  The guest
 * file is downloaded to a local temporary file and the editor run on it
 * ($EDITOR, default vi; the vi and emacs aliases choose those editors).
 * If the editor changed the file, it is uploaded to a new file with a
 * random name in the same guest directory, given the original's
 * permissions, owner and (when the library can copy them) extended
 * attributes such as the SELinux label, and renamed over the original.
 * So the original is replaced in one step, never left half written.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "fish.h"

/* "/dir/name" -> "/dir/XXXXXXXX" with random letters, or NULL. */
static char *
random_sibling (const char *path)
{
  static const char chars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  const char *slash = strrchr (path, '/');
  size_t dirlen = slash ? (size_t) (slash - path) + 1 : 0;
  unsigned char rnd[8];
  char *ret;
  FILE *fp;

  ret = malloc (dirlen + sizeof rnd + 1);
  fp = fopen ("/dev/urandom", "re");
  if (ret == NULL || fp == NULL || fread (rnd, 1, sizeof rnd, fp) != sizeof rnd) {
    perror ("/dev/urandom");
    free (ret);
    if (fp)
      fclose (fp);
    return NULL;
  }
  fclose (fp);
  memcpy (ret, path, dirlen);
  for (size_t i = 0; i < sizeof rnd; ++i)
    ret[dirlen + i] = chars[rnd[i] % (sizeof chars - 1)];
  ret[dirlen + sizeof rnd] = '\0';
  return ret;
}

/* Give newpath the mode, owner and attributes of path. */
static int
copy_attributes (const char *path, const char *newpath)
{
#ifdef GUESTFS_HAVE_COPY_ATTRIBUTES
  return guestfs_copy_attributes (g, path, newpath,
                                  GUESTFS_COPY_ATTRIBUTES_ALL, 1, -1);
#else
  struct guestfs_statns *st = guestfs_statns (g, path);
  int r;

  if (st == NULL)
    return -1;
  r = guestfs_chown (g, st->st_uid, st->st_gid, newpath);
  if (r == 0)
    r = guestfs_chmod (g, st->st_mode & 07777, newpath);
  guestfs_free_statns (st);
  return r;
#endif
}

/* Upload the edited file next to the original and rename it over. */
static int
replace_file (const char *local, const char *path)
{
  char *newpath = random_sibling (path);
  int r;

  if (newpath == NULL)
    return -1;
  r = guestfs_upload (g, local, newpath);
  if (r == 0)
    r = copy_attributes (path, newpath);
  if (r == 0)
    r = guestfs_mv (g, newpath, path);
  if (r == -1) {
    /* Don't leave the new copy behind in the guest. */
    guestfs_push_error_handler (g, NULL, NULL);
    guestfs_rm_f (g, newpath);
    guestfs_pop_error_handler (g);
  }
  free (newpath);
  return r;
}

int
fish_run_edit (const char *cmd, size_t argc, char *argv[])
{
  struct fish_file_state before, after;
  const char *editor;
  char *local;
  int r = -1;

  if (argc != 1) {
    fish_wrong_args_seen = 1;
    fprintf (stderr, "use '%s filename' to edit a file\n", cmd);
    return -1;
  }

  if (fish_name_matches (cmd, "vi"))
    editor = "vi";
  else if (fish_name_matches (cmd, "emacs"))
    editor = "emacs -nw";
  else {
    editor = getenv ("EDITOR");
    if (editor == NULL || *editor == '\0')
      editor = "vi";
  }

  local = fish_tmpfile ();
  if (local == NULL)
    return -1;
  if (guestfs_download (g, argv[0], local) == -1 ||
      fish_file_state (local, &before) == -1 ||
      fish_run_program (cmd, editor, local) == -1 ||
      fish_file_state (local, &after) == -1)
    goto out;

  r = 0;
  if (fish_file_changed (&before, &after))
    r = replace_file (local, argv[0]);

 out:
  unlink (local);
  free (local);
  return r;
}
