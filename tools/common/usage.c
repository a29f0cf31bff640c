/* The "Options:" part of every tool's --help: the lines of the options
 * all tools share, chosen from the tool's own getopt table so that the
 * help lists what the tool really takes, merged in alphabetical order
 * with the lines of the tool's own options.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "options.h"

/* The common entries, by long option name (NULL: the short-only -x). */
static const struct {
  const char *name;
  const char *text;
} common_entries[] = {
  { "add", "  -a|--add image       Add image\n" },
  { "blocksize", "  --blocksize[=512|4096]\n"
    "                       Set sector size of the disk for -a option\n" },
  { "connect", "  -c|--connect uri     Specify libvirt URI for -d option\n" },
  { "domain", "  -d|--domain guest    Add disks from libvirt guest\n" },
  { "echo-keys", "  --echo-keys          Don't turn off echo for passphrases\n" },
  { "format", "  --format[=raw|..]    Force disk format for -a option\n" },
  { "help", "  --help               Display brief help\n" },
  { "inspector", "  -i|--inspector       Inspect and mount the guest (the default)\n" },
  { "key", "  --key selector       Specify a LUKS key\n" },
  { "keys-from-stdin", "  --keys-from-stdin    Read passphrases from stdin\n" },
  { "mount", "  -m|--mount dev[:mnt[:opts[:fstype]]]\n"
    "                       Mount dev on mnt (if omitted, /)\n" },
  { "progress-bars", "  --progress-bars      Show progress bars (on a terminal)\n"
    "  --no-progress-bars   No progress bars (the default)\n" },
  { "ro", "  --ro                 Add the disks read-only (nothing can be written)\n" },
  { "rw", "  --rw                 Add the disks read-write (the default)\n" },
  { "verbose", "  -v|--verbose         Verbose messages\n" },
  { "version", "  -V|--version         Display version and exit\n" },
  { NULL, "  -x                   Trace libguestfs API calls\n" },
};

#define NR_COMMON (sizeof common_entries / sizeof common_entries[0])

struct entry {
  const char *text;
  size_t len;
  char key[32];
};

/* An entry's key: its first option name, without dashes ("-a|--add" is
 * "a", "--blocksize[=..]" is "blocksize").
 */
static void
entry_key (const char *text, char *key, size_t size)
{
  size_t n;

  text += strspn (text, " -");
  n = strcspn (text, " |[=\n");
  if (n >= size)
    n = size - 1;
  memcpy (key, text, n);
  key[n] = '\0';
}

/* Alphabetical regardless of case; -v before -V. */
static int
entry_compare (const void *av, const void *bv)
{
  const struct entry *a = av, *b = bv;
  int r = strcasecmp (a->key, b->key);

  return r != 0 ? r : -strcmp (a->key, b->key);
}

/* Whether an entry's first line names --NAME. */
static int
entry_names (const struct entry *e, const char *name)
{
  size_t n = strlen (name);
  const char *end = e->text + strcspn (e->text, "\n"), *p;

  for (p = e->text; (p = strstr (p, "--")) != NULL && p < end; p += 2)
    if (strncmp (p + 2, name, n) == 0 && strchr (" |[=\n", p[2+n]))
      return 1;
  return 0;
}

static int
tool_takes (const char *name)
{
  const struct option *o;

  if (name == NULL)
    return 1;
  /* --ro only means something to a tool that can write. */
  if (strcmp (name, "ro") == 0 && !tools.writable)
    return 0;
  for (o = tools.long_options; o && o->name; ++o)
    if (strcmp (o->name, name) == 0)
      return 1;
  return 0;
}

void
tools_print_options (const char *own)
{
  size_t nr_own, n = 0, cap = NR_COMMON + 1;
  struct entry *entries;
  const char *p;

  for (p = own ? own : ""; *p; ++p)
    cap += *p == '\n';
  entries = calloc (cap, sizeof *entries);
  if (entries == NULL) {
    perror ("calloc");
    exit (EXIT_FAILURE);
  }

  /* The tool's own entries: a line "  -..." starts one, deeper indented
   * lines continue it.
   */
  for (p = own ? own : ""; *p; ) {
    size_t len = strcspn (p, "\n");

    if (p[len] == '\n')
      len++;
    if (strncmp (p, "  -", 3) == 0 || n == 0) {
      entries[n].text = p;
      entries[n].len = 0;
      entry_key (p, entries[n].key, sizeof entries[n].key);
      n++;
    }
    entries[n-1].len += len;
    p += len;
  }
  nr_own = n;

  /* The common ones the tool takes, unless it describes them itself. */
  for (size_t i = 0; i < NR_COMMON; ++i) {
    char key[32];
    size_t j;

    if (!tool_takes (common_entries[i].name))
      continue;
    entry_key (common_entries[i].text, key, sizeof key);
    for (j = 0; j < nr_own; ++j)
      if (common_entries[i].name ? entry_names (&entries[j], common_entries[i].name)
          : strcmp (entries[j].key, key) == 0)
        break;
    if (j < nr_own)
      continue;
    entries[n].text = common_entries[i].text;
    entries[n].len = strlen (common_entries[i].text);
    memcpy (entries[n].key, key, sizeof key);
    n++;
  }

  qsort (entries, n, sizeof *entries, entry_compare);
  fputs ("Options:\n", stdout);
  for (size_t i = 0; i < n; ++i)
    fwrite (entries[i].text, 1, entries[i].len, stdout);
  free (entries);
}
