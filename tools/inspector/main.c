/* virt-inspector: display information about a virtual machine.  Parses
 * the command line (common options from tools/common), inspects the
 * disks and prints the XML document, its JSON form, or the result of an
 * XPath query over it.  With --xpath (or --json) and no disks it reads
 * the document from stdin, as libguestfs's --xpath does.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <getopt.h>

#include <libxml/parser.h>

#include "options.h"
#include "inspector.h"

enum {
  OPT_NO_APPLICATIONS = TOOLS_OPT_TOOL,
  OPT_NO_ICON,
  OPT_XPATH,
  OPT_JSON,
};

static void
usage (int status)
{
  if (status != EXIT_SUCCESS)
    tools_try_help ();
  printf ("virt-inspector: display information about a virtual machine\n"
          "Copyright (C) 2010 Red Hat Inc.\n"
          "Usage:\n"
          "  virt-inspector [--options] -d domname\n"
          "  virt-inspector [--options] -a disk.img [-a disk.img ...]\n");
  tools_print_options ("  --json               Output JSON instead of XML\n"
                       "  --no-applications    Do not output the installed applications\n"
                       "  --no-icon            Do not output the guest icon\n"
                       "  --xpath query        Perform an XPath query\n");
  printf ("For more information, see the manpage virt-inspector(1).\n");
  exit (status);
}

static const char short_options[] = TOOLS_SHORT_OPTIONS;
static const struct option long_options[] = {
  TOOLS_LONG_OPTIONS,
  { "json", 0, 0, OPT_JSON },
  { "no-applications", 0, 0, OPT_NO_APPLICATIONS },
  { "no-icon", 0, 0, OPT_NO_ICON },
  { "xpath", 1, 0, OPT_XPATH },
  { 0, 0, 0, 0 }
};

static xmlDocPtr
parse_or_die (const char *xml, const char *what)
{
  xmlDocPtr doc = xmlReadMemory (xml, (int) strlen (xml), NULL, NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOBLANKS);

  if (doc == NULL) {
    tools_error ("unable to parse XML from %s", what);
    exit (EXIT_FAILURE);
  }
  return doc;
}

static xmlDocPtr
read_stdin_doc (void)
{
  xmlDocPtr doc = xmlReadFd (0, NULL, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOBLANKS);

  if (doc == NULL) {
    tools_error ("unable to parse XML from stdin");
    exit (EXIT_FAILURE);
  }
  return doc;
}

static char *
inspect_to_xml (int want_apps, int want_icon)
{
  char **roots;
  char *xml;

  tools_add_drives_and_launch ();
  keys_decrypt (tools.g);
  /* As libguestfs: a disk with no operating system gives an empty
   * <operatingsystems/>; only a failed inspection is an error.
   */
  roots = guestfs_inspect_os (tools.g);
  if (roots == NULL) {
    tools_error ("no operating system could be detected inside this disk "
                 "image.\n\nThis may be because the file is not a disk "
                 "image, or is not a virtual machine\nimage, or because the "
                 "OS type is not understood by libguestfs.\n\nIf you feel "
                 "this is an error, please file a bug report including as "
                 "much\ninformation about the disk image as possible.");
    exit (EXIT_FAILURE);
  }
  xml = inspector_build_xml (tools.g, roots, want_apps, want_icon);
  tools_free_strings (roots);
  return xml;
}

int
main (int argc, char *argv[])
{
  const char *xpath = NULL;
  int want_apps = 1, want_icon = 1, json = 0;
  xmlDocPtr doc;
  char *xml;
  int c, r = 0;

  tools_init ("virt-inspector", argv, usage, short_options, long_options);
  LIBXML_TEST_VERSION;

  while ((c = getopt_long (argc, argv, short_options, long_options,
                           NULL)) != -1) {
    switch (c) {
    case OPT_NO_APPLICATIONS: want_apps = 0; break;
    case OPT_NO_ICON: want_icon = 0; break;
    case OPT_XPATH: xpath = optarg; break;
    case OPT_JSON: json = 1; break;
    default:
      if (!tools_handle_option (c, optarg))
        usage (EXIT_FAILURE);
    }
  }
  /* Old style: bare disk image names are like -a. */
  while (optind < argc)
    tools_handle_option ('a', argv[optind++]);

  if (xpath != NULL && json) {
    tools_error ("--xpath and --json cannot be used together");
    exit (EXIT_FAILURE);
  }
  if (tools.nr_drives == 0 && (xpath != NULL || json)) {
    doc = read_stdin_doc ();
    r = xpath ? inspector_xpath (doc, xpath) : inspector_print_json (doc);
    xmlFreeDoc (doc);
    guestfs_close (tools.g);
    exit (r == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
  }
  tools_check_drives ();

  xml = inspect_to_xml (want_apps, want_icon);
  if (xpath != NULL || json) {
    doc = parse_or_die (xml, "the inspection document");
    r = xpath ? inspector_xpath (doc, xpath) : inspector_print_json (doc);
    xmlFreeDoc (doc);
  }
  else
    fputs (xml, stdout);
  free (xml);

  if (guestfs_shutdown (tools.g) == -1)
    r = -1;
  guestfs_close (tools.g);
  if (fflush (stdout) == EOF || ferror (stdout)) {
    perror ("virt-inspector: stdout");
    r = -1;
  }
  xmlCleanupParser ();
  exit (r == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
}
