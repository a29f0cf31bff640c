/* guestfsd: hexdump, strings and strings_e.  Both are done here rather
 * than by running hexdump(1) and strings(1): the output formats are
 * simple, nothing that parses object files (strings' CVE-2014-8484)
 * meets guest data, and the output can be bounded as it is made.  The
 * results match `hexdump -C` and `strings -a -e ENC` (minimum length 4). */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "files.h"
#include "files2.h"

/* The most output either call builds in memory; the reply then holds a
 * second copy.  Far beyond any human use: bigger files are for
 * download. */
#define DUMP_MAX ((size_t) 256 * 1024 * 1024)

static void
reply_too_large (const char *path)
{
  reply_with_error_errno (EFBIG, "%s: the result would be larger than %zu MiB; "
                          "use download instead", path, DUMP_MAX >> 20);
}

/* Bytes of a file by absolute position, through a window, so that a
 * scan can step back a little (strings does). */
struct reader {
  int fd;
  unsigned char buf[65536];
  uint64_t base;
  size_t len;
};

/* The byte at pos, -1 at end of file, -2 on error (errno set). */
static int
byte_at (struct reader *r, uint64_t pos)
{
  if (pos < r->base || pos >= r->base + r->len) {
    ssize_t n;
    do
      n = pread (r->fd, r->buf, sizeof r->buf, pos);
    while (n == -1 && errno == EINTR);
    if (n == -1)
      return -2;
    r->base = pos;
    r->len = n;
    if (n == 0)
      return -1;
  }
  return r->buf[pos - r->base];
}

/* ---- hexdump ---- */

struct outbuf {
  char *data;
  size_t len, alloc;
};

static int
out_append (struct outbuf *o, const char *s, size_t n)
{
  if (o->len + n + 1 > o->alloc) {
    size_t a = o->alloc ? o->alloc * 2 : 65536;
    char *p;
    while (a < o->len + n + 1)
      a *= 2;
    p = realloc (o->data, a);
    if (p == NULL)
      return -1;
    o->data = p;
    o->alloc = a;
  }
  memcpy (o->data + o->len, s, n);
  o->len += n;
  o->data[o->len] = '\0';
  return 0;
}

/* One line of `hexdump -C`: offset, 16 bytes in hex (a gap after the
 * eighth), then the bytes as characters. */
static size_t
format_line (char *line, uint64_t offset, const unsigned char *b, size_t n)
{
  char *p = line;

  p += sprintf (p, "%08" PRIx64 "  ", offset);
  for (size_t i = 0; i < 16; ++i) {
    if (i < n)
      p += sprintf (p, "%02x ", b[i]);
    else
      p += sprintf (p, "   ");
    if (i == 7)
      *p++ = ' ';
  }
  *p++ = ' ';
  *p++ = '|';
  for (size_t i = 0; i < n; ++i)
    *p++ = b[i] >= 0x20 && b[i] <= 0x7e ? b[i] : '.';
  *p++ = '|';
  *p++ = '\n';
  return p - line;
}

char *
do_hexdump (const char *path)
{
  CLEANUP_CLOSE int fd = -1;
  static unsigned char buf[65536];
  unsigned char prev[16];
  bool have_prev = false, starred = false;
  struct outbuf o = { NULL, 0, 0 };
  uint64_t offset = 0;
  size_t have = 0;
  struct stat st;
  char line[128];

  fd = open_for_reading (path, &st);
  if (fd == -1)
    return NULL;
  if (out_append (&o, "", 0) == -1)
    goto nomem;
  for (;;) {
    ssize_t r = read (fd, buf + have, sizeof buf - have);
    size_t total, i;
    if (r == -1) {
      if (errno == EINTR)
        continue;
      reply_with_perror ("%s", path);
      free (o.data);
      return NULL;
    }
    total = have + r;
    /* Whole lines now; a partial one waits for more data or the end. */
    for (i = 0; i + 16 <= total || (r == 0 && i < total); i += 16) {
      size_t n = total - i < 16 ? total - i : 16;
      /* A full line equal to the one before is shown as one "*". */
      if (n == 16 && have_prev && memcmp (prev, buf + i, 16) == 0) {
        if (!starred && out_append (&o, "*\n", 2) == -1)
          goto nomem;
        starred = true;
      }
      else {
        if (out_append (&o, line, format_line (line, offset, buf + i, n)) == -1)
          goto nomem;
        starred = false;
      }
      if (n == 16) {
        memcpy (prev, buf + i, 16);
        have_prev = true;
      }
      offset += n;
      if (o.len > DUMP_MAX) {
        reply_too_large (path);
        free (o.data);
        return NULL;
      }
    }
    have = total - i;
    memmove (buf, buf + i, have);
    if (r == 0)
      break;
  }
  if (offset > 0) {
    int n = snprintf (line, sizeof line, "%08" PRIx64 "\n", offset);
    if (out_append (&o, line, n) == -1)
      goto nomem;
  }
  return o.data;

 nomem:
  reply_with_perror ("%s", path);
  free (o.data);
  return NULL;
}

