/* guestfsd: file_architecture.  The daemon reads the headers itself: the
 * ELF header's class, byte order and machine, or a PE executable's
 * machine field.  Compressed files (kernel modules) and initrds (cpio
 * archives, compressed or not) are opened with libarchive, in memory:
 * nothing from the guest is extracted or run, and no external program
 * parses it. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

#include <archive.h>
#include <archive_entry.h>

#include "daemon.h"
#include "actions.h"
#include "files.h"
#include "files2.h"

/* How much of the start of a file (or of an initrd member) is looked
 * at: enough for the ELF header and for most PE headers. */
#define HEAD_SIZE 4096

static unsigned
get16 (const unsigned char *p, bool big_endian)
{
  return big_endian ? (p[0] << 8) | p[1] : p[0] | (p[1] << 8);
}

static uint32_t
get32le (const unsigned char *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((uint32_t) p[3] << 24);
}

/* The architecture of an ELF file from its header, or NULL. */
static const char *
elf_arch (const unsigned char *h, size_t len)
{
  bool is64, be;

  if (len < 20 || memcmp (h, "\177ELF", 4) != 0)
    return NULL;
  if ((h[4] != 1 && h[4] != 2) || (h[5] != 1 && h[5] != 2))
    return NULL;
  is64 = h[4] == 2;
  be = h[5] == 2;
  switch (get16 (h + 18, be)) {
  case 2: case 18: return "sparc";         /* EM_SPARC, EM_SPARC32PLUS */
  case 3: case 6: return "i386";           /* EM_386, EM_486 */
  case 8:                                   /* EM_MIPS */
    return is64 ? (be ? "mips64" : "mips64el") : (be ? "mips" : "mipsel");
  case 20: return "ppc";                    /* EM_PPC */
  case 21: return be ? "ppc64" : "ppc64le"; /* EM_PPC64 */
  case 22: return is64 ? "s390x" : "s390";  /* EM_S390 */
  case 40: return "arm";                    /* EM_ARM */
  case 43: return "sparc64";                /* EM_SPARCV9 */
  case 50: return "ia64";                   /* EM_IA_64 */
  case 62: return "x86_64";                 /* EM_X86_64 */
  case 183: return "aarch64";               /* EM_AARCH64 */
  case 243: return is64 ? "riscv64" : "riscv32"; /* EM_RISCV */
  case 258: return is64 ? "loongarch64" : "loongarch32";
  default: return NULL;
  }
}

/* The architecture of a PE executable or DLL.  The header is found
 * through e_lfanew, read with pread from fd (or in h when fd < 0). */
static const char *
pe_arch (int fd, const unsigned char *h, size_t len)
{
  unsigned char pe[26];
  size_t n;
  uint32_t off;

  if (len < 64 || h[0] != 'M' || h[1] != 'Z')
    return NULL;
  off = get32le (h + 0x3c);
  if (fd >= 0) {
    ssize_t r = pread (fd, pe, sizeof pe, off);
    n = r > 0 ? (size_t) r : 0;
  }
  else {
    n = off < len ? len - off : 0;
    if (n > sizeof pe)
      n = sizeof pe;
    if (n > 0)
      memcpy (pe, h + off, n);
  }
  if (n < 6 || memcmp (pe, "PE\0\0", 4) != 0)
    return NULL;
  switch (get16 (pe + 4, false)) {
  case 0x14c: return "i386";
  case 0x8664: return "x86_64";
  case 0xaa64: return "aarch64";
  case 0x1c0: case 0x1c2: case 0x1c4: return "arm";
  case 0x200: return "ia64";
  }
  /* Otherwise by the optional header: PE32 or PE32+. */
  if (n < sizeof pe)
    return NULL;
  switch (get16 (pe + 24, false)) {
  case 0x10b: return "i386";
  case 0x20b: return "x86_64";
  default: return NULL;
  }
}

/* Programs looked for in an initrd: any of them tells its architecture. */
static bool
is_initrd_binary (const char *name)
{
  static const char *const names[] = {
    "bin/ls", "bin/rm", "bin/modprobe", "sbin/modprobe", "bin/sh",
    "bin/bash", "bin/dash", "bin/busybox", "sbin/insmod", "bin/kmod",
    "sbin/init", "lib/systemd/systemd",
  };

  while (*name == '/' || (name[0] == '.' && name[1] == '/'))
    name += *name == '/' ? 1 : 2;
  if (STRPREFIX (name, "usr/"))
    name += 4;
  for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i)
    if (STREQ (name, names[i]))
      return true;
  return false;
}

/* The start of the current entry's data. */
static size_t
entry_head (struct archive *a, unsigned char *buf)
{
  size_t len = 0;

  while (len < HEAD_SIZE) {
    la_ssize_t n = archive_read_data (a, buf + len, HEAD_SIZE - len);
    if (n <= 0)
      break;
    len += n;
  }
  return len;
}

/* A compressed file, or an initrd: look inside with libarchive.  The
 * decompressors are libarchive's own. */
static const char *
archive_arch (int fd)
{
  static unsigned char buf[HEAD_SIZE];
  struct archive *a = archive_read_new ();
  struct archive_entry *e;
  const char *arch = NULL;

  if (a == NULL)
    return NULL;
  archive_read_support_filter_gzip (a);
  archive_read_support_filter_bzip2 (a);
  archive_read_support_filter_xz (a);
  archive_read_support_filter_lzma (a);
  archive_read_support_filter_zstd (a);
  archive_read_support_filter_lz4 (a);
  archive_read_support_filter_compress (a);
  archive_read_support_format_cpio (a);
  archive_read_support_format_raw (a);
  if (lseek (fd, 0, SEEK_SET) == -1 ||
      archive_read_open_fd (a, fd, 65536) != ARCHIVE_OK)
    goto out;

  while (arch == NULL && archive_read_next_header (a, &e) == ARCHIVE_OK) {
    if (archive_format (a) == ARCHIVE_FORMAT_RAW) {
      /* A compressed file: what it holds.  Only one level deep. */
      if (archive_filter_count (a) > 1) {
        size_t len = entry_head (a, buf);
        arch = elf_arch (buf, len);
        if (arch == NULL)
          arch = pe_arch (-1, buf, len);
      }
      break;
    }
    if (archive_entry_filetype (e) == AE_IFREG &&
        archive_entry_pathname (e) &&
        is_initrd_binary (archive_entry_pathname (e)))
      arch = elf_arch (buf, entry_head (a, buf));
  }
 out:
  archive_read_free (a);
  return arch;
}

char *
do_file_architecture (const char *filename)
{
  CLEANUP_CLOSE int fd = -1;
  unsigned char head[64];
  const char *arch;
  struct stat st;
  ssize_t n;
  char *r;

  fd = open_for_reading (filename, &st);
  if (fd == -1)
    return NULL;
  do
    n = pread (fd, head, sizeof head, 0);
  while (n == -1 && errno == EINTR);
  if (n == -1) {
    reply_with_perror ("%s", filename);
    return NULL;
  }
  arch = elf_arch (head, n);
  if (arch == NULL)
    arch = pe_arch (fd, head, n);
  if (arch == NULL)
    arch = archive_arch (fd);
  if (arch == NULL) {
    reply_with_error ("%s: unknown architecture", filename);
    return NULL;
  }
  r = strdup (arch);
  if (r == NULL)
    reply_with_perror ("strdup");
  return r;
}
