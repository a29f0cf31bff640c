/* guestfsd: the architecture of a guest binary, from its ELF or PE
 * header, read directly (a few hundred bytes, every offset checked)
 * instead of running file(1) on guest data.  The names are
 * libguestfs's (guestfs_file_architecture): i386, x86_64, aarch64,
 * ppc64le... */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include "daemon.h"
#include "inspect.h"

static uint16_t
get16 (const unsigned char *p, bool be)
{
  return be ? (uint16_t) (p[0] << 8 | p[1]) : (uint16_t) (p[1] << 8 | p[0]);
}

static uint32_t
get32le (const unsigned char *p)
{
  return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16 |
    (uint32_t) p[3] << 24;
}

/* e_machine values (elf.h) and the names libguestfs gives them. */
static const char *
elf_arch (unsigned machine, bool is64, bool be)
{
  switch (machine) {
  case 3: case 6: return "i386";                /* EM_386, EM_486 */
  case 62: return "x86_64";                     /* EM_X86_64 */
  case 2: case 18: return "sparc";              /* EM_SPARC, EM_SPARC32PLUS */
  case 43: return "sparc64";                    /* EM_SPARCV9 */
  case 50: return "ia64";                       /* EM_IA_64 */
  case 20: return "ppc";                        /* EM_PPC */
  case 21: return be ? "ppc64" : "ppc64le";     /* EM_PPC64 */
  case 183: return "aarch64";                   /* EM_AARCH64 */
  case 40: return "arm";                        /* EM_ARM */
  case 243: return is64 ? "riscv64" : "riscv32"; /* EM_RISCV */
  case 22: return is64 ? "s390x" : "s390";      /* EM_S390 */
  case 258: return "loongarch64";               /* EM_LOONGARCH */
  case 8: return is64 ? "mips64" : "mips";      /* EM_MIPS */
  case 4: return "m68k";                        /* EM_68K */
  case 15: return "hppa";                       /* EM_PARISC */
  case 42: return "sh";                         /* EM_SH */
  case 9: return "s370";                        /* EM_S370 */
  case 0x9026: return "alpha";                  /* EM_ALPHA */
  default: return NULL;
  }
}

/* IMAGE_FILE_MACHINE_* of the COFF header. */
static const char *
pe_arch (unsigned machine, unsigned magic)
{
  switch (machine) {
  case 0x14c: return "i386";
  case 0x8664: return "x86_64";
  case 0xaa64: return "aarch64";
  case 0x1c0: case 0x1c4: return "arm";
  case 0x200: return "ia64";
  default:
    /* As libguestfs (from file(1)'s words): PE32 / PE32+. */
    return magic == 0x10b ? "i386" : magic == 0x20b ? "x86_64" : NULL;
  }
}

static bool
read_at (int fd, void *buf, size_t len, off_t off)
{
  ssize_t r = pread (fd, buf, len, off);
  return r == (ssize_t) len;
}

char *
inspect_file_arch (int root, const char *path)
{
  int fd = guest_open (root, path, O_RDONLY | O_NONBLOCK, true);
  unsigned char h[64];
  struct stat st;
  const char *arch = NULL;

  if (fd == -1)
    return NULL;
  if (fstat (fd, &st) == -1 || !S_ISREG (st.st_mode) ||
      !read_at (fd, h, sizeof h, 0))
    goto out;
  if (memcmp (h, "\177ELF", 4) == 0) {
    bool is64 = h[4] == 2, be = h[5] == 2;
    if ((h[4] == 1 || h[4] == 2) && (h[5] == 1 || h[5] == 2))
      arch = elf_arch (get16 (h + 18, be), is64, be);
  }
  else if (h[0] == 'M' && h[1] == 'Z') {
    uint32_t pe = get32le (h + 0x3c);
    unsigned char coff[26];

    /* "PE\0\0", the COFF header (20 bytes), the optional header magic. */
    if (pe >= 64 && pe < 16 * 1024 * 1024 && pe + sizeof coff <= (uint64_t) st.st_size &&
        read_at (fd, coff, sizeof coff, pe) && memcmp (coff, "PE\0\0", 4) == 0)
      arch = pe_arch (get16 (coff + 4, false), get16 (coff + 24, false));
  }
 out:
  close (fd);
  return arch ? strdup (arch) : NULL;
}

char *
inspect_unix_arch (int root)
{
  static const char *const bins[] = {
    "/bin/bash", "/bin/ls", "/bin/echo", "/bin/rm", "/bin/sh",
  };

  for (size_t i = 0; i < sizeof bins / sizeof bins[0]; ++i) {
    char *arch;

    if (!guest_is_file (root, bins[i], true))
      continue;
    arch = inspect_file_arch (root, bins[i]);
    if (arch)
      return arch;
  }
  return NULL;
}