/* ---- strings ---- */

#define STRING_MIN 4

/* Is the character (of the given encoding) part of a string?  As in GNU
 * strings: printable ASCII or tab, and with 'S' any byte above 127. */
static bool
is_graphic (long c, char encoding)
{
  if (c < 0 || c > 255)
    return false;
  return c == '\t' || (c >= 0x20 && c <= 0x7e) || (encoding == 'S' && c > 127);
}

/* The character of `width' bytes at pos, -1 at end of file, -2 on
 * error. */
static long
char_at (struct reader *r, uint64_t pos, unsigned width, bool big_endian)
{
  long c = 0;

  for (unsigned i = 0; i < width; ++i) {
    int b = byte_at (r, pos + i);
    if (b < 0)
      return b;
    if (big_endian)
      c = (c << 8) | b;
    else
      c |= (long) b << (8 * i);
  }
  return c;
}

struct string_list {
  struct stringsbuf sb;
  struct outbuf cur;
  size_t total;
};

/* Append character c (0..255) to the current string, as UTF-8. */
static int
add_char (struct string_list *l, long c)
{
  char u[2];

  if (c < 0x80) {
    u[0] = c;
    return out_append (&l->cur, u, 1);
  }
  u[0] = 0xc0 | (c >> 6);
  u[1] = 0x80 | (c & 0x3f);
  return out_append (&l->cur, u, 2);
}

static char **
find_strings (const char *encoding, const char *path)
{
  static struct reader r;
  CLEANUP_CLOSE int fd = -1;
  struct string_list l = { .sb = { NULL, 0, 0 }, .cur = { NULL, 0, 0 } };
  unsigned width;
  bool big_endian = false;
  uint64_t pos = 0;
  struct stat st;
  char enc;

  if (strlen (encoding) != 1 || strchr ("sSbBlL", encoding[0]) == NULL) {
    reply_with_error_errno (EINVAL, "%s: unknown encoding: use s, S, b, l, B or L",
                            encoding);
    return NULL;
  }
  enc = encoding[0];
  width = enc == 'b' || enc == 'l' ? 2 : enc == 'B' || enc == 'L' ? 4 : 1;
  big_endian = enc == 'b' || enc == 'B';

  fd = open_for_reading (path, &st);
  if (fd == -1)
    return NULL;
  r.fd = fd;
  r.base = 0;
  r.len = 0;

  for (;;) {
    size_t n = 0;
    long c;

    /* Look for STRING_MIN characters in a row; at a character that
     * isn't one, start again one byte after it (strings finds strings
     * at any byte alignment). */
    l.cur.len = 0;
    while (n < STRING_MIN) {
      c = char_at (&r, pos, width, big_endian);
      if (c == -1)
        goto done;
      if (c == -2)
        goto read_error;
      if (!is_graphic (c, enc)) {
        pos++;
        n = 0;
        l.cur.len = 0;
        continue;
      }
      if (add_char (&l, c) == -1)
        goto nomem;
      n++;
      pos += width;
    }
    /* A string: it goes on until a character that isn't one. */
    for (;;) {
      c = char_at (&r, pos, width, big_endian);
      if (c == -2)
        goto read_error;
      if (c == -1)
        break;
      if (!is_graphic (c, enc)) {
        pos++;
        break;
      }
      if (add_char (&l, c) == -1)
        goto nomem;
      pos += width;
      if (l.total + l.cur.len > DUMP_MAX)
        goto too_large;
    }
    l.total += XDR_STRING_SIZE (l.cur.len);
    if (l.total > DUMP_MAX)
      goto too_large;
    if (add_string (&l.sb, l.cur.data) == -1) {
      free (l.cur.data);
      return NULL;
    }
    if (c == -1)
      break;
  }

 done:
  free (l.cur.data);
  if (end_stringsbuf (&l.sb) == -1)
    return NULL;
  return take_stringsbuf (&l.sb);

 read_error:
  reply_with_perror ("%s", path);
  goto fail;
 nomem:
  reply_with_perror ("%s", path);
  goto fail;
 too_large:
  reply_too_large (path);
 fail:
  free (l.cur.data);
  free_stringsbuf (&l.sb);
  return NULL;
}

char **
do_strings (const char *path)
{
  return find_strings ("s", path);
}

char **
do_strings_e (const char *encoding, const char *path)
{
  return find_strings (encoding, path);
}
