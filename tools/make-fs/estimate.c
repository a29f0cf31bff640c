/* virt-make-fs: how much the input holds, to size the filesystem.  A
 * directory is walked (symbolic links not followed, hard links counted
 * once per walk entry); a tar archive is read through with libarchive,
 * which also names its compression for tar_in.  Sizes are rounded up to
 * 4K blocks, and every entry counted, for the inodes and directory
 * entries it will take.
 */

#define _GNU_SOURCE 1
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <ftw.h>
#include <sys/stat.h>

#include <archive.h>
#include <archive_entry.h>

#include "options.h"
#include "make-fs.h"

#define ROUND4K(n) (((uint64_t) (n) + 4095) & ~(uint64_t) 4095)

static struct makefs_input *walk_in;

static int
walk_entry (const char *path, const struct stat *st, int flag,
            struct FTW *ftw)
{
  walk_in->entries++;
  if (S_ISREG (st->st_mode) || S_ISLNK (st->st_mode))
    walk_in->bytes += ROUND4K (st->st_size);
  return 0;
}

static int
estimate_dir (const char *dir, struct makefs_input *in)
{
  walk_in = in;
  if (nftw (dir, walk_entry, 64, FTW_PHYS) == -1) {
    tools_error ("%s: %s", dir, strerror (errno));
    return -1;
  }
  return 0;
}

/* libarchive's filter code to tar_in's compress name. */
static const char *
compress_name (int code)
{
  switch (code) {
  case ARCHIVE_FILTER_NONE: return NULL;
  case ARCHIVE_FILTER_GZIP: return "gzip";
  case ARCHIVE_FILTER_BZIP2: return "bzip2";
  case ARCHIVE_FILTER_COMPRESS: return "compress";
  case ARCHIVE_FILTER_LZMA: return "lzma";
  case ARCHIVE_FILTER_XZ: return "xz";
  case ARCHIVE_FILTER_LZOP: return "lzop";
  case ARCHIVE_FILTER_ZSTD: return "zstd";
  default: return "?";
  }
}

static int
estimate_tar (const char *file, struct makefs_input *in)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *e;
  int r;

  if (a == NULL) {
    tools_error ("archive_read_new: out of memory");
    return -1;
  }
  archive_read_support_filter_all (a);
  archive_read_support_format_tar (a);
  archive_read_support_format_gnutar (a);
  if (archive_read_open_filename (a, file, 65536) != ARCHIVE_OK)
    goto error;
  while ((r = archive_read_next_header (a, &e)) == ARCHIVE_OK) {
    in->entries++;
    if (archive_entry_size_is_set (e) && archive_entry_size (e) > 0)
      in->bytes += ROUND4K (archive_entry_size (e));
    if (archive_read_data_skip (a) != ARCHIVE_OK)
      goto error;
  }
  if (r != ARCHIVE_EOF)
    goto error;
  if (in->entries == 0) {
    tools_error ("%s: not a tar archive (or an empty one)", file);
    archive_read_free (a);
    return -1;
  }
  in->compress = compress_name (archive_filter_code (a, 0));
  if (in->compress && STREQ (in->compress, "?")) {
    tools_error ("%s: unsupported compression (%s)", file,
                 archive_filter_name (a, 0));
    archive_read_free (a);
    return -1;
  }
  archive_read_free (a);
  return 0;

 error:
  tools_error ("%s: not a tar archive: %s", file, archive_error_string (a));
  archive_read_free (a);
  return -1;
}

int
makefs_estimate (const char *input, struct makefs_input *in)
{
  struct stat st;

  memset (in, 0, sizeof *in);
  if (stat (input, &st) == -1) {
    tools_error ("%s: %s", input, strerror (errno));
    return -1;
  }
  if (S_ISDIR (st.st_mode)) {
    in->is_dir = 1;
    return estimate_dir (input, in);
  }
  return estimate_tar (input, in);
}
